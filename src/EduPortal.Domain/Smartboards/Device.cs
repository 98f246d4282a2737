using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A 班班通 device: a school fixed asset (circular 003 §二.1: 纳入学校固定资产管理) with a tag unique in its school,
/// standing in a classroom (or stored, when idle), with a status whose changes are guarded and recorded in its history.
/// </summary>
public sealed class Device : ISchoolScoped
{
    private readonly List<DeviceEvent> _events = [];

    private Device()
    {
    }

    public long Id { get; private set; }
    public int SchoolId { get; private set; }

    /// <summary>The school's org path: jurisdiction compares it with the caller's.</summary>
    public string SchoolPath { get; private set; } = "";
    public int CountyId { get; private set; }

    /// <summary>The room it stands in; empty for a stored (idle or scrapped) device.</summary>
    public int? ClassroomId { get; private set; }

    /// <summary>资产编号, unique within the school, upper-cased.</summary>
    public string AssetTag { get; private set; } = "";
    public DeviceType Type { get; private set; }
    public string? Brand { get; private set; }
    public string? Model { get; private set; }
    public string? SerialNumber { get; private set; }
    public FundingSource Funding { get; private set; }
    public DateOnly? PurchaseDate { get; private set; }
    public decimal? PurchaseValue { get; private set; }
    public DateOnly? InstallDate { get; private set; }
    public DateOnly? WarrantyEnd { get; private set; }
    public string? Notes { get; private set; }
    public DeviceStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped on every change; two people changing one device at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DeviceEvent> Events => _events;

    public DeviceDetails Details => new(AssetTag, Type, Brand, Model, SerialNumber, Funding, PurchaseDate, PurchaseValue, InstallDate, WarrantyEnd, Notes);

    public bool IsUnderWarranty(DateOnly today) => WarrantyEnd is { } end && end >= today;

    /// <summary>
    /// Registers a device at a school. A device in use must stand in a classroom of the school (circular 003 §二.2:
    /// 设备必须放置在班级教室供教学使用); an idle one may be stored without one.
    /// </summary>
    public static Result<Device> Register(Caller actor, int schoolId, string schoolPath, int countyId, Classroom? classroom,
        DeviceDetails details, DeviceStatus status, TimeProvider clock, bool imported = false)
    {
        if (!SmartboardAccess.CanManage(actor, schoolId))
        {
            return new ForbiddenError("只有本校管理员可以登记设备。");
        }
        var now = clock.GetUtcNow();
        var error = ValidatePlacement(details, status, classroom, schoolId, ChinaTime.Today(clock));
        if (error is not null)
        {
            return error;
        }
        var device = new Device
        {
            SchoolId = schoolId,
            SchoolPath = schoolPath,
            CountyId = countyId,
            ClassroomId = status == DeviceStatus.Scrapped ? null : classroom?.Id,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        device.Apply(details);
        device.Record(imported ? DeviceEventKind.Imported : DeviceEventKind.Registered, null, status, actor, null, now);
        return device;
    }

    /// <summary>The checks of <see cref="DeviceRules.Validate"/> plus where the device stands; shared by the form and the import.</summary>
    public static ValidationError? ValidatePlacement(DeviceDetails details, DeviceStatus status, Classroom? classroom, int schoolId, DateOnly today)
    {
        var error = DeviceRules.Validate(details, today);
        var builder = new ValidationBuilder();
        if (error is not null)
        {
            foreach (var (field, message) in error.Fields)
            {
                builder.Check(false, field, message);
            }
        }
        builder.Check(Enum.IsDefined(status), nameof(Status), "请选择设备状态")
            .Check(status != DeviceStatus.InUse || classroom is not null, nameof(ClassroomId), "在用设备须登记所在教室")
            .Check(classroom is null || classroom.SchoolId == schoolId, nameof(ClassroomId), "该教室不属于本校");
        return builder.Build();
    }

    public Result UpdateDetails(Caller actor, DeviceDetails details, TimeProvider clock)
    {
        if (!PermissionsFor(actor).CanEdit)
        {
            return new ForbiddenError("只有本校管理员可以修改设备信息。");
        }
        if (DeviceRules.Validate(details, ChinaTime.Today(clock)) is { } error)
        {
            return error;
        }
        Apply(details);
        Touch(DeviceEventKind.Edited, null, actor, null, clock);
        return Result.Success;
    }

    /// <summary>Moves the device to another room of its school (or into storage when <paramref name="classroom"/> is empty and it is not in use).</summary>
    public Result MoveTo(Caller actor, Classroom? classroom, TimeProvider clock)
    {
        if (!PermissionsFor(actor).CanEdit)
        {
            return new ForbiddenError("只有本校管理员可以调整设备所在教室。");
        }
        if (Status == DeviceStatus.Scrapped)
        {
            return new ConflictError("已报废的设备不能再调整教室。");
        }
        if (classroom is not null && classroom.SchoolId != SchoolId)
        {
            return ValidationError.For(nameof(ClassroomId), "该教室不属于本校");
        }
        if (classroom is null && Status == DeviceStatus.InUse)
        {
            return ValidationError.For(nameof(ClassroomId), "在用设备须登记所在教室");
        }
        if (classroom?.Id == ClassroomId)
        {
            return Result.Success;
        }
        ClassroomId = classroom?.Id;
        Touch(DeviceEventKind.Moved, null, actor, classroom?.Name ?? "移入库房", clock);
        return Result.Success;
    }

    /// <summary>A fault was reported (the repair ticket opens): in use or idle → 维修中.</summary>
    public Result SetUnderRepair(Caller actor, string? note, TimeProvider clock) =>
        ChangeStatus(DeviceStatus.UnderRepair, DeviceEventKind.RepairStarted, actor, note, clock);

    /// <summary>The repair was accepted (修好): 维修中 → 在用 in its room, or 闲置 if it stands in none.</summary>
    public Result ReturnToService(Caller actor, string? note, TimeProvider clock)
    {
        if (Status != DeviceStatus.UnderRepair)
        {
            return new ConflictError($"设备当前为“{Status.DisplayName()}”，不在维修中。");
        }
        return ChangeStatus(ClassroomId is null ? DeviceStatus.Idle : DeviceStatus.InUse, DeviceEventKind.ReturnedToService, actor, note, clock);
    }

    /// <summary>Scraps the device (报废): final; it leaves its room. The ticket's 报废 acceptance and the school admin call it.</summary>
    public Result Scrap(Caller actor, string? reason, TimeProvider clock)
    {
        var result = ChangeStatus(DeviceStatus.Scrapped, DeviceEventKind.Scrapped, actor, reason, clock);
        if (result.Succeeded)
        {
            ClassroomId = null;
        }
        return result;
    }

    /// <summary>The school admin takes an in-use device out of use (闲置); it leaves its room and may be offered to other schools.</summary>
    public Result MarkIdle(Caller actor, string? note, TimeProvider clock)
    {
        if (!PermissionsFor(actor).CanMarkIdle)
        {
            return Status == DeviceStatus.InUse ? new ForbiddenError("只有本校管理员可以将设备转为闲置。")
                : new ConflictError($"设备当前为“{Status.DisplayName()}”，不能转为闲置。");
        }
        var result = ChangeStatus(DeviceStatus.Idle, DeviceEventKind.MarkedIdle, actor, note, clock);
        if (result.Succeeded)
        {
            ClassroomId = null;
        }
        return result;
    }

    /// <summary>The school admin puts an idle device into a room (投入使用).</summary>
    public Result PutInUse(Caller actor, Classroom classroom, TimeProvider clock)
    {
        if (!PermissionsFor(actor).CanPutInUse)
        {
            return Status == DeviceStatus.Idle ? new ForbiddenError("只有本校管理员可以启用设备。")
                : new ConflictError($"设备当前为“{Status.DisplayName()}”，不能投入使用。");
        }
        if (classroom.SchoolId != SchoolId)
        {
            return ValidationError.For(nameof(ClassroomId), "该教室不属于本校");
        }
        var result = ChangeStatus(DeviceStatus.InUse, DeviceEventKind.PutInUse, actor, classroom.Name, clock);
        if (result.Succeeded)
        {
            ClassroomId = classroom.Id;
        }
        return result;
    }

    /// <summary>
    /// Moves an idle device to another school (the county's 调配, <see cref="DeviceTransfer.Complete"/>): it keeps its
    /// history, which records it leaving one school and arriving at the other, and takes the receiving school's tag.
    /// </summary>
    internal Result TransferTo(Caller actor, int toSchoolId, string toSchoolPath, int toCountyId, string newAssetTag,
        string fromSchoolName, string toSchoolName, TimeProvider clock)
    {
        if (Status != DeviceStatus.Idle)
        {
            return new ConflictError("只有闲置设备可以调拨。");
        }
        if (!DeviceRules.IsValidAssetTag(newAssetTag))
        {
            return ValidationError.For(nameof(AssetTag), $"资产编号只能包含字母、数字和 - _ . /，且不超过 {DeviceRules.MaxAssetTagLength} 个字符");
        }
        var now = clock.GetUtcNow();
        Record(DeviceEventKind.TransferredOut, null, null, actor, $"调往{toSchoolName}（原编号 {AssetTag}）", now);
        SchoolId = toSchoolId;
        SchoolPath = toSchoolPath;
        CountyId = toCountyId;
        ClassroomId = null;
        AssetTag = DeviceRules.NormalizeAssetTag(newAssetTag);
        UpdatedAt = now;
        Version++;
        Record(DeviceEventKind.TransferredIn, null, null, actor, $"由{fromSchoolName}调入", now);
        return Result.Success;
    }

    public DevicePermissions PermissionsFor(Caller caller) => PermissionsFor(caller, null);

    /// <summary>
    /// What the caller may do. <paramref name="classroom"/> (the device's room, if loaded) tells whether the caller is
    /// the head teacher answering for it.
    /// </summary>
    public DevicePermissions PermissionsFor(Caller caller, Classroom? classroom)
    {
        if (!SmartboardAccess.CanBrowse(caller, SchoolPath))
        {
            return DevicePermissions.None;
        }
        var manage = SmartboardAccess.CanManage(caller, SchoolId);
        var live = Status != DeviceStatus.Scrapped;
        return new DevicePermissions(
            CanView: true,
            CanEdit: manage && live,
            CanReportFault: SmartboardAccess.IsStaffOf(caller, SchoolId) && Status == DeviceStatus.InUse,
            CanMarkIdle: manage && Status == DeviceStatus.InUse,
            CanPutInUse: manage && Status == DeviceStatus.Idle,
            CanScrap: manage && live,
            IsResponsible: classroom is not null && classroom.Id == ClassroomId && classroom.IsResponsible(caller));
    }

    private Result ChangeStatus(DeviceStatus to, DeviceEventKind kind, Caller actor, string? note, TimeProvider clock)
    {
        if (!Status.CanMoveTo(to))
        {
            return new ConflictError($"设备当前为“{Status.DisplayName()}”，不能改为“{to.DisplayName()}”。");
        }
        var from = Status;
        Status = to;
        Touch(kind, from, actor, note, clock);
        return Result.Success;
    }

    private void Touch(DeviceEventKind kind, DeviceStatus? from, Caller actor, string? note, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        UpdatedAt = now;
        Version++;
        Record(kind, from, from is null ? null : Status, actor, note, now);
    }

    private void Record(DeviceEventKind kind, DeviceStatus? from, DeviceStatus? to, Caller actor, string? note, DateTimeOffset at) =>
        _events.Add(new DeviceEvent(Id, SchoolId, kind, from, to, actor.UserId, actor.RealName, note, at));

    private void Apply(DeviceDetails details)
    {
        AssetTag = DeviceRules.NormalizeAssetTag(details.AssetTag);
        Type = details.Type;
        Brand = Clean(details.Brand);
        Model = Clean(details.Model);
        SerialNumber = Clean(details.SerialNumber);
        Funding = details.Funding;
        PurchaseDate = details.PurchaseDate;
        PurchaseValue = details.PurchaseValue;
        InstallDate = details.InstallDate;
        WarrantyEnd = details.WarrantyEnd;
        Notes = Clean(details.Notes);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
