using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

public sealed class DeviceTests
{
    private readonly SmartboardFixtures _f = new();

    [Fact]
    public void Registering_a_device_records_it_in_its_history_with_an_upper_cased_tag()
    {
        var device = Device.Register(_f.SchoolAdmin, 10, _f.School.Path, 2, _f.Room(), SmartboardFixtures.Details("bbt-7a"), DeviceStatus.InUse, _f.Clock).Value!;
        Assert.Equal("BBT-7A", device.AssetTag);
        var entry = Assert.Single(device.Events);
        Assert.Equal(DeviceEventKind.Registered, entry.Kind);
        Assert.Equal("赵校管", entry.ActorName);
        Assert.Equal(DeviceStatus.InUse, entry.ToStatus);
    }

    [Fact]
    public void Only_the_schools_own_admin_registers_devices()
    {
        foreach (var caller in new[] { _f.Teacher, _f.CountyAdmin, _f.CityAdmin, _f.OtherSchoolAdmin })
        {
            var result = Device.Register(caller, 10, _f.School.Path, 2, null, SmartboardFixtures.Details(), DeviceStatus.Idle, _f.Clock);
            Assert.IsType<ForbiddenError>(result.Error);
        }
    }

    [Fact]
    public void A_device_in_use_must_stand_in_a_classroom_circular_003()
    {
        var result = Device.Register(_f.SchoolAdmin, 10, _f.School.Path, 2, null, SmartboardFixtures.Details(), DeviceStatus.InUse, _f.Clock);
        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Equal("在用设备须登记所在教室", error.Fields[nameof(Device.ClassroomId)]);
    }

    [Theory]
    [InlineData("", "请填写资产编号")]
    [InlineData("资产01", "资产编号只能包含字母、数字和 - _ . /，且不超过 40 个字符")]
    public void A_bad_asset_tag_is_refused_next_to_the_field(string tag, string message)
    {
        var error = DeviceRules.Validate(SmartboardFixtures.Details(tag), new DateOnly(2026, 11, 23));
        Assert.Equal(message, error!.Fields[nameof(DeviceDetails.AssetTag)]);
    }

    [Fact]
    public void Dates_and_value_are_checked()
    {
        var today = new DateOnly(2026, 11, 23);
        var details = SmartboardFixtures.Details() with
        {
            PurchaseDate = today.AddDays(1),
            InstallDate = today.AddDays(-400),
            PurchaseValue = -1m,
        };
        var error = DeviceRules.Validate(details, today)!;
        Assert.Equal("购置日期不能晚于今天", error.Fields[nameof(DeviceDetails.PurchaseDate)]);
        Assert.Equal("安装日期不能早于购置日期", error.Fields[nameof(DeviceDetails.InstallDate)]);
        Assert.Equal("金额不能为负数", error.Fields[nameof(DeviceDetails.PurchaseValue)]);
        Assert.Null(DeviceRules.Validate(SmartboardFixtures.Details(), today));
        Assert.Equal("金额最多保留两位小数",
            DeviceRules.Validate(SmartboardFixtures.Details() with { PurchaseValue = 1.005m }, today)!.Fields[nameof(DeviceDetails.PurchaseValue)]);
    }

    [Fact]
    public void Repair_takes_a_device_out_and_returns_it_to_its_room()
    {
        var device = _f.InUse(_f.Room());
        Assert.True(device.SetUnderRepair(_f.Teacher, "白板不能触控", _f.Clock).Succeeded);
        Assert.Equal(DeviceStatus.UnderRepair, device.Status);
        Assert.IsType<ConflictError>(device.SetUnderRepair(_f.Teacher, null, _f.Clock).Error);
        Assert.True(device.ReturnToService(_f.SchoolAdmin, "更换触控框", _f.Clock).Succeeded);
        Assert.Equal(DeviceStatus.InUse, device.Status);
        Assert.IsType<ConflictError>(device.ReturnToService(_f.SchoolAdmin, null, _f.Clock).Error);
        Assert.Equal([DeviceEventKind.Registered, DeviceEventKind.RepairStarted, DeviceEventKind.ReturnedToService], device.Events.Select(e => e.Kind));
        Assert.Equal(DeviceStatus.UnderRepair, device.Events[1].ToStatus);
        Assert.Equal(DeviceStatus.InUse, device.Events[1].FromStatus);
    }

    [Fact]
    public void A_repaired_device_without_a_room_comes_back_idle()
    {
        var device = _f.Idle();
        Assert.True(device.SetUnderRepair(_f.SchoolAdmin, null, _f.Clock).Succeeded);
        Assert.True(device.ReturnToService(_f.SchoolAdmin, null, _f.Clock).Succeeded);
        Assert.Equal(DeviceStatus.Idle, device.Status);
    }

    [Fact]
    public void Scrapping_is_final_and_empties_the_room()
    {
        var device = _f.InUse(_f.Room());
        Assert.True(device.Scrap(_f.SchoolAdmin, "主板烧毁", _f.Clock).Succeeded);
        Assert.Equal(DeviceStatus.Scrapped, device.Status);
        Assert.Null(device.ClassroomId);
        Assert.IsType<ConflictError>(device.SetUnderRepair(_f.SchoolAdmin, null, _f.Clock).Error);
        Assert.IsType<ConflictError>(device.Scrap(_f.SchoolAdmin, null, _f.Clock).Error);
        Assert.False(device.PermissionsFor(_f.SchoolAdmin).CanEdit);
        Assert.False(DeviceStatus.Scrapped.CanMoveTo(DeviceStatus.InUse));
    }

    [Fact]
    public void Idle_and_back_in_use_need_the_school_admin()
    {
        var room = _f.Room();
        var device = _f.InUse(room);
        Assert.IsType<ForbiddenError>(device.MarkIdle(_f.Teacher, null, _f.Clock).Error);
        Assert.True(device.MarkIdle(_f.SchoolAdmin, "教室改作仓库", _f.Clock).Succeeded);
        Assert.Equal(DeviceStatus.Idle, device.Status);
        Assert.Null(device.ClassroomId);
        Assert.IsType<ConflictError>(device.MarkIdle(_f.SchoolAdmin, null, _f.Clock).Error);
        Assert.True(device.PutInUse(_f.SchoolAdmin, room, _f.Clock).Succeeded);
        Assert.Equal(DeviceStatus.InUse, device.Status);
    }

    [Fact]
    public void Permissions_follow_jurisdiction_and_role()
    {
        var room = _f.Room();
        var device = _f.InUse(room);
        var admin = device.PermissionsFor(_f.SchoolAdmin, room);
        Assert.True(admin is { CanView: true, CanEdit: true, CanMarkIdle: true, CanScrap: true, CanReportFault: true });

        var teacher = device.PermissionsFor(_f.Teacher, room);
        Assert.True(teacher is { CanView: true, CanReportFault: true, CanEdit: false, CanScrap: false, IsResponsible: false });
        Assert.True(device.PermissionsFor(_f.HeadTeacher, room).IsResponsible);

        var county = device.PermissionsFor(_f.CountyAdmin);
        Assert.True(county is { CanView: true, CanEdit: false, CanReportFault: false });
        Assert.True(device.PermissionsFor(_f.CityAdmin).CanView);

        Assert.Equal(DevicePermissions.None, device.PermissionsFor(_f.OtherSchoolAdmin));
        Assert.Equal(DevicePermissions.None, device.PermissionsFor(_f.OtherCountyAdmin));
    }

    [Fact]
    public void A_fault_can_be_reported_only_on_a_device_in_use()
    {
        var device = _f.InUse(_f.Room());
        Assert.True(device.SetUnderRepair(_f.Teacher, null, _f.Clock).Succeeded);
        Assert.False(device.PermissionsFor(_f.Teacher).CanReportFault);
    }

    [Fact]
    public void Moving_needs_a_room_of_the_same_school_and_keeps_devices_in_use_in_a_room()
    {
        var device = _f.InUse(_f.Room());
        Assert.IsType<ValidationError>(device.MoveTo(_f.SchoolAdmin, null, _f.Clock).Error);
        Assert.IsType<ForbiddenError>(device.MoveTo(_f.Teacher, null, _f.Clock).Error);
        var lab = Classroom.Create(_f.SchoolAdmin, _f.School, 2, "物理实验室", ClassroomKind.Laboratory, null, null, null, null, _f.Clock).Value!;
        SmartboardFixtures.SetId(lab, 5);
        Assert.True(device.MoveTo(_f.SchoolAdmin, lab, _f.Clock).Succeeded);
        Assert.Equal(DeviceEventKind.Moved, device.Events[^1].Kind);
        Assert.Equal("物理实验室", device.Events[^1].Note);
    }

    [Fact]
    public void Every_change_bumps_the_version()
    {
        var device = _f.InUse(_f.Room());
        var before = device.Version;
        Assert.True(device.UpdateDetails(_f.SchoolAdmin, SmartboardFixtures.Details() with { Brand = "鸿合" }, _f.Clock).Succeeded);
        Assert.Equal(before + 1, device.Version);
        Assert.Equal("鸿合", device.Brand);
        Assert.IsType<ForbiddenError>(device.UpdateDetails(_f.CountyAdmin, SmartboardFixtures.Details(), _f.Clock).Error);
    }
}
