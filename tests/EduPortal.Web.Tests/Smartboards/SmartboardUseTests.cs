using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

[Collection(PortalCollection.Name)]
public sealed class SmartboardUseTests(PortalFactory portal)
{
    [Fact]
    public async Task A_teacher_records_a_lesson_it_counts_in_the_school_figures_and_is_audited()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<SmartboardUseService>();
        var form = (await service.FormAsync(teacher))!;
        Assert.NotEmpty(form.Rooms);
        var before = Assert.Single((await service.ReportAsync(admin))!.Schools).Figure;
        var id = await service.RecordAsync(teacher, new UseLessonInput(form.Rooms[0].Id, form.Subjects[0], portal.Today, 3));
        Assert.True(id.Succeeded, id.Error?.Message);
        var after = Assert.Single((await service.ReportAsync(admin))!.Schools).Figure;
        Assert.Equal(before.PeriodsWithEquipment + 3, after.PeriodsWithEquipment);
        Assert.Contains(await service.MyLessonsAsync(teacher), l => l.Id == id.Value && l.Periods == 3 && l.CanDelete);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardLessonRecorded && a.EntityId == id.Value.ToString()));

        Assert.True((await service.DeleteAsync(teacher, id.Value)).Succeeded);
        Assert.Equal(before.PeriodsWithEquipment, Assert.Single((await service.ReportAsync(admin))!.Schools).Figure.PeriodsWithEquipment);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardLessonDeleted && a.EntityId == id.Value.ToString()));
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_saved()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var service = portal.Service<SmartboardUseService>();
        var room = (await service.FormAsync(teacher))!.Rooms[0].Id;
        await using var db = await portal.DbAsync();
        var count = await db.SmartboardLessons.CountAsync();
        var result = await service.RecordAsync(teacher, new UseLessonInput(room, null, portal.Today.AddDays(1), 0));
        var fields = Assert.IsType<ValidationError>(result.Error).Fields;
        Assert.Equal("请选择学科", fields["Subject"]);
        Assert.Equal("上课日期不能晚于今天", fields["TaughtOn"]);
        Assert.Contains("Periods", fields.Keys);
        Assert.Equal("请选择教室", Assert.IsType<ValidationError>((await service.RecordAsync(teacher, new UseLessonInput(null, "语文", portal.Today, 1))).Error).Fields["ClassroomId"]);
        Assert.Equal(count, await db.SmartboardLessons.CountAsync());
    }

    [Fact]
    public async Task Another_schools_room_and_lesson_are_not_found()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var service = portal.Service<SmartboardUseService>();
        var other = await portal.NeighbourSchoolAsync();
        await using var db = await portal.DbAsync();
        var otherRoom = await db.Classrooms.Where(c => c.SchoolId == other.Id).Select(c => c.Id).FirstAsync();
        var otherLesson = await db.SmartboardLessons.Where(l => l.SchoolId == other.Id).Select(l => l.Id).FirstAsync();
        var count = await db.SmartboardLessons.CountAsync();
        Assert.IsType<NotFoundError>((await service.RecordAsync(teacher, new UseLessonInput(otherRoom, "语文", portal.Today, 1))).Error);
        Assert.IsType<NotFoundError>((await service.DeleteAsync(teacher, otherLesson)).Error);
        Assert.IsType<NotFoundError>((await service.DeleteAsync(await portal.CallerAsync(DemoAccounts.SchoolAdmin), otherLesson)).Error);
        Assert.Equal(count, await db.SmartboardLessons.CountAsync());
    }

    [Fact]
    public async Task A_teacher_may_not_delete_a_colleagues_lesson_but_the_school_admin_may()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<SmartboardUseService>();
        await using var db = await portal.DbAsync();
        var colleagues = await db.SmartboardLessons.Where(l => l.SchoolId == teacher.OrgUnitId && l.TeacherId != teacher.UserId).Select(l => l.Id).FirstAsync();
        Assert.IsType<ForbiddenError>((await service.DeleteAsync(teacher, colleagues)).Error);
        Assert.True((await service.DeleteAsync(admin, colleagues)).Succeeded);
    }

    [Fact]
    public async Task The_county_roll_up_adds_its_schools_flags_schools_below_full_subject_coverage_and_exports_them()
    {
        var service = portal.Service<SmartboardUseService>();
        var county = (await service.ReportAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin)))!;
        Assert.Equal(county.Schools.Sum(s => s.Figure.SubjectsTaught), county.Scope.Figure.SubjectsTaught);
        Assert.Equal(county.Schools.Sum(s => s.Figure.PeriodsWithEquipment), county.Scope.Figure.PeriodsWithEquipment);
        Assert.Equal(county.Scope.Figure, county.Units.Aggregate(new UseFigure(0, 0, 0, 0), (sum, u) => sum + u.Figure));
        // The demo term leaves a school in three with two subjects unused.
        Assert.Contains(county.Schools, s => !s.Figure.MeetsSubjectTarget && s.UnusedSubjects.Count > 0);
        Assert.Equal(county.Schools.Count(s => !s.Figure.MeetsSubjectTarget), county.Scope.SchoolsBelowSubjectTarget);
        Assert.All(county.Schools, s => Assert.Equal(s.Figure.SubjectsTaught - s.Figure.SubjectsUsed, s.UnusedSubjects.Count));
        Assert.Null(await service.ReportAsync(await portal.CallerAsync(DemoAccounts.Teacher)));

        using var workbook = new XLWorkbook(new MemoryStream(service.BuildWorkbook(county)));
        var sheet = workbook.Worksheet(1);
        Assert.Contains(sheet.RangeUsed()!.Rows(), r => r.Cell(3).GetString() == county.Schools[0].Name);
    }

    [Fact]
    public async Task The_export_answers_admins_and_not_teachers()
    {
        var (countyClient, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        var response = await countyClient.GetAsync("/smartboards/use.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (teacherClient, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherClient.GetAsync("/smartboards/use.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_subject_coverage_metric_reads_the_county_figure()
    {
        var source = portal.Service<IEnumerable<IMetricSource>>().Single(s => s.Definition.Key == "smartboards.subject-coverage");
        var countyCaller = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var county = await db.OrgUnits.SingleAsync(o => o.Id == countyCaller.OrgUnitId);
        var reading = await source.ReadAsync(county, portal.Today, CancellationToken.None);
        var report = (await portal.Service<SmartboardUseService>().ReportAsync(countyCaller))!;
        Assert.Equal(report.Scope.Figure.SubjectsUsed, reading.Scope.Numerator);
        Assert.Equal(report.Scope.Figure.SubjectsTaught, reading.Scope.Denominator);
        Assert.Equal(report.Units.Count, reading.Units.Count);
    }
}
