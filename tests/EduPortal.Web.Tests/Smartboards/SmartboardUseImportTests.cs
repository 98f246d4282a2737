using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

/// <summary>Excel import of use records (circular 003 §三.4): a template, per-row errors, nothing half-saved.</summary>
[Collection(PortalCollection.Name)]
public sealed class SmartboardUseImportTests(PortalFactory portal)
{
    private SmartboardUseImportService Import => portal.Service<SmartboardUseImportService>();

    private static MemoryStream Workbook(params string[][] rows) => ImportFiles.FromTemplate(SmartboardUseImportService.BuildTemplate(), rows);

    private async Task<(Caller Admin, string Room, string Teacher)> SchoolAsync()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        await using var db = await portal.DbAsync();
        var room = await db.Classrooms.Where(c => c.SchoolId == admin.OrgUnitId).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync();
        var teacher = await db.Users.Where(u => u.UserName == DemoAccounts.Teacher).Select(u => u.RealName).SingleAsync();
        return (admin, room, teacher);
    }

    private string Day(int daysAgo) => portal.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_file_with_an_unknown_room_and_teacher_is_refused_whole_with_each_rows_problems()
    {
        var (admin, room, teacher) = await SchoolAsync();
        await using var db = await portal.DbAsync();
        var before = await db.SmartboardLessons.CountAsync();
        var result = await Import.ImportAsync(admin, Workbook(
            [Day(1), room, "数学", "2", teacher],
            [Day(1), "不存在的教室", "数学", "1", teacher],
            [Day(2), room, "语文", "1", "查无此人"],
            ["2026/13/45", room, "外星语", "九", teacher],
            [portal.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), room, "数学", "12", teacher]));
        Assert.True(result.Succeeded);
        var rows = result.Value!;
        Assert.Equal(0, rows.Imported);
        Assert.True(rows.Rows[0].IsValid);
        Assert.Contains("教室“不存在的教室”不在本校设备台账中", rows.Rows[1].Errors);
        Assert.Contains("授课教师“查无此人”不是本校在职教职工", rows.Rows[2].Errors);
        Assert.Contains(rows.Rows[3].Errors, e => e.Contains("无法识别，请按", StringComparison.Ordinal));
        Assert.Contains("学科“外星语”无法识别", rows.Rows[3].Errors);
        Assert.Contains("课时“九”应为整数", rows.Rows[3].Errors);
        Assert.Contains("上课日期不能晚于今天", rows.Rows[4].Errors);
        Assert.Contains(rows.Rows[4].Errors, e => e.StartsWith("课时数应为", StringComparison.Ordinal));
        Assert.Equal(6, rows.Rows[4].RowNumber);
        Assert.Equal(before, await db.SmartboardLessons.CountAsync());
    }

    [Fact]
    public async Task A_good_file_is_imported_into_the_term_figures_for_the_named_teachers_and_audited()
    {
        var (admin, room, teacher) = await SchoolAsync();
        var use = portal.Service<SmartboardUseService>();
        var before = (await use.ReportAsync(admin))!.Scope.Figure.PeriodsWithEquipment;
        var result = await Import.ImportAsync(admin, Workbook([Day(0), room, "数学", "2", teacher], [Day(0), room, "语文", "1", DemoAccounts.Teacher]));
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(2, result.Value!.Imported);
        Assert.Equal(3, result.Value.Periods);
        var after = (await use.ReportAsync(admin))!.Scope.Figure.PeriodsWithEquipment;
        // The report reads the term holding today; on a day inside it the imported periods count.
        var term = UseTerm.Of(portal.Today);
        if (term.Contains(portal.Today))
        {
            Assert.Equal(before + 3, after);
        }
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardLessonsImported && a.OrgPath == admin.OrgPath && a.Summary.Contains("共 3 节")));
        var teacherId = await db.Users.Where(u => u.UserName == DemoAccounts.Teacher).Select(u => u.Id).SingleAsync();
        Assert.Equal(2, await db.SmartboardLessons.CountAsync(l => l.TeacherId == teacherId && l.TaughtOn == portal.Today && l.ClassroomName == room
            && (l.Subject == "数学" && l.Periods == 2 || l.Subject == "语文" && l.Periods == 1)));
    }

    [Fact]
    public async Task Another_schools_teacher_and_room_are_unknown_and_only_a_school_admin_imports()
    {
        var (admin, room, _) = await SchoolAsync();
        var other = await portal.OtherCountySchoolAsync();
        await using var db = await portal.DbAsync();
        var otherRoom = await db.Classrooms.Where(c => c.SchoolId == other.Id && c.Name != room).Select(c => c.Name).FirstAsync();
        var otherTeacher = await db.Users.Where(u => u.OrgUnitId == other.Id).Select(u => u.UserName).FirstAsync();
        var result = (await Import.ImportAsync(admin, Workbook([Day(1), otherRoom, "数学", "1", otherTeacher!]))).Value!;
        Assert.Equal(0, result.Imported);
        Assert.Contains($"授课教师“{otherTeacher}”不是本校在职教职工", result.Rows[0].Errors);
        Assert.IsType<ForbiddenError>((await Import.ImportAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin), Workbook([Day(1), room, "数学", "1", "x"]))).Error);
        Assert.IsType<ForbiddenError>((await Import.ImportAsync(await portal.CallerAsync(DemoAccounts.Teacher), Workbook([Day(1), room, "数学", "1", "x"]))).Error);
        var notExcel = await Import.ImportAsync(admin, new MemoryStream("hello"u8.ToArray()));
        Assert.Equal("无法读取该文件，请使用下载的 Excel 模板（.xlsx）", Assert.IsType<ValidationError>(notExcel.Error).Fields["File"]);
    }

    [Fact]
    public async Task The_template_answers_admins_with_the_headers_the_import_reads()
    {
        var (client, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var response = await client.GetAsync("/smartboards/use-template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("上课日期", workbook.Worksheet(1).Cell(1, 1).GetString());
        Assert.Equal("授课教师", workbook.Worksheet(1).Cell(1, 5).GetString());
    }
}
