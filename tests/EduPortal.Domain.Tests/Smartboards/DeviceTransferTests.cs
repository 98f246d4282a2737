using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

/// <summary>Circular 004 三(一)2: 闲置设备的调配.</summary>
public sealed class DeviceTransferTests
{
    private readonly SmartboardFixtures _f = new();

    private DeviceTransfer Offered(Device device) =>
        DeviceTransfer.Offer(_f.SchoolAdmin, device, _f.School.Name, "九成新", hasOpenTransfer: false, _f.Clock).Value!;

    [Fact]
    public void Only_an_idle_device_is_offered_once_by_its_school()
    {
        var inUse = _f.InUse(_f.Room());
        Assert.IsType<ConflictError>(DeviceTransfer.Offer(_f.SchoolAdmin, inUse, "一中", null, false, _f.Clock).Error);
        var idle = _f.Idle();
        Assert.IsType<ForbiddenError>(DeviceTransfer.Offer(_f.Teacher, idle, "一中", null, false, _f.Clock).Error);
        Assert.IsType<ConflictError>(DeviceTransfer.Offer(_f.SchoolAdmin, idle, "一中", null, true, _f.Clock).Error);
        Assert.Equal(DeviceTransferState.Offered, Offered(idle).State);
    }

    [Fact]
    public void Another_school_of_the_county_requests_and_the_county_approves_the_device_moves_with_its_history()
    {
        var device = _f.Idle();
        var transfer = Offered(device);
        Assert.False(transfer.CanRequest(_f.SchoolAdmin, 2));
        Assert.False(transfer.CanRequest(_f.OtherCountyAdmin, 3));
        Assert.True(transfer.Request(_f.OtherSchoolAdmin, 2, _f.OtherSchool, "缺少一体机", _f.Clock).Succeeded);
        Assert.Equal(DeviceTransferState.Requested, transfer.State);

        Assert.IsType<ForbiddenError>(transfer.Complete(_f.OtherSchoolAdmin, device, _f.OtherSchool, 2, "EJ-01", _f.Clock).Error);
        Assert.IsType<ForbiddenError>(transfer.Complete(_f.OtherCountyAdmin, device, _f.OtherSchool, 2, "EJ-01", _f.Clock).Error);
        Assert.True(transfer.Complete(_f.CountyAdmin, device, _f.OtherSchool, 2, "ej-01", _f.Clock).Succeeded);

        Assert.Equal(DeviceTransferState.Completed, transfer.State);
        Assert.Equal(_f.OtherSchool.Path, device.SchoolPath);
        Assert.Equal("EJ-01", device.AssetTag);
        Assert.Equal("EJ-01", transfer.ToAssetTag);
        Assert.Equal("BBT-IDLE", transfer.FromAssetTag);
        Assert.Equal([DeviceEventKind.Registered, DeviceEventKind.TransferredOut, DeviceEventKind.TransferredIn], device.Events.Select(e => e.Kind));
        // The first school no longer sees the device; the receiving one does.
        Assert.False(device.PermissionsFor(_f.SchoolAdmin).CanView);
        Assert.True(device.PermissionsFor(_f.OtherSchoolAdmin).CanView);
    }

    [Fact]
    public void The_county_can_decline_a_request_and_allocate_the_device_itself()
    {
        var device = _f.Idle();
        var transfer = Offered(device);
        Assert.True(transfer.Request(_f.OtherSchoolAdmin, 2, _f.OtherSchool, null, _f.Clock).Succeeded);
        Assert.True(transfer.Decline(_f.CountyAdmin, _f.Clock).Succeeded);
        Assert.Equal(DeviceTransferState.Offered, transfer.State);
        Assert.Null(transfer.ToSchoolId);
        Assert.True(transfer.Complete(_f.CountyAdmin, device, _f.OtherSchool, 2, "EJ-02", _f.Clock).Succeeded);
    }

    [Fact]
    public void A_device_put_back_in_use_cannot_be_transferred_and_an_offer_can_be_withdrawn()
    {
        var device = _f.Idle();
        var transfer = Offered(device);
        Assert.True(device.PutInUse(_f.SchoolAdmin, _f.Room(), _f.Clock).Succeeded);
        Assert.IsType<ConflictError>(transfer.Complete(_f.CountyAdmin, device, _f.OtherSchool, 2, "EJ-03", _f.Clock).Error);
        Assert.IsType<ForbiddenError>(transfer.Withdraw(_f.OtherSchoolAdmin, _f.Clock).Error);
        Assert.True(transfer.Withdraw(_f.SchoolAdmin, _f.Clock).Succeeded);
        Assert.IsType<ConflictError>(transfer.Withdraw(_f.SchoolAdmin, _f.Clock).Error);
    }
}
