using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

[Collection(PortalCollection.Name)]
public sealed class SmartboardTransferTests(PortalFactory portal)
{
    /// <summary>A fresh idle device at the demo school, registered for one test.</summary>
    private async Task<long> IdleDeviceAsync()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var tag = "TR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await portal.Service<SmartboardRegisterService>().RegisterDeviceAsync(admin, admin.OrgUnitId,
            new DeviceInput { AssetTag = tag, Type = DeviceType.InteractiveDisplay, Status = DeviceStatus.Idle });
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    [Fact]
    public async Task An_idle_device_is_offered_requested_approved_and_moves_with_its_history()
    {
        var deviceId = await IdleDeviceAsync();
        var service = portal.Service<SmartboardTransferService>();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var receiving = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.True(receiving.Covers(receiving.OrgPath) && !receiving.Covers(admin.OrgPath));

        var transferId = (await service.OfferAsync(admin, deviceId, "九成新")).Value;
        Assert.IsType<ConflictError>((await service.OfferAsync(admin, deviceId, null)).Error);
        // Offered devices cannot be put back in use or scrapped until the offer is withdrawn.
        Assert.IsType<ConflictError>((await portal.Service<SmartboardRegisterService>().ChangeStatusAsync(admin, deviceId, DeviceStatus.Scrapped, null, "坏了")).Error);

        var board = await service.BoardAsync(receiving);
        var offered = Assert.Single(board.Open, r => r.Id == transferId);
        Assert.True(offered.CanRequest);
        Assert.False(offered.CanOpenDevice);
        Assert.True((await service.RequestAsync(receiving, transferId, "缺少一体机")).Succeeded);
        Assert.IsType<ForbiddenError>((await service.CompleteAsync(receiving, transferId, null, null)).Error);
        Assert.True((await service.CompleteAsync(county, transferId, null, null)).Succeeded);

        var registers = portal.Service<SmartboardRegisterService>();
        Assert.Null(await registers.GetDeviceAsync(admin, deviceId));
        var moved = (await registers.GetDeviceAsync(receiving, deviceId))!;
        Assert.Equal(receiving.OrgUnitId, moved.SchoolId);
        Assert.Equal([DeviceEventKind.TransferredIn, DeviceEventKind.TransferredOut, DeviceEventKind.Registered], moved.History.Select(h => h.Kind));
        Assert.NotNull(moved.History[^1].SchoolName); // the entries made at the first school name it
        var closed = Assert.Single((await service.BoardAsync(admin)).Closed, r => r.Id == transferId);
        Assert.Equal(DeviceTransferState.Completed, closed.State);

        await using var db = await portal.DbAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == SmartboardTransferService.TransferEntity && a.EntityId == transferId.ToString())
            .CountAsync();
        Assert.Equal(3, actions);
    }

    [Fact]
    public async Task Another_countys_schools_do_not_see_or_request_an_offer_and_only_the_county_allocates()
    {
        var deviceId = await IdleDeviceAsync();
        var service = portal.Service<SmartboardTransferService>();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var transferId = (await service.OfferAsync(admin, deviceId, null)).Value;

        await using var db = await portal.DbAsync();
        var otherCountySchool = await portal.OtherCountySchoolAsync();
        // A school admin of the other county, made up: other tests of the shared portal disable or retire its real accounts.
        var outsider = new Caller("x-admin", "外县校管", AdminLevel.School, otherCountySchool.Id, otherCountySchool.Name, otherCountySchool.Path,
            OrgUnitKind.School, Capability.None);
        Assert.DoesNotContain((await service.BoardAsync(outsider)).Open, r => r.Id == transferId);
        Assert.IsType<NotFoundError>((await service.RequestAsync(outsider, transferId, null)).Error);
        Assert.IsType<NotFoundError>((await service.OfferAsync(outsider, deviceId, null)).Error);

        var neighbour = await portal.NeighbourSchoolAsync();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.IsType<ValidationError>((await service.CompleteAsync(county, transferId, null, null)).Error);
        var taken = await db.Devices.Where(d => d.SchoolId == neighbour.Id).Select(d => d.AssetTag).FirstAsync();
        var clash = await service.CompleteAsync(county, transferId, neighbour.Id, taken);
        Assert.Contains("已有资产编号为", Assert.IsType<ValidationError>(clash.Error).Fields["AssetTag"]);
        Assert.True((await service.CompleteAsync(county, transferId, neighbour.Id, "DB-" + deviceId)).Succeeded);
        var device = await db.Devices.AsNoTracking().SingleAsync(d => d.Id == deviceId);
        Assert.Equal(neighbour.Id, device.SchoolId);
        Assert.Equal(("DB-" + deviceId).ToUpperInvariant(), device.AssetTag);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardTransferChanged && a.EntityId == transferId.ToString() && a.ActorId == county.UserId));
    }

    [Fact]
    public async Task The_offering_school_withdraws()
    {
        var deviceId = await IdleDeviceAsync();
        var service = portal.Service<SmartboardTransferService>();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var transferId = (await service.OfferAsync(admin, deviceId, null)).Value;
        var receiving = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.IsType<ForbiddenError>((await service.WithdrawAsync(receiving, transferId)).Error);
        Assert.True((await service.WithdrawAsync(admin, transferId)).Succeeded);
        Assert.True((await service.OfferAsync(admin, deviceId, "再次发布")).Succeeded);
    }
}
