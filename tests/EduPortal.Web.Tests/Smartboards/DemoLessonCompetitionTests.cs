using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Competitions;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

/// <summary>Demo lessons (circular 003 §三.2: 各学校全年不少于2次) and the county competitions of June and December (circular 004).</summary>
[Collection(PortalCollection.Name)]
public sealed class DemoLessonCompetitionTests(PortalFactory portal)
{
    private DemoLessonService DemoLessons => portal.Service<DemoLessonService>();
    private CompetitionService Competitions => portal.Service<CompetitionService>();

    private async Task<Caller> OtherCountySchoolAdminAsync()
    {
        var other = await portal.OtherCountySchoolAsync();
        return new Caller("x-admin", "外校校管", AdminLevel.School, other.Id, other.Name, other.Path, OrgUnitKind.School, Capability.None);
    }

    private DemoLessonInput Input(DemoLessonForm form, string topic) =>
        new(DemoLessonKind.Model, form.Teachers[0].UserId, form.Subjects[0], topic, portal.Today, form.Rooms.FirstOrDefault()?.Id, "全县教师 30 人观摩", null);

    [Fact]
    public async Task A_school_admin_records_a_demo_lesson_which_the_county_counts_against_the_rule_and_it_is_audited()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var form = (await DemoLessons.FormAsync(admin))!;
        var before = (await DemoLessons.ReportAsync(county, portal.Today.Year))!.Schools.Single(s => s.SchoolId == admin.OrgUnitId);
        var id = await DemoLessons.RecordAsync(admin, Input(form, "一体机在几何画板教学中的应用"));
        Assert.True(id.Succeeded, id.Error?.Message);
        var report = (await DemoLessons.ReportAsync(county, portal.Today.Year))!;
        var after = report.Schools.Single(s => s.SchoolId == admin.OrgUnitId);
        Assert.Equal(before.Model + 1, after.Model);
        Assert.Equal(report.Schools.Count(s => s.Total >= 2), report.Scope.SchoolsMeeting);
        Assert.Equal(report.Schools.Count, report.Scope.Schools);
        Assert.Equal(report.Units.Sum(u => u.Schools), report.Scope.Schools);
        Assert.All(report.Schools, s => Assert.Equal(s.Total >= 2, s.Meets));
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardDemoLessonRecorded && a.OrgPath == admin.OrgPath
            && a.Summary.Contains("一体机在几何画板教学中的应用")));
        Assert.True((await DemoLessons.DeleteAsync(admin, id.Value)).Succeeded);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardDemoLessonDeleted && a.EntityId == id.Value.ToString()));
    }

    [Fact]
    public async Task The_demo_data_has_schools_below_two_lessons_flagged_for_the_county()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var report = (await DemoLessons.ReportAsync(county, portal.Today.Year))!;
        Assert.Contains(report.Schools, s => !s.Meets);
        Assert.Contains(report.Schools, s => s.Meets);
        Assert.True(report.Scope.SchoolsBelow > 0);
        // The schools below the rule come first.
        Assert.False(report.Schools[0].Meets);
    }

    [Fact]
    public async Task Another_schools_ids_are_not_found_and_its_teachers_and_rooms_are_refused()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var outsider = await OtherCountySchoolAdminAsync();
        var form = (await DemoLessons.FormAsync(admin))!;
        var id = (await DemoLessons.RecordAsync(admin, Input(form, "跨校测试课"))).Value;
        Assert.IsType<NotFoundError>((await DemoLessons.DeleteAsync(outsider, id)).Error);
        Assert.DoesNotContain(await DemoLessons.ListAsync(outsider, portal.Today.Year), l => l.Id == id);
        await using var db = await portal.DbAsync();
        // A serving teacher of another school (one who left is refused as not serving, before the school is compared;
        // the other county's school may have none left, other tests of the shared portal change accounts).
        var otherTeacher = await db.Users.ActiveServing()
            .Where(u => u.OrgUnitId != admin.OrgUnitId && u.Level == AdminLevel.Teacher && u.OrgUnit!.Kind == OrgUnitKind.School)
            .OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var otherRoom = await db.Classrooms.Where(c => c.SchoolId == outsider.OrgUnitId).Select(c => c.Id).FirstAsync();
        var count = await db.DemoLessons.CountAsync();
        Assert.Equal("授课教师须为本校教职工", ((ValidationError)(await DemoLessons.RecordAsync(admin, Input(form, "x") with { TeacherId = otherTeacher })).Error!).Fields["TeacherId"]);
        Assert.Equal("请选择本校的教室", ((ValidationError)(await DemoLessons.RecordAsync(admin, Input(form, "x") with { ClassroomId = otherRoom })).Error!).Fields["ClassroomId"]);
        Assert.IsType<ForbiddenError>((await DemoLessons.RecordAsync(await portal.CallerAsync(DemoAccounts.Teacher), Input(form, "x"))).Error);
        Assert.Equal(count, await db.DemoLessons.CountAsync());
        await DemoLessons.DeleteAsync(admin, id);
    }

    [Fact]
    public async Task The_export_names_the_period_and_when_it_was_made_and_answers_admins_only()
    {
        var (countyClient, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        var year = portal.Today.Year;
        var response = await countyClient.GetAsync($"/smartboards/demo-lessons.xlsx?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var caption = workbook.Worksheet(1).Cell(1, 1).GetString();
        Assert.Contains($"统计期间 {year}-01-01 至 {year}-12-31", caption);
        Assert.Contains($"导出时间 {ChinaTime.Format(portal.Clock.GetUtcNow())[..10]}", caption);
        Assert.Contains(workbook.Worksheet(1).RangeUsed()!.Rows(), r => r.Cell(7).GetString().StartsWith("未达标", StringComparison.Ordinal));
        var (teacherClient, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.NotEqual(HttpStatusCode.OK, (await teacherClient.GetAsync("/smartboards/demo-lessons.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_compliance_metric_reads_the_countys_schools_meeting_the_rule()
    {
        var source = portal.Service<IEnumerable<IMetricSource>>().Single(s => s.Definition.Key == "smartboards.demo-lesson-compliance");
        Assert.Equal("观摩示范课达标率", source.Definition.Name);
        var countyCaller = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var county = await db.OrgUnits.SingleAsync(o => o.Id == countyCaller.OrgUnitId);
        var reading = await source.ReadAsync(county, portal.Today, CancellationToken.None);
        var report = (await DemoLessons.ReportAsync(countyCaller, portal.Today.Year))!;
        Assert.Equal(report.Scope.SchoolsMeeting, reading.Scope.Numerator);
        Assert.Equal(report.Scope.Schools, reading.Scope.Denominator);
        Assert.True(reading.Scope.Value < 100m);
    }

    private async Task<int> FreeRoundAsync(Caller county)
    {
        await using var db = await portal.DbAsync();
        var year = portal.Today.Year;
        foreach (var y in new[] { year - 1, year, year + 1 })
        {
            foreach (var period in CompetitionNames.Periods)
            {
                if (!await db.LessonCompetitions.AnyAsync(c => c.CountyId == county.OrgUnitId && c.Year == y && c.Period == period))
                {
                    var opened = await Competitions.OpenAsync(county, new CompetitionInput(y, period, $"{y}年{period.DisplayName()}测试竞赛"));
                    Assert.True(opened.Succeeded, opened.Error?.Message);
                    return opened.Value;
                }
            }
        }
        throw new InvalidOperationException("no free round");
    }

    [Fact]
    public async Task A_county_runs_a_competition_its_school_enters_a_teacher_and_the_county_records_the_award_all_audited()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var id = await FreeRoundAsync(county);
        var view = (await Competitions.ViewAsync(admin, id))!;
        Assert.True(view.Permissions.CanEnter);
        var teacher = view.EntryForm!.Teachers[0];
        var entered = await Competitions.EnterAsync(admin, id, new CompetitionEntryInput(teacher.UserId, "数学", "用一体机上好复习课"));
        Assert.True(entered.Succeeded, entered.Error?.Message);
        var again = await Competitions.EnterAsync(admin, id, new CompetitionEntryInput(teacher.UserId, "语文", "再报一次"));
        Assert.Equal("该教师已报名本次竞赛", ((ValidationError)again.Error!).Fields["TeacherId"]);
        var countyView = (await Competitions.ViewAsync(county, id))!;
        Assert.True(countyView.Permissions.CanRecordResults);
        var awards = countyView.Entries.ToDictionary(e => e.Id, _ => (CompetitionAward?)CompetitionAward.First);
        Assert.True((await Competitions.RecordResultsAsync(county, id, awards)).Succeeded);
        var closed = (await Competitions.ViewAsync(admin, id))!;
        Assert.Equal(CompetitionAward.First, closed.Entries.Single().Award);
        Assert.False(closed.Permissions.CanEnter);
        await using var db = await portal.DbAsync();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SmartboardCompetitionChanged && a.EntityId == id.ToString()));
        // The same round cannot be opened twice.
        var competition = await db.LessonCompetitions.SingleAsync(c => c.Id == id);
        Assert.Contains("已经组织", ((ValidationError)(await Competitions.OpenAsync(county, new CompetitionInput(competition.Year, competition.Period, "重复"))).Error!).Fields["Period"]);
    }

    [Fact]
    public async Task Another_countys_school_and_admin_get_not_found_for_a_competition()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var competition = await db.LessonCompetitions.Where(c => c.CountyId == county.OrgUnitId).OrderBy(c => c.Id).FirstAsync();
        var outsider = await OtherCountySchoolAdminAsync();
        Assert.Null(await Competitions.ViewAsync(outsider, competition.Id));
        Assert.IsType<NotFoundError>((await Competitions.EnterAsync(outsider, competition.Id, new CompetitionEntryInput("x", "数学", "x"))).Error);
        var otherCountyPath = OrgUnit.AncestorPaths(outsider.OrgPath)[1];
        var otherCounty = await db.OrgUnits.SingleAsync(o => o.Path == otherCountyPath);
        var otherCountyAdmin = new Caller("x-county", "外县县管", AdminLevel.County, otherCounty.Id, otherCounty.Name, otherCounty.Path, OrgUnitKind.County, Capability.None);
        Assert.IsType<NotFoundError>((await Competitions.RecordResultsAsync(otherCountyAdmin, competition.Id, new Dictionary<int, CompetitionAward?>())).Error);
        Assert.DoesNotContain(await Competitions.ListAsync(otherCountyAdmin), c => c.Id == competition.Id);
        // A school of the county sees its county's competitions but not another school's entries.
        var neighbour = await portal.NeighbourSchoolAsync();
        var neighbourAdmin = new Caller("n-admin", "邻校校管", AdminLevel.School, neighbour.Id, neighbour.Name, neighbour.Path, OrgUnitKind.School, Capability.None);
        var seen = (await Competitions.ViewAsync(neighbourAdmin, competition.Id))!;
        Assert.All(seen.Entries, e => Assert.Equal(neighbour.Name, e.SchoolName));
    }
}
