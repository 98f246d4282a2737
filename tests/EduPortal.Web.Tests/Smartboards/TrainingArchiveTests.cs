using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Training;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EduPortal.Web.Tests.Smartboards;

/// <summary>Training records and hours (circular 003 §三.1, circular 004 (五)1) and the school's archive (circular 003 §二.1).</summary>
[Collection(PortalCollection.Name)]
public sealed class TrainingArchiveTests(PortalFactory portal)
{
    private TrainingService Training => portal.Service<TrainingService>();
    private ArchiveService Archives => portal.Service<ArchiveService>();

    private async Task<Caller> OutsiderAsync()
    {
        var other = await portal.OtherCountySchoolAsync();
        return new Caller("x-admin", "外校校管", AdminLevel.School, other.Id, other.Name, other.Path, OrgUnitKind.School, Capability.None);
    }

    private async Task<(Caller Admin, IReadOnlyList<TrainingTeacherOption> Teachers)> SchoolAsync()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var teachers = await Training.TeachersAsync(admin, admin.OrgUnitId);
        Assert.True(teachers.Count >= 2);
        return (admin, teachers);
    }

    [Fact]
    public async Task A_school_admin_records_a_training_whose_hours_reach_each_teachers_total_and_the_schools_share_and_it_is_audited()
    {
        var (admin, teachers) = await SchoolAsync();
        var two = teachers.Take(2).ToList();
        var before = (await Training.HoursAsync(admin, portal.Today.Year)).ToDictionary(r => r.UserId, r => r.Total);
        var shareBefore = (await Training.ShareAsync(admin, portal.Today.Year)).Schools.Single(s => s.SchoolId == admin.OrgUnitId);
        var id = await Training.RecordAsync(admin, new TrainingInput(TrainingKind.AllStaff, "网络研修空间使用培训", admin.OrgUnitName, portal.Today, 2.5m,
            two.Select(t => t.UserId).ToList()));
        Assert.True(id.Succeeded, id.Error?.Message);
        var hours = await Training.HoursAsync(admin, portal.Today.Year);
        foreach (var teacher in two)
        {
            Assert.Equal(before.GetValueOrDefault(teacher.UserId) + 2.5m, hours.Single(h => h.UserId == teacher.UserId).Total);
        }
        var share = (await Training.ShareAsync(admin, portal.Today.Year)).Schools.Single(s => s.SchoolId == admin.OrgUnitId);
        Assert.Equal(shareBefore.Hours + 5m, share.Hours);
        Assert.True(share.Trained >= 2 && share.Trained <= share.Teachers);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var rollup = await Training.ShareAsync(county, portal.Today.Year);
        Assert.Equal(rollup.Schools.Sum(s => s.Trained), rollup.Trained);
        Assert.Contains(rollup.Schools, s => s.SchoolId == admin.OrgUnitId && s.Hours == share.Hours);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == TrainingService.AuditRecord && a.OrgPath == admin.OrgPath && a.Summary.Contains("网络研修空间使用培训")));
    }

    [Fact]
    public async Task A_school_admin_cannot_record_another_schools_teacher_and_nothing_is_saved()
    {
        var (admin, teachers) = await SchoolAsync();
        await using var db = await portal.DbAsync();
        var other = await portal.OtherCountySchoolAsync();
        var stranger = await db.Users.Where(u => u.OrgUnitId == other.Id).Select(u => u.Id).FirstAsync();
        var count = await db.TrainingRecords.CountAsync();
        var result = await Training.RecordAsync(admin, new TrainingInput(TrainingKind.AllStaff, "跨校培训", "某校", portal.Today, 2m,
            [teachers[0].UserId, stranger]));
        Assert.Contains("不在您的管辖范围内", ((ValidationError)result.Error!).Fields["Attendees"]);
        Assert.Equal(count, await db.TrainingRecords.CountAsync());
        var tooMany = await Training.RecordAsync(admin, new TrainingInput(TrainingKind.AllStaff, "培训", "某校", portal.Today, 81m, [teachers[0].UserId]));
        Assert.Equal("一次培训不能超过 80 学时", ((ValidationError)tooMany.Error!).Fields["Hours"]);
        Assert.Empty(await Training.TeachersAsync(admin, other.Id));
    }

    [Fact]
    public async Task Another_schools_trainings_archive_and_files_answer_not_found()
    {
        var (admin, teachers) = await SchoolAsync();
        var id = (await Training.RecordAsync(admin, new TrainingInput(TrainingKind.KeyTeacher, "骨干教师研讨", admin.OrgUnitName, portal.Today, 3m,
            [teachers[0].UserId]))).Value;
        var outsider = await OutsiderAsync();
        Assert.IsType<NotFoundError>((await Training.DeleteAsync(outsider, id)).Error);
        Assert.DoesNotContain(await Training.ListAsync(outsider, portal.Today.Year), t => t.Id == id);
        Assert.IsType<NotFoundError>((await Archives.ArchiveAsync(outsider, admin.OrgUnitId, portal.Today.Year)).Error);
        Assert.IsType<NotFoundError>((await Archives.FileAsync(outsider, admin.OrgUnitId, ArchiveKind.ResearchLog, "教研", portal.Today, "x", null, 0, null)).Error);
        var log = (await Archives.FileAsync(admin, admin.OrgUnitId, ArchiveKind.ResearchLog, "教研日志", portal.Today, "内容", null, 0, null)).Value;
        Assert.IsType<NotFoundError>((await Archives.DeleteAsync(outsider, log)).Error);

        var (client, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        var otherAdmin = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.NotEqual(otherAdmin.OrgUnitId, admin.OrgUnitId);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/smartboards/schools/{admin.OrgUnitId}/archive/TrainingRecord.xlsx")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/smartboards/archive/documents/{log}/file")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/smartboards/schools/{otherAdmin.OrgUnitId}/archive/Nonsense.xlsx")).StatusCode);
        // The county deletes its school's record; the deletion is audited.
        Assert.True((await Training.DeleteAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin), id)).Succeeded);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == TrainingService.AuditDelete && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task The_archive_lists_ticket_steps_and_trainings_and_files_checked_documents_with_an_export_naming_the_period()
    {
        var (admin, teachers) = await SchoolAsync();
        await Training.RecordAsync(admin, new TrainingInput(TrainingKind.Technician, "电教管理员维护培训", admin.OrgUnitName, portal.Today, 4m,
            [teachers[0].UserId]));
        var notPdf = "这不是 PDF"u8.ToArray();
        var refused = await Archives.FileAsync(admin, admin.OrgUnitId, ArchiveKind.TechnicalDocument, "接线图", portal.Today, null, new MemoryStream(notPdf),
            notPdf.Length, "接线图.pdf");
        Assert.True(((ValidationError)refused.Error!).Fields.ContainsKey("File"));
        var png = TestImages.Encode(16, 16, SKEncodedImageFormat.Png, SKColors.Blue);
        var filed = await Archives.FileAsync(admin, admin.OrgUnitId, ArchiveKind.TechnicalDocument, "网络拓扑图", portal.Today, null, new MemoryStream(png),
            png.Length, "拓扑图.png");
        Assert.True(filed.Succeeded, filed.Error?.Message);
        var archive = (await Archives.ArchiveAsync(admin, admin.OrgUnitId, portal.Today.Year)).Value!;
        Assert.Contains(archive.TechnicalDocuments, d => d.Id == filed.Value && d.HasFile && d.FileName == "拓扑图.png");
        Assert.Contains(archive.Trainings, t => t.Title == "电教管理员维护培训" && t.Attendees.Contains(teachers[0].Name));
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == ArchiveService.AuditFile && a.OrgPath == admin.OrgPath));

        // 维护维修记录: the steps of a seeded ticket appear in the archive of its school and year.
        var ticket = await db.RepairTickets.AsNoTracking().Include(t => t.Steps).OrderBy(t => t.Id).FirstAsync();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var step = ticket.Steps.First();
        var year = ChinaTime.ToChina(step.At).Year;
        var ticketArchive = (await Archives.ArchiveAsync(county, ticket.SchoolId, year)).Value!;
        Assert.Equal(ticket.Steps.Count, ticketArchive.Maintenance.Count(m => m.TicketId == ticket.Id && ChinaTime.ToChina(m.At).Year == year)
            + ticket.Steps.Count(s => ChinaTime.ToChina(s.At).Year != year));

        var (client, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var response = await client.GetAsync($"/smartboards/schools/{admin.OrgUnitId}/archive/TrainingRecord.xlsx?year={portal.Today.Year}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var caption = workbook.Worksheet(1).Cell(1, 1).GetString();
        Assert.Contains($"统计期间 {portal.Today.Year}-01-01 至 {portal.Today.Year}-12-31", caption);
        Assert.Contains($"导出时间 {ChinaTime.Format(portal.Clock.GetUtcNow())[..10]}", caption);
        Assert.Contains(workbook.Worksheet(1).RowsUsed(), r => r.Cell(3).GetString() == "电教管理员维护培训");

        var hours = await client.GetAsync($"/smartboards/training/hours.xlsx?year={portal.Today.Year}");
        Assert.Equal(System.Net.HttpStatusCode.OK, hours.StatusCode);
        using var hoursBook = new XLWorkbook(await hours.Content.ReadAsStreamAsync());
        Assert.Contains("继续教育", hoursBook.Worksheet(1).Cell(1, 1).GetString());
        Assert.Contains(hoursBook.Worksheet(1).RowsUsed(), r => r.Cell(2).GetString() == teachers[0].Name);
    }
}
