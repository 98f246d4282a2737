using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Repairs;

/// <summary>A tracked register device with what a ticket needs to know about it, and its status changes.</summary>
public sealed class RepairDeviceHandle(Device device, RepairDevice facts)
{
    public RepairDevice Facts { get; } = facts;

    public string StatusName => device.Status.DisplayName();

    /// <summary>维修中 while a ticket is open (an already-under-repair device stays so). Returns the status before.</summary>
    public string SetUnderRepair(Caller actor, TimeProvider clock)
    {
        var before = StatusName;
        if (device.Status != DeviceStatus.UnderRepair)
        {
            device.SetUnderRepair(actor, "报修", clock);
        }
        return before;
    }

    public string ReturnToService(Caller actor, TimeProvider clock)
    {
        device.ReturnToService(actor, "报修验收：修好", clock);
        return StatusName;
    }

    public string Scrap(Caller actor, TimeProvider clock)
    {
        device.Scrap(actor, "报修验收：报废", clock);
        return StatusName;
    }
}

/// <summary>Reads register devices for the repair tickets, within the caller's jurisdiction.</summary>
public static class RepairDeviceLookup
{
    /// <summary>The device if the caller's jurisdiction holds it (else null: "not found", whatever the id).</summary>
    public static async Task<RepairDeviceHandle?> FindAsync(EduPortalDbContext db, Caller caller, long deviceId, CancellationToken cancellationToken)
    {
        var device = await db.Devices.WithinJurisdiction(caller).SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        return device is null ? null : await HandleAsync(db, device, cancellationToken);
    }

    /// <summary>The device of a ticket the caller has already been allowed to act on.</summary>
    public static async Task<RepairDeviceHandle?> FindForUpdateAsync(EduPortalDbContext db, long deviceId, CancellationToken cancellationToken)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        return device is null ? null : await HandleAsync(db, device, cancellationToken);
    }

    public static string NameOf(Device device) =>
        string.Join(" ", new[] { device.Type.DisplayName(), device.Brand, device.Model }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static async Task<RepairDeviceHandle> HandleAsync(EduPortalDbContext db, Device device, CancellationToken cancellationToken)
    {
        var school = await db.OrgUnits.AsNoTracking().Where(o => o.Id == device.SchoolId)
            .Select(o => new { o.Name, o.ParentId, ParentKind = o.Parent!.Kind }).SingleAsync(cancellationToken);
        var room = device.ClassroomId is { } roomId
            ? await db.Classrooms.AsNoTracking().Where(c => c.Id == roomId).Select(c => new { c.Name, c.ResponsibleUserId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var facts = new RepairDevice(device.Id, device.AssetTag, NameOf(device), room?.Name, device.SchoolId, school.Name, device.SchoolPath,
            school.ParentKind == OrgUnitKind.Township ? school.ParentId : null, device.CountyId, room?.ResponsibleUserId,
            device.Status == DeviceStatus.Scrapped, HasOpenTicket: false);
        return new RepairDeviceHandle(device, facts);
    }
}
