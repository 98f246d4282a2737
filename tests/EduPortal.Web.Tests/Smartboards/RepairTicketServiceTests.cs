using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Web.Tests.Smartboards;

/// <summary>Repair tickets through the services: jurisdiction, the tier flow, device status, the escalation job and audit.</summary>
[Collection(PortalCollection.Name)]
public sealed class RepairTicketServiceTests(PortalFactory portal)
{
    private static int _sequence;

    private RepairTicketService Tickets => portal.Service<RepairTicketService>();

    /// <summary>A fresh in-use device in a new classroom of the given school (the village school by default).</summary>
    internal static async Task<(Device Device, OrgUnit School)> NewDeviceAsync(PortalFactory portal, int? schoolId = null, string? headTeacherId = null)
    {
        await using var db = await portal.DbAsync();
        var school = schoolId is { } id
            ? await db.OrgUnits.Include(o => o.Classes).SingleAsync(o => o.Id == id)
            : await db.OrgUnits.Include(o => o.Classes).SingleAsync(o => o.Id == db.Users.Where(u => u.UserName == SmartboardDemoAccounts.VillageTeacher).Select(u => u.OrgUnitId).Single());
        var countyPath = OrgUnit.AncestorPaths(school.Path)[1];
        var countyId = await db.OrgUnits.Where(o => o.Path == countyPath).Select(o => o.Id).SingleAsync();
        var admin = new Caller("test-admin", "测试校管", AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
        var n = Interlocked.Increment(ref _sequence);
        var room = Classroom.Create(admin, school, countyId, $"测试教室{n}", ClassroomKind.Other, null, headTeacherId, headTeacherId is null ? null : "班主任", null,
            portal.Clock);
        Assert.True(room.Succeeded, room.Error?.Message);
        db.Classrooms.Add(room.Value!);
        await db.SaveChangesAsync();
        var details = new DeviceDetails($"T-{n:D5}", DeviceType.InteractiveDisplay, "希沃", "F86", null, FundingSource.WeakSchoolImprovement, null, null, null, null, null);
        var device = Device.Register(admin, school.Id, school.Path, countyId, room.Value, details, DeviceStatus.InUse, portal.Clock);
        Assert.True(device.Succeeded, device.Error?.Message);
        db.Devices.Add(device.Value!);
        await db.SaveChangesAsync();
        return (device.Value!, school);
    }

    private async Task<DeviceStatus> StatusAsync(long deviceId)
    {
        await using var db = await portal.DbAsync();
        return await db.Devices.Where(d => d.Id == deviceId).Select(d => d.Status).SingleAsync();
    }

    private async Task<List<string>> AuditActionsAsync(string entityId)
    {
        await using var db = await portal.DbAsync();
        return await db.AuditEntries.Where(a => a.EntityId == entityId && a.EntityType == nameof(RepairTicket)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    private async Task<RepairTicketView> ViewAsync(Caller caller, long id) => (await Tickets.GetAsync(caller, id))!;

    [Fact]
    public async Task A_teacher_reports_a_fault_and_the_device_is_under_repair_with_the_report_audited()
    {
        var (device, _) = await NewDeviceAsync(portal);
        var teacher = await portal.CallerAsync(SmartboardDemoAccounts.VillageTeacher);
        var raised = await Tickets.RaiseAsync(teacher, device.Id, "无法开机");
        Assert.True(raised.Succeeded, raised.Error?.Message);
        Assert.Equal(DeviceStatus.UnderRepair, await StatusAsync(device.Id));
        Assert.Contains(AuditActions.SmartboardRepairRaised, await AuditActionsAsync($"device:{device.Id}"));
        var again = await Tickets.RaiseAsync(teacher, device.Id, "黑屏");
        Assert.IsType<ConflictError>(again.Error);
        Assert.Equal(raised.Value, (await Tickets.DeviceForReportAsync(teacher, device.Id))!.OpenTicketId);
    }

    [Fact]
    public async Task Another_school_cannot_report_on_open_or_act_on_the_device_or_its_ticket()
    {
        var (device, _) = await NewDeviceAsync(portal);
        var teacher = await portal.CallerAsync(SmartboardDemoAccounts.VillageTeacher);
        var other = await portal.OtherCountySchoolAsync();
        var outsider = new Caller("x-tech", "外校技术员", AdminLevel.Teacher, other.Id, other.Name, other.Path, OrgUnitKind.School, Capability.Technician);
        var neighbourAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.Null(await Tickets.DeviceForReportAsync(outsider, device.Id));
        Assert.IsType<NotFoundError>((await Tickets.RaiseAsync(outsider, device.Id, "无法开机")).Error);
        var id = (await Tickets.RaiseAsync(teacher, device.Id, "无法开机")).Value;
        Assert.Null(await Tickets.GetAsync(outsider, id));
        Assert.Null(await Tickets.GetAsync(neighbourAdmin, id));
        Assert.IsType<NotFoundError>((await Tickets.TakeAsync(outsider, id, 1)).Error);
        Assert.IsType<NotFoundError>((await Tickets.EscalateAsync(neighbourAdmin, id, 1, "上报")).Error);
        Assert.DoesNotContain(await Tickets.QueueAsync(neighbourAdmin, RepairQueue.AllOpen), r => r.Id == id);
        Assert.Null(await Tickets.OpenPhotoAsync(outsider, id));
    }

    [Fact]
    public async Task The_school_technician_escalates_the_township_group_fixes_the_teacher_accepts_and_the_device_is_back_in_use()
    {
        var (device, _) = await NewDeviceAsync(portal);
        var teacher = await portal.CallerAsync(SmartboardDemoAccounts.VillageTeacher);
        var schoolTech = await portal.CallerAsync(SmartboardDemoAccounts.SchoolTechnician);
        var townTech = await portal.CallerAsync(SmartboardDemoAccounts.TownshipTechnician);
        var id = (await Tickets.RaiseAsync(teacher, device.Id, "触摸失灵")).Value;

        Assert.Contains(await Tickets.QueueAsync(schoolTech, RepairQueue.MyTier), r => r.Id == id);
        Assert.DoesNotContain(await Tickets.QueueAsync(townTech, RepairQueue.MyTier), r => r.Id == id);
        var view = await ViewAsync(schoolTech, id);
        Assert.True((await Tickets.TakeAsync(schoolTech, id, view.Version)).Succeeded);
        view = await ViewAsync(schoolTech, id);
        Assert.IsType<ConflictError>((await Tickets.EscalateAsync(schoolTech, id, view.Version - 1, "触摸框损坏")).Error);
        Assert.True((await Tickets.EscalateAsync(schoolTech, id, view.Version, "触摸框损坏，学校无备件")).Succeeded);

        Assert.Contains(await Tickets.QueueAsync(townTech, RepairQueue.MyTier), r => r.Id == id);
        view = await ViewAsync(townTech, id);
        Assert.Equal(RepairTier.Township, view.Ticket.Tier);
        Assert.False((await ViewAsync(schoolTech, id)).Permissions.CanWork);
        Assert.True((await Tickets.ResolveAsync(townTech, id, view.Version, "更换触摸框", "触摸框", 1200m)).Succeeded);
        Assert.Equal(DeviceStatus.UnderRepair, await StatusAsync(device.Id));

        view = await ViewAsync(teacher, id);
        Assert.True(view.Permissions.CanAccept);
        Assert.True((await Tickets.AcceptAsync(teacher, id, view.Version, RepairVerdict.Fixed, null)).Succeeded);
        Assert.Equal(DeviceStatus.InUse, await StatusAsync(device.Id));
        view = await ViewAsync(teacher, id);
        Assert.Equal(RepairTicketState.Closed, view.Ticket.State);
        Assert.Equal(1200m, view.TotalCost);
        Assert.Equal([RepairStepKind.Raised, RepairStepKind.Taken, RepairStepKind.Escalated, RepairStepKind.Resolved, RepairStepKind.AcceptedFixed],
            view.Steps.Select(s => s.Kind));
        Assert.Equal([AuditActions.SmartboardRepairTaken, AuditActions.SmartboardRepairEscalated, AuditActions.SmartboardRepairResolved, AuditActions.SmartboardRepairAccepted],
            await AuditActionsAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Scrapping_at_acceptance_scraps_the_device_and_rework_keeps_it_under_repair()
    {
        var (device, _) = await NewDeviceAsync(portal);
        var teacher = await portal.CallerAsync(SmartboardDemoAccounts.VillageTeacher);
        var schoolTech = await portal.CallerAsync(SmartboardDemoAccounts.SchoolTechnician);
        var id = (await Tickets.RaiseAsync(teacher, device.Id, "屏幕碎裂")).Value;
        await Tickets.ResolveAsync(schoolTech, id, (await ViewAsync(schoolTech, id)).Version, "屏幕无法更换", null, null);
        Assert.True((await Tickets.AcceptAsync(teacher, id, (await ViewAsync(teacher, id)).Version, RepairVerdict.Rework, "请再看看")).Succeeded);
        Assert.Equal(DeviceStatus.UnderRepair, await StatusAsync(device.Id));
        Assert.Equal(RepairTicketState.InProgress, (await ViewAsync(teacher, id)).Ticket.State);
        await Tickets.ResolveAsync(schoolTech, id, (await ViewAsync(schoolTech, id)).Version, "确认无法修复", null, null);
        Assert.True((await Tickets.AcceptAsync(teacher, id, (await ViewAsync(teacher, id)).Version, RepairVerdict.Scrap, "同意报废")).Succeeded);
        Assert.Equal(DeviceStatus.Scrapped, await StatusAsync(device.Id));
        Assert.Contains("已报废", (await Tickets.RaiseAsync(teacher, device.Id, "无法开机")).Error!.Message);
    }

    [Fact]
    public async Task The_escalation_job_moves_an_overdue_ticket_up_once_and_audits_it()
    {
        var (device, school) = await NewDeviceAsync(portal);
        var teacher = await portal.CallerAsync(SmartboardDemoAccounts.VillageTeacher);
        long id;
        await using (var db = await portal.DbAsync())
        {
            // Raised ten days ago, never taken: the school tier's two working days have passed.
            var past = new FakeTimeProvider(portal.Now.AddDays(-10));
            var facts = new RepairDevice(device.Id, device.AssetTag, "交互式一体机", null, school.Id, school.Name, school.Path, school.ParentId, device.CountyId, null,
                false, false);
            var ticket = RepairTicket.Raise(teacher, facts, "无法开机", null, RepairDeadlines.Default, WorkingCalendar.WeekendsOnly, past).Value!;
            db.RepairTickets.Add(ticket);
            await db.SaveChangesAsync();
            id = ticket.Id;
        }
        var townTech = await portal.CallerAsync(SmartboardDemoAccounts.TownshipTechnician);
        Assert.Contains(await Tickets.QueueAsync(await portal.CallerAsync(SmartboardDemoAccounts.SchoolTechnician), RepairQueue.MyTier), r => r.Id == id && r.Overdue);
        Assert.True(await Tickets.EscalateOverdueAsync() >= 1);
        var view = await ViewAsync(townTech, id);
        Assert.Equal(RepairTier.Township, view.Ticket.Tier);
        Assert.False(view.Ticket.Overdue);
        Assert.Equal(RepairStepKind.AutoEscalated, view.Steps[^1].Kind);
        var steps = view.Steps.Count;
        await Tickets.EscalateOverdueAsync();
        Assert.Equal(steps, (await ViewAsync(townTech, id)).Steps.Count);
        Assert.Equal([AuditActions.SmartboardRepairAutoEscalated], await AuditActionsAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_county_sees_figures_per_school_and_exports_them_and_other_counties_do_not_see_its_tickets()
    {
        var (device, school) = await NewDeviceAsync(portal);
        var teacher = await portal.CallerAsync(SmartboardDemoAccounts.VillageTeacher);
        await Tickets.RaiseAsync(teacher, device.Id, "没有声音");
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var figures = (await portal.Service<RepairFiguresService>().FiguresAsync(county, portal.Today.AddYears(-1), portal.Today)).Value!;
        var row = figures.Units.Single(u => u.UnitId == school.Id);
        Assert.True(row.Tickets >= 1);
        Assert.True(row.OpenNow >= 1);
        Assert.True(figures.Total.Tickets >= row.Tickets);
        var bytes = (await portal.Service<RepairFiguresService>().ExportAsync(county, portal.Today.AddYears(-1), portal.Today)).Value!;
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        Assert.Contains(book.Worksheet(1).CellsUsed(), c => c.GetString() == school.Name);
        var otherCounty = await portal.OtherCountySchoolAsync();
        var outsider = new Caller("x-admin", "外县校管", AdminLevel.School, otherCounty.Id, otherCounty.Name, otherCounty.Path, OrgUnitKind.School, Capability.None);
        var theirs = (await portal.Service<RepairFiguresService>().FiguresAsync(outsider, portal.Today.AddYears(-1), portal.Today)).Value!;
        Assert.DoesNotContain(theirs.Units, u => u.UnitId == school.Id);
        var teacherFigures = await portal.Service<RepairFiguresService>().FiguresAsync(teacher, portal.Today.AddYears(-1), portal.Today);
        Assert.IsType<ForbiddenError>(teacherFigures.Error);
    }

    [Fact]
    public async Task The_overdue_share_metric_reads_the_county_and_its_units()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var unit = await db.OrgUnits.SingleAsync(o => o.Id == county.OrgUnitId);
        var source = portal.Service<IEnumerable<EduPortal.Web.Infrastructure.Metrics.IMetricSource>>().OfType<RepairOverdueShareMetric>().Single();
        var reading = await source.ReadAsync(unit, portal.Today, CancellationToken.None);
        Assert.Equal("smartboards.repair-overdue-share", reading.Definition.Key);
        Assert.NotEmpty(reading.Units);
        if (reading.Scope.Value is { } share)
        {
            Assert.InRange(share, 0m, 100m);
            Assert.Equal(Math.Round(100m * reading.Scope.Numerator!.Value / reading.Scope.Denominator!.Value, 1), share);
        }
    }
}
