using System.Globalization;
using ClosedXML.Excel;
using EduPortal.Data.Auditing;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Tests.Infrastructure;
using EduPortal.Web.Tests.LabRecords;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.PostgreSql;

/// <summary>
/// Each module's writes that run a transaction of their own (inside the retrying execution strategy PostgreSQL runs)
/// or provider-specific SQL, on a real server: the same paths the SQLite tests cover, checked for what they saved.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlWriteTests(PostgreSqlPortalFactory portal)
{
    [PostgreSqlFact]
    public async Task An_audited_save_stores_the_row_and_its_audit_entry_naming_the_new_id_on_postgresql()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = await portal.DemoSchoolAsync();
        await using var db = await portal.DbAsync();
        var countyId = await db.Classrooms.Where(c => c.SchoolId == school.Id).Select(c => c.CountyId).FirstAsync();
        var room = Classroom.Create(admin, school, countyId, "PG 实验室 " + Guid.NewGuid().ToString("N")[..6], ClassroomKind.Laboratory, null, null, null, null,
            portal.Clock).Value!;
        db.Classrooms.Add(room);
        Assert.Null(await db.SaveThenAuditAsync(() => db.Audit(admin, portal.Clock, "pg.test", "Classroom", room.Id.ToString(CultureInfo.InvariantCulture),
            school.Path, "PG 审计保存"), CancellationToken.None));
        await using var check = await portal.DbAsync();
        Assert.True(await check.Classrooms.AnyAsync(c => c.Id == room.Id && c.Name == room.Name));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "pg.test" && a.EntityId == room.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [PostgreSqlFact]
    public async Task A_published_lab_record_updates_the_statistics_tallies_and_a_withdrawal_takes_it_back_on_postgresql()
    {
        var teacher = await TeacherAsync();
        var service = portal.Service<LabRecordService>();
        foreach (var slot in LabMediaSlots.Required)
        {
            var bytes = LabMediaFiles.Jpeg(shade: (byte)(40 * (int)slot));
            var upload = await service.UploadAsync(teacher, slot, new MemoryStream(bytes), bytes.Length);
            Assert.True(upload.Succeeded, upload.Error?.Message);
        }
        var draft = (await service.GetDraftAsync(teacher))!;
        var options = (await service.GetCaptureOptionsAsync(teacher)).Value!;
        var experiment = options.Experiments.First(e => options.Classes.Any(c => c.Grade == e.Grade));
        var schoolClass = options.Classes.First(c => c.Grade == experiment.Grade);
        var before = await TallyAsync(teacher.UserId);

        var published = await service.PublishAsync(teacher, draft.Id, new LabRecordDetails(experiment.Subject, experiment.Kind, experiment.Id, null,
            schoolClass.Id, null, null, portal.Today.AddDays(-1), 2, null));

        Assert.True(published.Succeeded, published.Error?.Message);
        Assert.Equal(before + 1, await TallyAsync(teacher.UserId));
        await using (var db = await portal.DbAsync())
        {
            Assert.True(await db.LabDayTallies.AnyAsync(t => t.Day == portal.Today.AddDays(-1) && t.Records > 0));
            Assert.True(await db.LabExperimentTermTallies.AnyAsync(t => t.ExperimentId == experiment.Id && t.SchoolId == teacher.OrgUnitId && t.Records > 0));
        }
        // The withdrawal also takes back the record's points event (the points ledger's removal runs its own transaction).
        Assert.True((await service.WithdrawAsync(teacher, draft.Id)).Succeeded);
        Assert.Equal(before, await TallyAsync(teacher.UserId));
    }

    [PostgreSqlFact]
    public async Task The_inactivity_job_replaces_the_weeks_flags_on_postgresql()
    {
        var job = portal.Service<LabInactivityJob>();
        var first = await job.RunAsync();
        var second = await job.RunAsync();
        Assert.True(first > 0);
        Assert.Equal(first, second);
        await using var db = await portal.DbAsync();
        Assert.Equal(second, await db.LabInactivityFlags.CountAsync(f => f.WeekStart == Weeks.MondayOf(portal.Today)));
    }

    [PostgreSqlFact]
    public async Task The_repair_figures_snapshot_is_taken_twice_with_the_same_rows_and_the_figures_equal_a_direct_count_on_postgresql()
    {
        var figures = portal.Service<RepairFiguresService>();
        var first = await figures.TakeSnapshotAsync();
        Assert.True(first > 0);
        Assert.Equal(first, await figures.TakeSnapshotAsync());
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var (from, to) = RepairFiguresService.StandardPeriod(portal.Today);
        var rolled = (await figures.FiguresAsync(county, from, to)).Value!;
        var direct = await figures.DirectFiguresAsync(county, from, to);
        Assert.Equal(direct.Total, rolled.Total);
        Assert.Equal(direct.Units, rolled.Units);
    }

    [PostgreSqlFact]
    public async Task A_ledger_import_saves_the_devices_their_history_and_the_audit_entry_on_postgresql()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        string room;
        await using (var db = await portal.DbAsync())
        {
            room = await db.Classrooms.Where(c => c.SchoolId == admin.OrgUnitId).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync();
        }
        var tags = new[] { "PG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), "PG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() };
        var file = ImportFiles.FromTemplate(SmartboardLedgerService.BuildTemplate(),
            [tags[0], "交互式一体机", "希沃", "MC86", "S1", "薄改", "2024-08-01", "14500", "2024-08-20", "2027-08-01", "在用", room, ""],
            [tags[1], "投影仪", "爱普生", "", "", "自筹", "2020/3/5", "", "", "", "闲置", "", ""]);

        var result = await portal.Service<SmartboardLedgerService>().ImportAsync(admin, admin.OrgUnitId, file);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(2, result.Value!.Imported);
        await using var check = await portal.DbAsync();
        var devices = await check.Devices.Include(d => d.Events).Where(d => tags.Contains(d.AssetTag)).ToListAsync();
        Assert.Equal(2, devices.Count);
        Assert.All(devices, d => Assert.Single(d.Events));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardDevicesImported && a.ActorId == admin.UserId));
    }

    [PostgreSqlFact]
    public async Task A_use_record_import_saves_each_lesson_and_the_audit_entry_on_postgresql()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        string room, teacher;
        int before;
        await using (var db = await portal.DbAsync())
        {
            room = await db.Classrooms.Where(c => c.SchoolId == admin.OrgUnitId).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync();
            teacher = await db.Users.Where(u => u.UserName == DemoAccounts.Teacher).Select(u => u.RealName).SingleAsync();
            before = await db.SmartboardLessons.CountAsync();
        }
        var day = portal.Today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = ImportFiles.FromTemplate(SmartboardUseImportService.BuildTemplate(), [day, room, "数学", "2", teacher], [day, room, "语文", "1", teacher]);

        var result = await portal.Service<SmartboardUseImportService>().ImportAsync(admin, file);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal((2, 3), (result.Value!.Imported, result.Value.Periods));
        await using var check = await portal.DbAsync();
        Assert.Equal(before + 2, await check.SmartboardLessons.CountAsync());
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardLessonsImported && a.ActorId == admin.UserId));
    }

    [PostgreSqlFact]
    public async Task Ingested_points_are_awarded_by_the_recompute_and_a_removed_event_is_taken_back_on_postgresql()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var store = portal.Service<PointEventStore>();
        var id = "pg-remove-" + Guid.NewGuid().ToString("N")[..8];
        var recorded = await store.RecordAsync("pg-write-test", [new IncomingPointEvent(teacher.UserId, Domain.Points.PointTypes.Courseware, portal.Now.AddHours(-1), id, null, null)]);
        Assert.Equal(PointRowStatus.Created, Assert.Single(recorded!).Status);
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        await using (var db = await portal.DbAsync())
        {
            var eventId = await db.PointEvents.Where(e => e.Source == "pg-write-test" && e.ExternalId == id).Select(e => e.Id).SingleAsync();
            Assert.True(await db.PointAwards.AnyAsync(a => a.EventId == eventId));
        }

        Assert.True(await store.RemoveAsync("pg-write-test", teacher.UserId, id));

        await using var check = await portal.DbAsync();
        Assert.False(await check.PointEvents.AnyAsync(e => e.Source == "pg-write-test" && e.ExternalId == id));
    }

    [PostgreSqlFact]
    public async Task The_metric_snapshot_job_run_twice_on_a_day_keeps_one_row_per_metric_and_unit_on_postgresql()
    {
        var job = portal.Service<MetricSnapshotJob>();
        var day = portal.Today.AddDays(-401);
        var first = await job.RunAsync(day, CancellationToken.None);
        var second = await job.RunAsync(day, CancellationToken.None);
        Assert.True(first > 0);
        Assert.Equal(first, second);
        await using var db = await portal.DbAsync();
        Assert.Equal(first, await db.MetricSnapshots.CountAsync(s => s.Date == day));
    }

    [PostgreSqlFact]
    public async Task A_cloud_space_statistics_import_is_saved_and_audited_on_postgresql()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var opened = await portal.Service<CloudSpaceTermService>().OpenCurrentAsync(admin);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        string phone;
        await using (var db = await portal.DbAsync())
        {
            phone = await db.Users.Where(u => u.UserName == DemoAccounts.Teacher).Select(u => u.PhoneNumber!).SingleAsync();
        }
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("云空间统计");
        object[] row = [phone, "测试", 10, 3, 6, 5, 3, 4, 8, 20, 4, "是", "是", 5, 4];
        for (var c = 0; c < CloudSpaceImportService.Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = CloudSpaceImportService.Headers[c];
            sheet.Cell(2, c + 1).SetValue(Convert.ToString(row[c], CultureInfo.InvariantCulture));
        }
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var result = await portal.Service<CloudSpaceImportService>().ImportAsync(admin, opened.Value, file, "统计.xlsx");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, result.Value!.Saved);
        var mine = (await portal.Service<CloudSpaceTermService>().MyAsync(await portal.CallerAsync(DemoAccounts.Teacher))).Value!;
        Assert.Equal("原创文章 30%，低于 35%", mine.Row.Checklist[Domain.CloudSpaces.CloudSpaceTarget.Articles].Reason);
        await using var check = await portal.DbAsync();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.CloudSpaceStatisticsImported
            && a.EntityId == opened.Value.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A serving teacher of the demo county outside the demo school, with no unpublished lab record.</summary>
    private async Task<Caller> TeacherAsync()
    {
        var demoSchool = await portal.DemoSchoolAsync();
        var countyPath = OrgUnit.AncestorPaths(demoSchool.Path)[1];
        await using var db = await portal.DbAsync();
        var id = await db.Users.Where(u => u.OrgUnit!.Path.StartsWith(countyPath) && u.OrgUnitId != demoSchool.Id && u.Level == AdminLevel.Teacher
                && u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving && u.Id.StartsWith("demo-")
                && !db.LabRecords.Any(r => r.TeacherId == u.Id && !r.Shown))
            .OrderByDescending(u => u.Id).Select(u => u.Id).FirstAsync();
        return (await CallerAccessor.LoadAsync(db, id))!;
    }

    private async Task<int> TallyAsync(string teacherId)
    {
        await using var db = await portal.DbAsync();
        return await db.LabTeacherTermTallies.Where(t => t.TeacherId == teacherId).SumAsync(t => t.Records);
    }
}
