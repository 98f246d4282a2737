using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

public sealed record TransferRow(long Id, long DeviceId, string FromAssetTag, DeviceType Type, string? Brand, string? Model, int FromSchoolId,
    string FromSchoolName, string? ToSchoolName, string? ToAssetTag, DeviceTransferState State, string? OfferNote, string? RequestNote,
    string OfferedByName, DateTimeOffset OfferedAt, string? RequestedByName, DateTimeOffset? RequestedAt, string? ClosedByName, DateTimeOffset? ClosedAt,
    bool CanRequest, bool CanDecide, bool CanWithdraw, bool CanOpenDevice);

public sealed record TransferBoard(IReadOnlyList<TransferRow> Open, IReadOnlyList<TransferRow> Closed, IReadOnlyList<OptionItem<int>> CountySchools);

/// <summary>
/// Idle devices offered to the county's other schools and moved (circular 004 三(一)2: 通过对闲置设备的调配，使农村学校基本实现
/// "班班通"): the offering school publishes, a school asks, the county approves (or allocates itself); the device moves with
/// its history and the transfer stays as its record. Every step is audited.
/// </summary>
public sealed class SmartboardTransferService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const string TransferEntity = "SmartboardTransfer";

    /// <summary>The county over the caller (null for the city, which sees every county's transfers through its subtree).</summary>
    private static async Task<int?> CountyOfAsync(EduPortalDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.OrgKind == OrgUnitKind.City)
        {
            return null;
        }
        var path = OrgUnit.AncestorPaths(caller.OrgPath)[1];
        return await db.OrgUnits.Where(o => o.Path == path).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<TransferBoard> BoardAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var countyId = await CountyOfAsync(db, caller, cancellationToken);
        var transfers = await db.DeviceTransfers.AsNoTracking().VisibleTo(caller, countyId)
            .OrderByDescending(t => t.OfferedAt).Take(500).ToListAsync(cancellationToken);
        var deviceIds = transfers.Select(t => t.DeviceId).Distinct().ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Type, d.Brand, d.Model, d.SchoolPath }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var rows = transfers.Select(t =>
        {
            var device = devices[t.DeviceId];
            return new TransferRow(t.Id, t.DeviceId, t.FromAssetTag, device.Type, device.Brand, device.Model, t.FromSchoolId, t.FromSchoolName, t.ToSchoolName,
                t.ToAssetTag, t.State, t.OfferNote, t.RequestNote, t.OfferedByName, t.OfferedAt, t.RequestedByName, t.RequestedAt, t.ClosedByName, t.ClosedAt,
                t.CanRequest(caller, countyId), t.CanDecide(caller), t.CanWithdraw(caller), caller.Covers(device.SchoolPath));
        }).ToList();
        var schools = caller.Level == AdminLevel.County
            ? await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Name)
                .Select(o => new OptionItem<int>(o.Id, o.Name)).ToListAsync(cancellationToken)
            : [];
        return new TransferBoard(rows.Where(r => r.State.IsOpen()).ToList(), rows.Where(r => !r.State.IsOpen()).ToList(), schools);
    }

    public async Task<Result<long>> OfferAsync(Caller caller, long deviceId, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return new NotFoundError();
        }
        var schoolName = await db.OrgUnits.Where(o => o.Id == device.SchoolId).Select(o => o.Name).SingleAsync(cancellationToken);
        var open = await db.DeviceTransfers.AnyAsync(t => t.DeviceId == deviceId && (t.State == DeviceTransferState.Offered || t.State == DeviceTransferState.Requested),
            cancellationToken);
        var offered = DeviceTransfer.Offer(caller, device, schoolName, note, open, clock);
        if (!offered.Succeeded)
        {
            return offered.Error!;
        }
        var transfer = offered.Value!;
        db.DeviceTransfers.Add(transfer);
        return await db.SaveThenAuditAsync(() => Audit(db, caller, transfer, device.SchoolPath,
            $"{schoolName}发布闲置设备 {device.AssetTag}（{device.Type.DisplayName()}）供调剂"), cancellationToken, TransferRefused) is { } conflict
            ? conflict : transfer.Id;
    }

    public async Task<Result> RequestAsync(Caller caller, long transferId, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var countyId = await CountyOfAsync(db, caller, cancellationToken);
        var transfer = await db.DeviceTransfers.VisibleTo(caller, countyId).SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        var school = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == caller.OrgUnitId && o.Kind == OrgUnitKind.School, cancellationToken);
        if (transfer is null)
        {
            return new NotFoundError();
        }
        if (school is null)
        {
            return new ForbiddenError("只有本县其他学校的管理员可以申请调入。");
        }
        var result = transfer.Request(caller, countyId, school, note, clock);
        if (!result.Succeeded)
        {
            return result;
        }
        Audit(db, caller, transfer, school.Path, $"{school.Name}申请调入{transfer.FromSchoolName}的闲置设备 {transfer.FromAssetTag}");
        return await SaveAsync(db, cancellationToken) is { } error ? error : Result.Success;
    }

    public Task<Result> DeclineAsync(Caller caller, long transferId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, transferId, transfer => transfer.Decline(caller, clock),
            transfer => $"未同意{transfer.ToSchoolName}调入设备 {transfer.FromAssetTag}，设备继续调剂", cancellationToken);

    /// <summary>The county approves the request, or allocates the device to <paramref name="toSchoolId"/>; the device moves under <paramref name="newAssetTag"/>.</summary>
    public async Task<Result> CompleteAsync(Caller caller, long transferId, int? toSchoolId, string? newAssetTag, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var countyId = await CountyOfAsync(db, caller, cancellationToken);
        var transfer = await db.DeviceTransfers.VisibleTo(caller, countyId).SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null)
        {
            return new NotFoundError();
        }
        if (!transfer.CanDecide(caller))
        {
            return new ForbiddenError("只有本县教育局管理员可以审批调拨。");
        }
        var targetId = transfer.ToSchoolId ?? toSchoolId;
        if (targetId is null)
        {
            return ValidationError.For("ToSchoolId", "请选择调入学校");
        }
        var toSchool = await db.OrgUnits.WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == targetId && o.Kind == OrgUnitKind.School, cancellationToken);
        if (toSchool is null)
        {
            return ValidationError.For("ToSchoolId", "请选择本县的另一所学校");
        }
        var tag = string.IsNullOrWhiteSpace(newAssetTag) ? transfer.FromAssetTag : newAssetTag.Trim();
        if (!DeviceRules.IsValidAssetTag(tag))
        {
            return ValidationError.For("AssetTag", $"资产编号只能包含字母、数字和 - _ . /，且不超过 {DeviceRules.MaxAssetTagLength} 个字符");
        }
        if (await SmartboardRegisterService.TagTakenAsync(db, toSchool.Id, tag, null, cancellationToken))
        {
            return ValidationError.For("AssetTag", $"{toSchool.Name}已有资产编号为 {DeviceRules.NormalizeAssetTag(tag)} 的设备，请另填一个编号");
        }
        var device = await db.Devices.SingleAsync(d => d.Id == transfer.DeviceId, cancellationToken);
        var fromPath = device.SchoolPath;
        var toCounty = await SmartboardRegisterService.CountyIdOfAsync(db, toSchool.Path, cancellationToken);
        var result = transfer.Complete(caller, device, toSchool, toCounty, tag, clock);
        if (!result.Succeeded)
        {
            return result;
        }
        Audit(db, caller, transfer, fromPath, $"闲置设备 {transfer.FromAssetTag} 由{transfer.FromSchoolName}调拨至{toSchool.Name}（新编号 {device.AssetTag}）");
        db.Audit(caller, clock, AuditActions.SmartboardDeviceStatusChanged, SmartboardRegisterService.DeviceEntity, device.Id.ToString(CultureInfo.InvariantCulture),
            toSchool.Path, $"设备 {device.AssetTag} 由{transfer.FromSchoolName}调入{toSchool.Name}", new { 学校 = transfer.FromSchoolName, 资产编号 = transfer.FromAssetTag },
            new { 学校 = toSchool.Name, 资产编号 = device.AssetTag });
        return await SaveAsync(db, cancellationToken) is { } error ? error : Result.Success;
    }

    public Task<Result> WithdrawAsync(Caller caller, long transferId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, transferId, transfer => transfer.Withdraw(caller, clock),
            transfer => $"{transfer.FromSchoolName}撤回闲置设备 {transfer.FromAssetTag} 的调剂", cancellationToken);

    /// <summary>
    /// A transition of a transfer the caller may see, audited against the offering school. The summary is written before
    /// the transition, while the transfer still names the school that asked for it.
    /// </summary>
    private async Task<Result> ChangeAsync(Caller caller, long transferId, Func<DeviceTransfer, Result> transition, Func<DeviceTransfer, string> summary,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var countyId = await CountyOfAsync(db, caller, cancellationToken);
        var transfer = await db.DeviceTransfers.VisibleTo(caller, countyId).SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null)
        {
            return new NotFoundError();
        }
        var text = summary(transfer);
        var result = transition(transfer);
        if (!result.Succeeded)
        {
            return result;
        }
        Audit(db, caller, transfer, transfer.FromSchoolPath, text);
        return await SaveAsync(db, cancellationToken) is { } error ? error : Result.Success;
    }

    private void Audit(EduPortalDbContext db, Caller caller, DeviceTransfer transfer, string orgPath, string summary) =>
        db.Audit(caller, clock, AuditActions.SmartboardTransferChanged, TransferEntity, transfer.Id.ToString(CultureInfo.InvariantCulture), orgPath, summary,
            null, new { 状态 = transfer.State.DisplayName(), 调出学校 = transfer.FromSchoolName, 调入学校 = transfer.ToSchoolName, 资产编号 = transfer.FromAssetTag });

    private static readonly Func<DbUpdateException, Error> TransferRefused =
        SmartboardRegisterService.Refused("该调剂已被其他人处理，请刷新后查看最新状态。", "该设备已在调剂中，或编号与调入学校已有设备重复，请刷新后再试。");

    private static Task<Error?> SaveAsync(EduPortalDbContext db, CancellationToken cancellationToken) => db.TrySaveAsync(TransferRefused, cancellationToken);
}
