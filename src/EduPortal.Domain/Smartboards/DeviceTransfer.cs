using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// An idle device offered to the other schools of its county and, once the county approves a request (or allocates
/// it to a school itself), moved there with its history (circular 004 三(一)2: 通过对闲置设备的调配，使农村学校基本实现"班班通").
/// The record stays as the transfer's trace (调拨单).
/// </summary>
public sealed class DeviceTransfer
{
    public const int MaxNoteLength = 200;

    private DeviceTransfer()
    {
    }

    public long Id { get; private set; }
    public long DeviceId { get; private set; }
    public int CountyId { get; private set; }
    public int FromSchoolId { get; private set; }
    public string FromSchoolPath { get; private set; } = "";
    public string FromSchoolName { get; private set; } = "";

    /// <summary>The asset tag at the offering school.</summary>
    public string FromAssetTag { get; private set; } = "";
    public int? ToSchoolId { get; private set; }
    public string? ToSchoolPath { get; private set; }
    public string? ToSchoolName { get; private set; }

    /// <summary>The asset tag the receiving school gave it.</summary>
    public string? ToAssetTag { get; private set; }
    public DeviceTransferState State { get; private set; }
    public string? OfferNote { get; private set; }
    public DateTimeOffset OfferedAt { get; private set; }
    public string OfferedById { get; private set; } = "";
    public string OfferedByName { get; private set; } = "";
    public string? RequestNote { get; private set; }
    public DateTimeOffset? RequestedAt { get; private set; }
    public string? RequestedById { get; private set; }
    public string? RequestedByName { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedById { get; private set; }
    public string? ClosedByName { get; private set; }
    public int Version { get; private set; }

    /// <summary>The school admin offers an idle device of the school.</summary>
    public static Result<DeviceTransfer> Offer(Caller actor, Device device, string schoolName, string? note, bool hasOpenTransfer, TimeProvider clock)
    {
        if (!SmartboardAccess.CanManage(actor, device.SchoolId))
        {
            return new ForbiddenError("只有本校管理员可以发布闲置设备。");
        }
        if (device.Status != DeviceStatus.Idle)
        {
            return new ConflictError("只有闲置设备可以发布调剂。");
        }
        if (hasOpenTransfer)
        {
            return new ConflictError("该设备已在调剂中。");
        }
        if ((note?.Trim().Length ?? 0) > MaxNoteLength)
        {
            return ValidationError.For(nameof(OfferNote), $"说明不能超过 {MaxNoteLength} 个字");
        }
        return new DeviceTransfer
        {
            DeviceId = device.Id,
            CountyId = device.CountyId,
            FromSchoolId = device.SchoolId,
            FromSchoolPath = device.SchoolPath,
            FromSchoolName = schoolName,
            FromAssetTag = device.AssetTag,
            State = DeviceTransferState.Offered,
            OfferNote = Clean(note),
            OfferedAt = clock.GetUtcNow(),
            OfferedById = actor.UserId,
            OfferedByName = actor.RealName,
        };
    }

    /// <summary>Who may see the offer: the county's admins and every school of the county (not only the offering one).</summary>
    public bool IsVisibleTo(Caller caller, int? callerCountyId) =>
        caller.Covers(FromSchoolPath) || (ToSchoolPath is not null && caller.Covers(ToSchoolPath))
        || (State.IsOpen() && callerCountyId == CountyId);

    public bool CanRequest(Caller caller, int? callerCountyId) =>
        State == DeviceTransferState.Offered && caller.Level == AdminLevel.School && caller.OrgKind == OrgUnitKind.School
        && callerCountyId == CountyId && caller.OrgUnitId != FromSchoolId;

    /// <summary>The county bureau decides (approves, declines, allocates).</summary>
    public bool CanDecide(Caller caller) => caller.Level == AdminLevel.County && caller.OrgUnitId == CountyId && State.IsOpen();

    public bool CanWithdraw(Caller caller) => State.IsOpen() && SmartboardAccess.CanManage(caller, FromSchoolId);

    /// <summary>A school of the same county asks for the device (申请调入).</summary>
    public Result Request(Caller actor, int? actorCountyId, OrgUnit school, string? note, TimeProvider clock)
    {
        if (!CanRequest(actor, actorCountyId) || school.Id != actor.OrgUnitId)
        {
            return State == DeviceTransferState.Offered ? new ForbiddenError("只有本县其他学校的管理员可以申请调入。")
                : new ConflictError("该设备已有学校申请或已结束调剂。");
        }
        if ((note?.Trim().Length ?? 0) > MaxNoteLength)
        {
            return ValidationError.For(nameof(RequestNote), $"说明不能超过 {MaxNoteLength} 个字");
        }
        State = DeviceTransferState.Requested;
        ToSchoolId = school.Id;
        ToSchoolPath = school.Path;
        ToSchoolName = school.Name;
        RequestNote = Clean(note);
        RequestedAt = clock.GetUtcNow();
        RequestedById = actor.UserId;
        RequestedByName = actor.RealName;
        Version++;
        return Result.Success;
    }

    /// <summary>The county declines the request: the offer stands again for other schools.</summary>
    public Result Decline(Caller actor, TimeProvider clock)
    {
        if (!CanDecide(actor) || State != DeviceTransferState.Requested)
        {
            return new ForbiddenError("只有本县教育局管理员可以处理调入申请。");
        }
        _ = clock;
        State = DeviceTransferState.Offered;
        ToSchoolId = null;
        ToSchoolPath = null;
        ToSchoolName = null;
        RequestNote = null;
        RequestedAt = null;
        RequestedById = null;
        RequestedByName = null;
        Version++;
        return Result.Success;
    }

    /// <summary>
    /// The county approves the request, or allocates the offered device to <paramref name="toSchool"/> itself: the
    /// device moves (its history goes with it) under <paramref name="newAssetTag"/> (the receiving school's tag).
    /// </summary>
    public Result Complete(Caller actor, Device device, OrgUnit toSchool, int toCountyId, string newAssetTag, TimeProvider clock)
    {
        if (!CanDecide(actor))
        {
            return new ForbiddenError("只有本县教育局管理员可以审批调拨。");
        }
        if (device.Id != DeviceId)
        {
            return new ConflictError("设备与调剂记录不符。");
        }
        if (State == DeviceTransferState.Requested && ToSchoolId != toSchool.Id)
        {
            return new ConflictError("已有学校申请调入，请先处理该申请。");
        }
        if (!toSchool.IsSchool || toSchool.Id == FromSchoolId || toCountyId != CountyId)
        {
            return ValidationError.For(nameof(ToSchoolId), "请选择本县的另一所学校");
        }
        var moved = device.TransferTo(actor, toSchool.Id, toSchool.Path, toCountyId, newAssetTag, FromSchoolName, toSchool.Name, clock);
        if (!moved.Succeeded)
        {
            return moved;
        }
        State = DeviceTransferState.Completed;
        ToSchoolId = toSchool.Id;
        ToSchoolPath = toSchool.Path;
        ToSchoolName = toSchool.Name;
        ToAssetTag = device.AssetTag;
        ClosedAt = clock.GetUtcNow();
        ClosedById = actor.UserId;
        ClosedByName = actor.RealName;
        Version++;
        return Result.Success;
    }

    public Result Withdraw(Caller actor, TimeProvider clock)
    {
        if (!CanWithdraw(actor))
        {
            return State.IsOpen() ? new ForbiddenError("只有发布学校的管理员可以撤回。") : new ConflictError("该调剂已结束。");
        }
        State = DeviceTransferState.Withdrawn;
        ClosedAt = clock.GetUtcNow();
        ClosedById = actor.UserId;
        ClosedByName = actor.RealName;
        Version++;
        return Result.Success;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
