using ClosedXML.Excel;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>What teachers and admins see of the index: the task list, public rankings, exports, empty years (issue 9 §2, §6).</summary>
[Collection(PortalCollection.Name)]
public sealed class PointsUiTests(PortalFactory portal)
{
    private DateOnly Today => ChinaTime.Today(portal.Service<TimeProvider>());

    private int ThisYear => Today.Year;

    /// <summary>
    /// An event at midnight today for a serving colleague of the demo teacher, so the year has points whatever the
    /// date (the demo data stops yesterday: on 1 January the year would be empty). Returns the colleague's id.
    /// </summary>
    private async Task<string> EventTodayAsync(string type, int? quantity = null)
    {
        var demoSchool = await portal.DemoSchoolAsync();
        string teacherId;
        await using (var db = await portal.DbAsync())
        {
            teacherId = await db.Users.PointEarners().Serving()
                .Where(u => u.OrgUnitId == demoSchool.Id && u.Level == AdminLevel.Teacher && u.UserName != DemoAccounts.Teacher)
                .OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }
        var store = portal.Service<PointEventStore>();
        var recomputation = portal.Service<PointRecomputation>();
        var midnight = new DateTimeOffset(Today.Year, Today.Month, Today.Day, 0, 0, 0, TimeSpan.FromHours(8));
        await store.RecordAsync("test-today", [new IncomingPointEvent(teacherId, type, midnight, $"{type}-{Today:yyyyMMdd}", quantity)]);
        await recomputation.RecomputeDirtyAsync();
        return teacherId;
    }

    [Fact]
    public async Task A_teacher_sees_every_rule_in_chinese_with_this_weeks_progress_against_its_cap()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var tasks = await portal.Service<PointTaskService>().TasksAsync(teacher);
        var rules = await portal.Service<PointRuleService>().GetAsync(ThisYear);
        Assert.True(tasks.IsTeacher);
        Assert.Equal(rules.Rules.Select(r => r.Name), tasks.Rows.Select(r => r.Name));

        // 资源建设: scored uploads of this Monday–Sunday week against the cap of 5.
        var weekStart = PointEngine.WeekStart(Today);
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        await using var db = await portal.DbAsync();
        var uploads = await (from a in db.PointAwards
                             join e in db.PointEvents on a.EventId equals e.Id
                             where a.TeacherId == teacher.UserId && e.Type == PointTypes.ResourceShare && a.Day >= weekStart && a.Day <= Today && a.Points > 0
                             select a).CountAsync();
        var share = tasks.Rows.Single(r => r.Name == "资源建设");
        Assert.Equal($"本周 {uploads}/5", share.ProgressText);
        Assert.Equal("每周最多 5 次", share.CapText);
        Assert.Equal("1 分/次", share.PointsText);
        Assert.Equal("使用时长不少于 15 分钟", tasks.Rows.Single(r => r.Name == "互动授课").ConditionText);
        Assert.StartsWith("本年 ", tasks.Rows.Single(r => r.Name == "班级组建").ProgressText);
        Assert.Contains("连续登录第 8 天起 2 分/天", tasks.Rows.Single(r => r.Name == "空间登录").PointsText);

        // No event code anywhere a user reads: not on the task page, not on the city admin's rule editor.
        var (teacherClient, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var page = await PortalFactory.HtmlAsync(await teacherClient.GetAsync("/points/tasks"));
        Assert.Contains("资源建设", page);
        Assert.Contains($"本周 {uploads}/5", page);
        var (cityClient, _) = await portal.SignInAsync(DemoAccounts.CityAdmin);
        var rulesPage = await PortalFactory.HtmlAsync(await cityClient.GetAsync("/points/rules"));
        Assert.Contains("资源建设", rulesPage);
        foreach (var rule in rules.Rules)
        {
            Assert.DoesNotContain($">{rule.Type}<", page);
            Assert.DoesNotContain($">{rule.Type}<", rulesPage);
        }
    }

    [Fact]
    public async Task The_api_keys_page_links_to_the_in_app_ingestion_help_with_codes_fields_example_and_errors()
    {
        var (client, _) = await portal.SignInAsync(DemoAccounts.CityAdmin);
        var keys = await PortalFactory.HtmlAsync(await client.GetAsync("/points/keys"));
        Assert.Contains("href=\"/points/api-help\"", keys);
        Assert.DoesNotContain("docs/points-ingestion.md", keys);

        var help = await PortalFactory.HtmlAsync(await client.GetAsync("/points/api-help"));
        foreach (var text in new[] { "X-Api-Key", "api/points/events", "externalId", "teacherPhone", "occurredAt", "interactive-lesson", "互动授课",
                     "campus-office", "校园办公", "接入密钥无效或已吊销", "每批最多 1000 条事件", "请求过于频繁", "Rejected" })
        {
            Assert.Contains(text, help);
        }
    }

    [Fact]
    public async Task Every_signed_in_user_sees_school_and_county_rankings_but_named_teachers_only_of_their_own_jurisdiction()
    {
        await EventTodayAsync(PointTypes.Login);
        var query = portal.Service<PointQueryService>();
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var other = await portal.OtherCountySchoolAsync();
        int schoolCount, countyCount, otherCountyId;
        await using (var db = await portal.DbAsync())
        {
            schoolCount = await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.School);
            // Other tests may add a county to the shared database: count what is there now.
            countyCount = await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.County);
            var otherCountyPath = OrgUnit.AncestorPaths(other.Path)[1];
            otherCountyId = await db.OrgUnits.Where(o => o.Path == otherCountyPath).Select(o => o.Id).SingleAsync();
        }

        // A teacher: the whole city's schools and counties, no named teachers.
        var seen = (await query.RankingsAsync(teacher, new RankingQuery(ThisYear))).Value!;
        Assert.Equal(schoolCount, seen.Schools.Count);
        Assert.Equal(countyCount, seen.Counties.Count);
        Assert.False(seen.ShowsTeachers);
        Assert.Empty(seen.Teachers);
        // A school admin: the city's schools, but only their own school's teachers by name.
        var bySchoolAdmin = (await query.RankingsAsync(schoolAdmin, new RankingQuery(ThisYear))).Value!;
        Assert.Equal(schoolCount, bySchoolAdmin.Schools.Count);
        Assert.NotEmpty(bySchoolAdmin.Teachers);
        Assert.All(bySchoolAdmin.Teachers, t => Assert.Equal(schoolAdmin.OrgUnitId, t.SchoolId));
        // A county admin looking at another county: its schools, none of its teachers.
        var neighbourCounty = (await query.RankingsAsync(county, new RankingQuery(ThisYear, OrgUnitId: otherCountyId))).Value!;
        Assert.Contains(neighbourCounty.Schools, s => s.SchoolId == other.Id);
        Assert.Empty(neighbourCounty.Teachers);
        Assert.False(neighbourCounty.ShowsTeachers);
        // A school id is not a scope, and a school's teacher list stays with the admins over it.
        Assert.IsType<NotFoundError>((await query.RankingsAsync(teacher, new RankingQuery(ThisYear, OrgUnitId: other.Id))).Error);
        Assert.IsType<ForbiddenError>((await query.SchoolAsync(teacher, other.Id, ThisYear)).Error);
        Assert.IsType<ForbiddenError>((await query.SchoolAsync(teacher, teacher.OrgUnitId, ThisYear)).Error);
        Assert.IsType<NotFoundError>((await query.SchoolAsync(schoolAdmin, other.Id, ThisYear)).Error);

        // The page opens for a teacher, without the teacher tab or anybody's name from another school.
        var (client, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var response = await client.GetAsync("/points/rankings");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await PortalFactory.HtmlAsync(response);
        Assert.Contains("区县排名", html);
        Assert.DoesNotContain("教师排名", html);
        Assert.DoesNotContain($"/points/school/{other.Id}", html);
    }

    [Fact]
    public async Task The_county_ranking_divides_each_countys_serving_teachers_points_by_their_number()
    {
        await EventTodayAsync(PointTypes.Login);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var rankings = (await portal.Service<PointQueryService>().RankingsAsync(city, new RankingQuery(ThisYear))).Value!;
        await using var db = await portal.DbAsync();
        foreach (var row in rankings.Counties)
        {
            var path = await db.OrgUnits.Where(o => o.Id == row.CountyId).Select(o => o.Path).SingleAsync();
            var serving = db.Users.PointEarners().Serving().Where(u => u.OrgUnit!.Path.StartsWith(path)).Select(u => u.Id);
            var teachers = await serving.CountAsync();
            var points = await db.PointTeacherTotals.Where(t => t.Year == ThisYear && serving.Contains(t.TeacherId)).SumAsync(t => t.Total);
            Assert.Equal((teachers, points, PointIndex.SchoolIndex(points, teachers)), (row.ActiveTeachers, row.ActivePoints, row.Index));
        }
        Assert.Equal(await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.County), rankings.Counties.Count);
        // Ranked counties by index, highest first; a county without serving teachers (another test may add one) comes after, unranked.
        var ranked = rankings.Counties.TakeWhile(c => c.Index is not null).ToList();
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Index >= p.Second.Index));
        Assert.All(rankings.Counties.Skip(ranked.Count), c => Assert.Null(c.Index));
        Assert.Equal(1, rankings.Counties[0].Rank);
        var workbook = new XLWorkbook(new MemoryStream(PointQueryService.ExportCounties(rankings)));
        Assert.Equal(rankings.Counties[0].CountyName, workbook.Worksheet(1).Cell(3, 2).GetString());
    }

    [Fact]
    public async Task Ranking_by_a_category_orders_schools_and_teachers_by_that_categorys_points()
    {
        await EventTodayAsync(PointTypes.InteractiveLesson, 40);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var rankings = (await portal.Service<PointQueryService>().RankingsAsync(county,
            new RankingQuery(ThisYear, Category: PointCategory.TeachingApplication))).Value!;
        Assert.Equal("按教学应用积分排名", rankings.BasisText);
        Assert.True(rankings.Teachers.Zip(rankings.Teachers.Skip(1)).All(p => p.First.ByCategory[1] >= p.Second.ByCategory[1]));
        var top = rankings.Schools[0];
        await using var db = await portal.DbAsync();
        var serving = db.Users.PointEarners().Serving().Where(u => u.OrgUnitId == top.SchoolId).Select(u => u.Id);
        var teaching = await db.PointTeacherTotals.Where(t => t.Year == ThisYear && serving.Contains(t.TeacherId)).SumAsync(t => t.TeachingApplication);
        Assert.Equal(teaching, top.ActivePoints);
        Assert.True(rankings.Schools.Where(s => s.Index is not null).Zip(rankings.Schools.Where(s => s.Index is not null).Skip(1)).All(p => p.First.Index >= p.Second.Index));
    }

    [Fact]
    public async Task The_award_ranking_leaves_out_vocational_schools_which_only_county_and_city_admins_flag()
    {
        await EventTodayAsync(PointTypes.Login);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var query = portal.Service<PointQueryService>();
        List<int> vocational;
        await using (var db = await portal.DbAsync())
        {
            vocational = await db.OrgUnits.Where(o => o.IsVocational).Select(o => o.Id).ToListAsync();
        }
        Assert.Equal(2, vocational.Count); // the demo city has two 职业教育中心
        var all = (await query.RankingsAsync(city, new RankingQuery(ThisYear))).Value!;
        Assert.All(vocational, id => Assert.True(all.Schools.Single(s => s.SchoolId == id).IsVocational));
        var award = (await query.RankingsAsync(city, new RankingQuery(ThisYear, ExcludeVocational: true))).Value!;
        Assert.DoesNotContain(award.Schools, s => vocational.Contains(s.SchoolId));
        Assert.DoesNotContain(award.Teachers, t => vocational.Contains(t.SchoolId));
        Assert.Equal(all.Schools.Count - 2, award.Schools.Count);
        Assert.Equal(all.Counties.Sum(c => c.Schools) - 2, award.Counties.Sum(c => c.Schools));
        Assert.Contains("不含职校", award.BasisText);
        Assert.Contains("不含职校", award.FileName("学校深度应用指数"));

        // The school edit page offers the flag to county and city admins only.
        var (countyClient, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        var (schoolClient, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var ownSchoolId = (await portal.CallerAsync(DemoAccounts.SchoolAdmin)).OrgUnitId;
        Assert.Contains("unit-vocational", await PortalFactory.HtmlAsync(await countyClient.GetAsync($"/org/{ownSchoolId}")));
        Assert.DoesNotContain("unit-vocational", await PortalFactory.HtmlAsync(await schoolClient.GetAsync($"/org/{ownSchoolId}")));

        // A school admin cannot flag their school; a county admin can (and it is audited with the rest of the edit).
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var countyAdmin = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var orgs = portal.Service<OrgService>();
        var detail = (await orgs.GetAsync(schoolAdmin, schoolAdmin.OrgUnitId)).Value!;
        Assert.False(detail.CanSetVocational);
        OrgUnitInput InputOf(OrgUnitDetail d, bool vocationalFlag) => new()
        {
            Name = d.Name,
            Kind = d.Kind,
            Stage = d.Stage,
            StudentCount = d.StudentCount,
            Phone = d.Phone,
            Address = d.Address,
            IsVocational = vocationalFlag,
        };
        var refused = await orgs.UpdateAsync(schoolAdmin, schoolAdmin.OrgUnitId, InputOf(detail, true));
        Assert.Equal("只有县级或市级管理员可以设置职校标记", Assert.IsType<ValidationError>(refused.Error).Fields["IsVocational"]);
        Assert.False((await orgs.GetAsync(schoolAdmin, schoolAdmin.OrgUnitId)).Value!.IsVocational);
        // The school admin's ordinary edit of a flagged school keeps the flag.
        try
        {
            Assert.True((await orgs.GetAsync(countyAdmin, schoolAdmin.OrgUnitId)).Value!.CanSetVocational);
            Assert.True((await orgs.UpdateAsync(countyAdmin, schoolAdmin.OrgUnitId, InputOf(detail, true))).Succeeded);
            var flagged = (await orgs.GetAsync(schoolAdmin, schoolAdmin.OrgUnitId)).Value!;
            Assert.True(flagged.IsVocational);
            Assert.True((await orgs.UpdateAsync(schoolAdmin, schoolAdmin.OrgUnitId, InputOf(flagged, true))).Succeeded);
            var ranked = (await query.RankingsAsync(countyAdmin, new RankingQuery(ThisYear, ExcludeVocational: true))).Value!;
            Assert.DoesNotContain(ranked.Schools, s => s.SchoolId == schoolAdmin.OrgUnitId);
        }
        finally
        {
            await orgs.UpdateAsync(countyAdmin, schoolAdmin.OrgUnitId, InputOf(detail, false));
        }
    }

    [Fact]
    public async Task A_date_range_export_sums_each_category_and_names_its_period_and_the_time_it_was_made()
    {
        // At least one point inside the range whatever today is.
        var teacherId = await EventTodayAsync(PointTypes.Login);

        var first = Today.AddDays(-13) is var f && f.Year == ThisYear ? f : new DateOnly(ThisYear, 1, 1);
        var last = Today;
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var rankings = (await portal.Service<PointQueryService>().RankingsAsync(county, new RankingQuery(ThisYear, first, last))).Value!;
        Assert.True(rankings.HasPoints);
        Assert.All(rankings.Teachers, t => Assert.Equal(t.Total, t.ByCategory.Sum()));
        Assert.True(rankings.Teachers.Sum(t => t.ByCategory[(int)PointCategory.SpaceBuilding]) > 0);

        // Each teacher's 空间建设 of the range, straight from the awards.
        await using var db = await portal.DbAsync();
        var spaceTypes = (await portal.Service<PointRuleService>().GetAsync(ThisYear)).Rules.Where(r => r.Category == PointCategory.SpaceBuilding).Select(r => r.Type).ToList();
        var mine = rankings.Teachers.Single(t => t.TeacherId == teacherId);
        var expected = await (from a in db.PointAwards
                              join e in db.PointEvents on a.EventId equals e.Id
                              where a.TeacherId == teacherId && a.Year == ThisYear && a.Day >= first && a.Day <= last && spaceTypes.Contains(e.Type)
                              select a.Points).SumAsync();
        Assert.Equal(expected, mine.ByCategory[(int)PointCategory.SpaceBuilding]);

        var period = $"{first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}";
        var made = ChinaTime.ToChina(rankings.GeneratedAt).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        var fileName = rankings.FileName("教师积分排名");
        Assert.Equal($"教师积分排名_东溪区教育局_{first:yyyy-MM-dd}至{last:yyyy-MM-dd}_{made}.xlsx", fileName);

        using var workbook = new XLWorkbook(new MemoryStream(PointQueryService.ExportTeachers(rankings)));
        var sheet = workbook.Worksheet(1);
        var caption = sheet.Cell(1, 1).GetString();
        Assert.Contains(period, caption);
        Assert.Contains($"导出时间 {ChinaTime.Format(rankings.GeneratedAt)}", caption);
        Assert.Equal("姓名", sheet.Cell(2, 2).GetString());
        Assert.Equal("空间建设", sheet.Cell(2, 7).GetString());
        var rows = sheet.RowsUsed().Skip(2).ToList();
        Assert.Equal(rankings.Teachers.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(row.Cell(6).GetValue<int>(), Enumerable.Range(7, 5).Sum(c => row.Cell(c).GetValue<int>()));
        }
        Assert.True(rows.Sum(r => r.Cell(7).GetValue<int>()) > 0);

        using var schools = new XLWorkbook(new MemoryStream(PointQueryService.ExportSchools(rankings)));
        Assert.Contains(period, schools.Worksheet(1).Cell(1, 1).GetString());
        Assert.Contains("学校深度应用指数", rankings.FileName("学校深度应用指数"));

        // The school page's export names its year and time too.
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = (await portal.Service<PointQueryService>().SchoolAsync(schoolAdmin, schoolAdmin.OrgUnitId, ThisYear)).Value!;
        Assert.Matches($@"^教师积分_.+_{ThisYear}年度_\d{{8}}-\d{{4}}\.xlsx$", school.FileName);
        using var schoolBook = new XLWorkbook(new MemoryStream(PointQueryService.ExportTeachers(school)));
        Assert.Contains($"{ThisYear}年度 · 导出时间", schoolBook.Worksheet(1).Cell(1, 1).GetString());
    }

    [Fact]
    public async Task A_year_without_points_ranks_nobody_and_its_export_says_so()
    {
        var empty = ThisYear - 3; // the demo data covers the 52 weeks up to today: never three years back
        var query = portal.Service<PointQueryService>();
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var rankings = (await query.RankingsAsync(city, new RankingQuery(empty, IncludeWeeks: true))).Value!;
        Assert.False(rankings.HasPoints);
        Assert.Empty(rankings.Schools);
        Assert.Empty(rankings.Counties);
        Assert.Empty(rankings.Teachers);
        Assert.Empty(rankings.Weeks);
        using var workbook = new XLWorkbook(new MemoryStream(PointQueryService.ExportSchools(rankings)));
        Assert.Contains("该时段没有积分", workbook.Worksheet(1).Cell(1, 1).GetString());
        Assert.Equal(2, workbook.Worksheet(1).LastRowUsed()!.RowNumber());

        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = (await query.SchoolAsync(schoolAdmin, schoolAdmin.OrgUnitId, empty)).Value!;
        Assert.Null(school.CountyRank.Rank);
        Assert.Null(school.CityRank.Rank);
        var mine = (await query.MyPointsAsync(await portal.CallerAsync(DemoAccounts.Teacher), empty)).Value!;
        Assert.Equal((null, null, null), (mine.School.Rank, mine.County.Rank, mine.City.Rank));

        var (client, _) = await portal.SignInAsync(DemoAccounts.CityAdmin);
        var html = await PortalFactory.HtmlAsync(await client.GetAsync("/points/rankings"));
        Assert.DoesNotContain("rankings-empty", html); // this year has points
    }

    [Fact]
    public async Task The_weekly_trend_marks_weeks_cut_by_the_period_or_still_running_as_partial()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var rankings = (await portal.Service<PointQueryService>().RankingsAsync(county, new RankingQuery(ThisYear, IncludeWeeks: true))).Value!;
        var yearStart = new DateOnly(ThisYear, 1, 1);
        Assert.All(rankings.Weeks, w => Assert.Equal(w.WeekStart < yearStart || w.WeekStart.AddDays(6) > Today, w.IsPartial));
        // This week is still running: its few days are never drawn as a drop.
        Assert.True(rankings.Weeks.Where(w => w.WeekStart == PointEngine.WeekStart(Today)).All(w => w.IsPartial));

        // A range from a Wednesday to a Tuesday: its first and last weeks are partial, the ones between are whole.
        var wednesday = new DateOnly(2026, 3, 4);
        var weeks = PointQueryService.MarkPartialWeeks(
            [new(new DateOnly(2026, 3, 2), 10), new(new DateOnly(2026, 3, 9), 70), new(new DateOnly(2026, 3, 16), 80), new(new DateOnly(2026, 3, 23), 5)],
            wednesday, new DateOnly(2026, 3, 24));
        Assert.Equal([true, false, false, true], weeks.Select(w => w.IsPartial));
    }
}
