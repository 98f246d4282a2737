using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>
/// The 班班通 register: a school's rooms and devices. The school's admin keeps it; township, county and city browse
/// their subtree; a head teacher sees the rooms they answer for; every account of the school opens a device's page.
/// Every change is audited in the same unit of work.
/// </summary>
public sealed class SmartboardRegisterService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const string DeviceEntity = "SmartboardDevice";
    public const string ClassroomEntity = "SmartboardClassroom";

    /// <summary>The county over a school (the second node of its path).</summary>
    public static async Task<int> CountyIdOfAsync(EduPortalDbContext db, string schoolPath, CancellationToken cancellationToken = default)
    {
        var countyPath = OrgUnit.AncestorPaths(schoolPath)[1];
        return await db.OrgUnits.Where(o => o.Path == countyPath).Select(o => o.Id).SingleAsync(cancellationToken);
    }

    /// <summary>The schools of the caller's subtree with their register figures.</summary>
    public async Task<IReadOnlyList<SmartboardSchoolRow>> ListSchoolsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Name, o.Path, Parent = o.Parent!.Name, ParentKind = o.Parent.Kind, Classes = o.Classes.Count })
            .ToListAsync(cancellationToken);
        var counties = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.County)
            .Select(o => new { o.Path, o.Name }).ToListAsync(cancellationToken);
        if (caller.OrgKind is OrgUnitKind.School or OrgUnitKind.Township)
        {
            var countyPath = OrgUnit.AncestorPaths(caller.OrgPath)[1];
            counties.AddRange(await db.OrgUnits.AsNoTracking().Where(o => o.Path == countyPath).Select(o => new { o.Path, o.Name }).ToListAsync(cancellationToken));
        }
        var devices = await db.Devices.AsNoTracking().WithinJurisdiction(caller)
            .GroupBy(d => new { d.SchoolId, d.Status })
            .Select(g => new { g.Key.SchoolId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rooms = await db.Classrooms.AsNoTracking().WithinJurisdiction(caller)
            .GroupBy(c => c.SchoolId).Select(g => new { SchoolId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SchoolId, g => g.Count, cancellationToken);
        var equipped = await SmartboardCoverageQueries.EquippedClassesBySchoolAsync(db, caller, cancellationToken);
        return schools
            .Select(s =>
            {
                var county = counties.FirstOrDefault(c => s.Path.StartsWith(c.Path, StringComparison.Ordinal))?.Name ?? "";
                var own = devices.Where(d => d.SchoolId == s.Id).ToList();
                return new SmartboardSchoolRow(s.Id, s.Name, county, s.ParentKind == OrgUnitKind.Township ? s.Parent : null, s.Classes,
                    rooms.GetValueOrDefault(s.Id), own.Where(d => d.Status != DeviceStatus.Scrapped).Sum(d => d.Count),
                    equipped.GetValueOrDefault(s.Id), own.Where(d => d.Status == DeviceStatus.Idle).Sum(d => d.Count),
                    own.Where(d => d.Status == DeviceStatus.UnderRepair).Sum(d => d.Count));
            })
            .OrderBy(s => s.CountyName, StringComparer.Ordinal).ThenBy(s => s.TownshipName ?? "", StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A school's register, or null when the school is outside the caller's subtree.</summary>
    public async Task<SchoolRegisterView?> GetRegisterAsync(Caller caller, int schoolId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Id == schoolId && o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(cancellationToken);
        if (school is null || !caller.IsAdmin)
        {
            return null;
        }
        var classrooms = await db.Classrooms.AsNoTracking().WithinJurisdiction(caller).Where(c => c.SchoolId == schoolId)
            .OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var devices = await DeviceRowsAsync(db.Devices.AsNoTracking().WithinJurisdiction(caller).Where(d => d.SchoolId == schoolId), db, cancellationToken);
        var classes = await db.SchoolClasses.AsNoTracking().Where(c => c.SchoolId == schoolId).OrderBy(c => c.Grade).ThenBy(c => c.Number)
            .Select(c => new { c.Id, c.Grade, c.Number }).ToListAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnitId == schoolId).OrderBy(u => u.RealName)
            .Select(u => new OptionItem<string>(u.Id, u.RealName)).ToListAsync(cancellationToken);
        // Class rooms in grade and number order (高一 before 高二), then the special rooms.
        var classOrder = classes.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        classrooms = classrooms.OrderBy(c => c.Kind).ThenBy(c => c.SchoolClassId is { } id ? classOrder.GetValueOrDefault(id) : 0)
            .ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var rows = classrooms.Select(c => new ClassroomRow(c.Id, c.Name, c.Kind, c.SchoolClassId, c.ResponsibleUserId, c.ResponsibleName, c.Notes,
            devices.Where(d => d.ClassroomId == c.Id).ToList())).ToList();
        return new SchoolRegisterView(school.Id, school.Name, school.Path, SmartboardAccess.CanManage(caller, schoolId), rows,
            devices.Where(d => d.ClassroomId is null).ToList(),
            classes.Select(c => new OptionItem<int>(c.Id, SchoolClass.FormatName(c.Grade, c.Number))).ToList(), staff);
    }

    /// <summary>The rooms the caller answers for (班主任 or keeper) with their devices (circular 003 §二.2).</summary>
    public async Task<IReadOnlyList<ClassroomRow>> MyRoomsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var classrooms = await db.Classrooms.AsNoTracking().ResponsibleBy(caller).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var ids = classrooms.Select(c => c.Id).ToList();
        var devices = await DeviceRowsAsync(db.Devices.AsNoTracking().WithinJurisdiction(caller).Where(d => d.ClassroomId != null && ids.Contains(d.ClassroomId.Value)),
            db, cancellationToken);
        return classrooms.Select(c => new ClassroomRow(c.Id, c.Name, c.Kind, c.SchoolClassId, c.ResponsibleUserId, c.ResponsibleName, c.Notes,
            devices.Where(d => d.ClassroomId == c.Id).ToList())).ToList();
    }

    private static async Task<List<DeviceRow>> DeviceRowsAsync(IQueryable<Device> devices, EduPortalDbContext db, CancellationToken cancellationToken) =>
        await devices
            .OrderBy(d => d.AssetTag)
            .Select(d => new DeviceRow(d.Id, d.AssetTag, d.Type, d.Brand, d.Model, d.Status, d.ClassroomId,
                db.Classrooms.Where(c => c.Id == d.ClassroomId).Select(c => c.Name).FirstOrDefault(), d.WarrantyEnd))
            .ToListAsync(cancellationToken);

    /// <summary>A device's page, or null when it does not exist or lies outside the caller's subtree (indistinguishable).</summary>
    public async Task<DeviceView?> GetDeviceAsync(Caller caller, long deviceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.AsNoTracking().WithinJurisdiction(caller).Include(d => d.Events)
            .SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return null;
        }
        var classroom = device.ClassroomId is null ? null
            : await db.Classrooms.AsNoTracking().SingleOrDefaultAsync(c => c.Id == device.ClassroomId, cancellationToken);
        var schoolIds = device.Events.Select(e => e.SchoolId).Append(device.SchoolId).Distinct().ToList();
        var schoolNames = await db.OrgUnits.AsNoTracking().Where(o => schoolIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var openTransfer = await db.DeviceTransfers.AsNoTracking()
            .Where(t => t.DeviceId == deviceId && (t.State == DeviceTransferState.Offered || t.State == DeviceTransferState.Requested))
            .Select(t => (DeviceTransferState?)t.State).FirstOrDefaultAsync(cancellationToken);
        var history = device.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new DeviceHistoryRow(e.Kind, e.FromStatus, e.ToStatus, e.ActorName, e.Note, e.At,
                e.SchoolId == device.SchoolId ? null : schoolNames.GetValueOrDefault(e.SchoolId)))
            .ToList();
        return new DeviceView(device.Id, device.SchoolId, schoolNames.GetValueOrDefault(device.SchoolId) ?? "", device.Details, device.Status,
            device.ClassroomId, classroom?.Name, classroom?.Kind, classroom?.ResponsibleName, device.PermissionsFor(caller, classroom), history,
            openTransfer, device.Version);
    }

    public async Task<Result<int>> SaveClassroomAsync(Caller caller, int schoolId, int? classroomId, ClassroomInput input,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School, cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        var schoolClass = input.SchoolClassId is null ? null
            : await db.SchoolClasses.SingleOrDefaultAsync(c => c.Id == input.SchoolClassId && c.SchoolId == schoolId, cancellationToken);
        string? responsibleName = null;
        if (!string.IsNullOrEmpty(input.ResponsibleUserId))
        {
            responsibleName = await db.Users.ActiveServing().Where(u => u.Id == input.ResponsibleUserId && u.OrgUnitId == schoolId)
                .Select(u => u.RealName).SingleOrDefaultAsync(cancellationToken);
            if (responsibleName is null)
            {
                return ValidationError.For(nameof(Classroom.ResponsibleUserId), "负责人须为本校在职人员");
            }
        }
        if (input.Kind == ClassroomKind.Ordinary && input.SchoolClassId is not null && schoolClass is null)
        {
            return ValidationError.For(nameof(Classroom.SchoolClassId), "该班级不属于本校");
        }
        Classroom room;
        object? before = null;
        if (classroomId is null)
        {
            var countyId = await CountyIdOfAsync(db, school.Path, cancellationToken);
            var created = Classroom.Create(caller, school, countyId, input.Name ?? "", input.Kind, schoolClass, input.ResponsibleUserId, responsibleName,
                input.Notes, clock);
            if (!created.Succeeded)
            {
                return created.Error!;
            }
            room = created.Value!;
            db.Classrooms.Add(room);
        }
        else
        {
            var existing = await db.Classrooms.WithinJurisdiction(caller).SingleOrDefaultAsync(c => c.Id == classroomId && c.SchoolId == schoolId, cancellationToken);
            if (existing is null)
            {
                return new NotFoundError();
            }
            room = existing;
            before = Snapshot(room);
            var updated = room.Update(caller, input.Name ?? "", input.Kind, schoolClass, input.ResponsibleUserId, responsibleName, input.Notes, clock);
            if (!updated.Succeeded)
            {
                return updated.Error!;
            }
        }
        if (await db.Classrooms.AnyAsync(c => c.SchoolId == schoolId && c.Name == room.Name && c.Id != room.Id, cancellationToken))
        {
            return ValidationError.For(nameof(Classroom.Name), $"本校已有名为“{room.Name}”的教室");
        }
        if (room.SchoolClassId is { } classId && await db.Classrooms.AnyAsync(c => c.SchoolClassId == classId && c.Id != room.Id, cancellationToken))
        {
            return ValidationError.For(nameof(Classroom.SchoolClassId), "该班级已有教室");
        }
        return await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.SmartboardClassroomSaved, ClassroomEntity,
            room.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), school.Path, $"{(before is null ? "登记" : "修改")}{school.Name}教室“{room.Name}”",
            before, Snapshot(room)), cancellationToken, RegisterRefused) is { } conflict ? conflict : room.Id;
    }

    /// <summary>Deletes an empty room (its devices must be moved or stored first).</summary>
    public async Task<Result> DeleteClassroomAsync(Caller caller, int classroomId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var room = await db.Classrooms.WithinJurisdiction(caller).SingleOrDefaultAsync(c => c.Id == classroomId, cancellationToken);
        if (room is null)
        {
            return new NotFoundError();
        }
        if (!room.PermissionsFor(caller).CanDelete)
        {
            return new ForbiddenError("只有本校管理员可以删除教室。");
        }
        if (await db.Devices.AnyAsync(d => d.ClassroomId == classroomId, cancellationToken))
        {
            return new ConflictError("该教室还有设备，请先调整设备所在教室或转为闲置。");
        }
        db.Classrooms.Remove(room);
        db.Audit(caller, clock, AuditActions.SmartboardClassroomDeleted, ClassroomEntity, room.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            room.SchoolPath, $"删除教室“{room.Name}”", Snapshot(room));
        return await SaveAsync(db, cancellationToken) is { } error ? error : Result.Success;
    }

    public async Task<Result<long>> RegisterDeviceAsync(Caller caller, int schoolId, DeviceInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Where(o => o.Id == schoolId && o.Kind == OrgUnitKind.School).Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        var classroom = input.ClassroomId is null ? null
            : await db.Classrooms.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.ClassroomId && c.SchoolId == schoolId, cancellationToken);
        if (input.ClassroomId is not null && classroom is null)
        {
            return ValidationError.For(nameof(Device.ClassroomId), "该教室不属于本校");
        }
        var details = input.ToDetails();
        if (await TagTakenAsync(db, schoolId, details.AssetTag, null, cancellationToken))
        {
            return ValidationError.For(nameof(DeviceDetails.AssetTag), $"本校已有资产编号为 {DeviceRules.NormalizeAssetTag(details.AssetTag)} 的设备");
        }
        var countyId = await CountyIdOfAsync(db, school.Path, cancellationToken);
        var registered = Device.Register(caller, schoolId, school.Path, countyId, classroom, details, input.Status, clock);
        if (!registered.Succeeded)
        {
            return registered.Error!;
        }
        var device = registered.Value!;
        db.Devices.Add(device);
        return await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.SmartboardDeviceRegistered, DeviceEntity, Id(device), school.Path,
            $"登记{school.Name}设备 {device.AssetTag}（{device.Type.DisplayName()}）", null, Snapshot(device, classroom?.Name)), cancellationToken,
            RegisterRefused) is { } conflict ? conflict : device.Id;
    }

    public async Task<Result> UpdateDeviceAsync(Caller caller, long deviceId, int version, DeviceInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.WithinJurisdiction(caller).SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return new NotFoundError();
        }
        if (device.Version != version)
        {
            return new ConflictError("该设备已被其他人修改，请刷新后再试。");
        }
        var oldRoom = await RoomNameAsync(db, device.ClassroomId, cancellationToken);
        var before = Snapshot(device, oldRoom);
        var details = input.ToDetails();
        if (await TagTakenAsync(db, device.SchoolId, details.AssetTag, device.Id, cancellationToken))
        {
            return ValidationError.For(nameof(DeviceDetails.AssetTag), $"本校已有资产编号为 {DeviceRules.NormalizeAssetTag(details.AssetTag)} 的设备");
        }
        var changed = device.UpdateDetails(caller, details, clock);
        if (!changed.Succeeded)
        {
            return changed;
        }
        if (input.ClassroomId != device.ClassroomId)
        {
            var classroom = input.ClassroomId is null ? null
                : await db.Classrooms.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.ClassroomId && c.SchoolId == device.SchoolId, cancellationToken);
            if (input.ClassroomId is not null && classroom is null)
            {
                return ValidationError.For(nameof(Device.ClassroomId), "该教室不属于本校");
            }
            var moved = device.MoveTo(caller, classroom, clock);
            if (!moved.Succeeded)
            {
                return moved;
            }
        }
        db.Audit(caller, clock, AuditActions.SmartboardDeviceUpdated, DeviceEntity, Id(device), device.SchoolPath, $"修改设备 {device.AssetTag}",
            before, Snapshot(device, await RoomNameAsync(db, device.ClassroomId, cancellationToken)));
        return await SaveAsync(db, cancellationToken) is { } error ? error : Result.Success;
    }

    /// <summary>转为闲置 / 投入使用 / 报废 by the school admin (the repair statuses are the tickets' business).</summary>
    public async Task<Result> ChangeStatusAsync(Caller caller, long deviceId, DeviceStatus target, int? classroomId, string? note,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.WithinJurisdiction(caller).SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return new NotFoundError();
        }
        var permissions = device.PermissionsFor(caller);
        if (!permissions.CanEdit)
        {
            return new ForbiddenError("只有本校管理员可以变更设备状态。");
        }
        if (target is DeviceStatus.InUse or DeviceStatus.Scrapped
            && await db.DeviceTransfers.AnyAsync(t => t.DeviceId == deviceId && (t.State == DeviceTransferState.Offered || t.State == DeviceTransferState.Requested), cancellationToken))
        {
            return new ConflictError("该设备正在调剂中，请先撤回调剂。");
        }
        var from = device.Status;
        Result result;
        switch (target)
        {
            case DeviceStatus.Idle:
                result = device.MarkIdle(caller, note, clock);
                break;
            case DeviceStatus.InUse:
                var classroom = classroomId is null ? null
                    : await db.Classrooms.AsNoTracking().SingleOrDefaultAsync(c => c.Id == classroomId && c.SchoolId == device.SchoolId, cancellationToken);
                if (classroom is null)
                {
                    return ValidationError.For(nameof(Device.ClassroomId), "请选择本校的教室");
                }
                result = device.PutInUse(caller, classroom, clock);
                break;
            case DeviceStatus.Scrapped:
                if (string.IsNullOrWhiteSpace(note))
                {
                    return ValidationError.For("Reason", "请填写报废原因");
                }
                result = device.Scrap(caller, note, clock);
                break;
            default:
                return new ForbiddenError("维修状态由报修单变更。");
        }
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, AuditActions.SmartboardDeviceStatusChanged, DeviceEntity, Id(device), device.SchoolPath,
            $"设备 {device.AssetTag}：{from.DisplayName()} → {device.Status.DisplayName()}", new { 状态 = from.DisplayName() },
            new { 状态 = device.Status.DisplayName(), 说明 = note });
        return await SaveAsync(db, cancellationToken) is { } error ? error : Result.Success;
    }

    internal static Task<bool> TagTakenAsync(EduPortalDbContext db, int schoolId, string tag, long? except, CancellationToken cancellationToken)
    {
        var normalized = DeviceRules.NormalizeAssetTag(tag);
        return db.Devices.AnyAsync(d => d.SchoolId == schoolId && d.AssetTag == normalized && d.Id != except, cancellationToken);
    }

    private static Task<string?> RoomNameAsync(EduPortalDbContext db, int? classroomId, CancellationToken cancellationToken) =>
        classroomId is null ? Task.FromResult<string?>(null)
            : db.Classrooms.Where(c => c.Id == classroomId).Select(c => (string?)c.Name).SingleOrDefaultAsync(cancellationToken);

    internal static Task<Error?> SaveAsync(EduPortalDbContext db, CancellationToken cancellationToken) => db.TrySaveAsync(RegisterRefused, cancellationToken);

    /// <summary>A lost race (concurrency token) or a unique-index clash, as a conflict with the caller's own message.</summary>
    internal static Func<DbUpdateException, Error> Refused(string changedMessage, string duplicateMessage) =>
        ex => new ConflictError(ex is DbUpdateConcurrencyException ? changedMessage : duplicateMessage);

    private static readonly Func<DbUpdateException, Error> RegisterRefused =
        Refused("该记录已被其他人修改，请刷新后再试。", "资产编号或教室名称与本校已有记录重复，请刷新后再试。");

    private static string Id(Device device) => device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static object Snapshot(Device device, string? roomName) => new
    {
        资产编号 = device.AssetTag,
        类型 = device.Type.DisplayName(),
        品牌 = device.Brand,
        型号 = device.Model,
        序列号 = device.SerialNumber,
        经费来源 = device.Funding.DisplayName(),
        购置日期 = device.PurchaseDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        金额 = device.PurchaseValue,
        安装日期 = device.InstallDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        保修截止 = device.WarrantyEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        状态 = device.Status.DisplayName(),
        教室 = roomName,
    };

    private static object Snapshot(Classroom room) => new
    {
        名称 = room.Name,
        类型 = room.Kind.DisplayName(),
        负责人 = room.ResponsibleName,
        备注 = room.Notes,
    };
}
