using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>One ledger row's outcome: its problems (empty when it is fine).</summary>
public sealed record LedgerImportRow(int RowNumber, string AssetTag, string TypeText, string RoomText, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record LedgerImportResult(int Imported, int RoomsCreated, IReadOnlyList<LedgerImportRow> Rows)
{
    public IEnumerable<LedgerImportRow> Rejected => Rows.Where(r => !r.IsValid);
}

/// <summary>One row of the ledger export.</summary>
public sealed record LedgerExportRow(string County, string? Township, string School, string AssetTag, DeviceType Type, string? Brand, string? Model,
    string? Serial, FundingSource Funding, DateOnly? PurchaseDate, decimal? PurchaseValue, DateOnly? InstallDate, DateOnly? WarrantyEnd,
    DeviceStatus Status, string? Room, ClassroomKind? RoomKind, string? Responsible, string? Notes);

/// <summary>
/// The school's existing fixed-asset ledger in and the register out (Snipe-IT's CSV import/export): an Excel template,
/// every row checked with the same rule as the form (<see cref="Device.ValidatePlacement"/>), and nothing saved unless
/// every row is right — a ledger half imported would be worse than none. The export streams every device of the
/// caller's subtree.
/// </summary>
public sealed class SmartboardLedgerService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxRows = 10_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private static readonly string[] Headers =
        ["资产编号", "设备类型", "品牌", "型号", "序列号", "经费来源", "购置日期", "购置金额（元）", "安装日期", "保修截止", "状态", "所在教室", "备注"];

    private static readonly ImportSheetLayout Layout = new(Headers, MaxRows, "文件中没有设备行")
    {
        CheckedHeaders = 2,
        HeaderMessage = "表头与模板不一致：第一列应为“资产编号”，第二列应为“设备类型”；请使用下载的模板",
    };

    public static byte[] BuildTemplate() =>
        ImportTemplate.Build("设备台账", Headers, c => c is 0 or 3 or 4 or 11 or 12 ? 18 : 13,
            ["BBT-0101", "交互式一体机", "希沃", "MC86FEA", "SN20240801", "薄改", "2024-08-01", "14500", "2024-08-20", "2027-08-01", "在用", "七年级1班", ""],
        [
            "1. 每行一台设备；资产编号、设备类型必填。第 2 行为示例，导入前请删除。",
            "2. 资产编号在本校内不能重复，只能包含字母、数字和 - _ . /（导入后统一转为大写）。",
            $"3. 设备类型：{string.Join("、", DeviceTypes.All.Select(t => t.DisplayName()))}。",
            $"4. 经费来源：{string.Join("、", FundingSources.All.Select(f => f.DisplayName()))}（不填按“其他”）。",
            "5. 日期按 2024-08-01 填写；购置金额为数字，最多两位小数。",
            "6. 状态：在用、闲置（不填时：有所在教室为在用，否则为闲置）。维修中的设备请先按在用导入，再在平台报修。",
            "7. 所在教室：填写已登记的教室名称，或本校班级名称（如 七年级1班，导入时自动登记该班教室）。在用设备必须填写所在教室。",
            "8. 任一行有错误时整份台账都不导入，请按页面列出的行号修改后重新上传。",
        ]);

    public async Task<Result<LedgerImportResult>> ImportAsync(Caller caller, int schoolId, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.WithinJurisdiction(caller).Include(o => o.Classes)
            .SingleOrDefaultAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School, cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        if (!SmartboardAccess.CanManage(caller, schoolId))
        {
            return new ForbiddenError("只有本校管理员可以导入设备台账。");
        }
        var parsed = await ImportSheet.ReadAsync(content, null, Layout, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error!;
        }
        var raw = parsed.Value!;
        var countyId = await SmartboardRegisterService.CountyIdOfAsync(db, school.Path, cancellationToken);
        var rooms = await db.Classrooms.Where(c => c.SchoolId == schoolId).ToListAsync(cancellationToken);
        var roomByName = rooms.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var classByName = school.Classes.ToDictionary(c => c.DisplayName, StringComparer.Ordinal);
        var existingTags = (await db.Devices.Where(d => d.SchoolId == schoolId).Select(d => d.AssetTag).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var today = ChinaTime.Today(clock);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<LedgerImportRow>(raw.Count);
        var accepted = new List<(DeviceDetails Details, DeviceStatus Status, string? RoomName)>();
        var newRooms = new Dictionary<string, Classroom>(StringComparer.Ordinal);
        foreach (var (rowNumber, cells) in raw)
        {
            var errors = new List<string>();
            var tag = cells[0].Trim();
            var type = DeviceTypes.Parse(cells[1]);
            if (cells[1].Length > 0 && type is null)
            {
                errors.Add($"设备类型“{cells[1]}”无法识别");
            }
            else if (type is null)
            {
                errors.Add("请填写设备类型");
            }
            var funding = cells[5].Length == 0 ? FundingSource.Other : FundingSources.Parse(cells[5]);
            if (funding is null)
            {
                errors.Add($"经费来源“{cells[5]}”无法识别");
            }
            var purchase = ParseDate(cells[6], "购置日期", errors);
            decimal? value = null;
            if (cells[7].Length > 0)
            {
                if (decimal.TryParse(cells[7].Replace(",", "", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal), NumberStyles.Number,
                        CultureInfo.InvariantCulture, out var parsedValue))
                {
                    value = parsedValue;
                }
                else
                {
                    errors.Add($"购置金额“{cells[7]}”应为数字");
                }
            }
            var install = ParseDate(cells[8], "安装日期", errors);
            var warranty = ParseDate(cells[9], "保修截止", errors);
            var roomName = cells[11].Trim();
            Classroom? room = null;
            if (roomName.Length > 0)
            {
                if (!roomByName.TryGetValue(roomName, out room) && !newRooms.TryGetValue(roomName, out room))
                {
                    if (classByName.TryGetValue(roomName, out var schoolClass) && rooms.All(r => r.SchoolClassId != schoolClass.Id))
                    {
                        room = Classroom.Create(caller, school, countyId, roomName, ClassroomKind.Ordinary, schoolClass, null, null, null, clock).Value;
                        newRooms[roomName] = room!;
                    }
                    else
                    {
                        errors.Add($"所在教室“{roomName}”不存在，请先在台账中新增教室");
                    }
                }
            }
            DeviceStatus status;
            if (cells[10].Length == 0)
            {
                status = roomName.Length > 0 ? DeviceStatus.InUse : DeviceStatus.Idle;
            }
            else if (DeviceStatuses.Parse(cells[10]) is { } parsedStatus and (DeviceStatus.InUse or DeviceStatus.Idle))
            {
                status = parsedStatus;
            }
            else
            {
                status = DeviceStatus.Idle;
                errors.Add($"状态“{cells[10]}”只能填写 在用 或 闲置");
            }
            var details = new DeviceDetails(tag, type ?? DeviceType.Other, Clean(cells[2]), Clean(cells[3]), Clean(cells[4]), funding ?? FundingSource.Other,
                purchase, value, install, warranty, Clean(cells[12]));
            if (Device.ValidatePlacement(details, status, room, schoolId, today) is { } invalid)
            {
                errors.AddRange(invalid.Fields.Values.Where(m => !errors.Contains(m)));
            }
            if (tag.Length > 0 && DeviceRules.IsValidAssetTag(tag))
            {
                var normalized = DeviceRules.NormalizeAssetTag(tag);
                if (existingTags.Contains(normalized))
                {
                    errors.Add($"资产编号 {normalized} 在本校已存在");
                }
                else if (seen.TryGetValue(normalized, out var firstRow))
                {
                    errors.Add($"资产编号 {normalized} 与第 {firstRow} 行重复");
                }
                else
                {
                    seen[normalized] = rowNumber;
                }
            }
            results.Add(new LedgerImportRow(rowNumber, tag, cells[1], roomName, errors));
            if (errors.Count == 0)
            {
                accepted.Add((details, status, roomName.Length == 0 ? null : roomName));
            }
        }
        if (results.Any(r => !r.IsValid) || accepted.Count == 0)
        {
            return new LedgerImportResult(0, 0, results);
        }

        // Rooms first (the devices name their ids), then devices and the audit entry, in one transaction. The rooms are
        // tracked before it, so a retry inserts them again with new keys; the devices are built afresh by each attempt.
        db.Classrooms.AddRange(newRooms.Values);
        return await db.InTransactionAsync<Result<LedgerImportResult>>(async ct =>
        {
            await db.SaveChangesAsync(ct);
            var devices = new List<Device>(accepted.Count);
            foreach (var (details, status, roomName) in accepted)
            {
                var room = roomName is null ? null : roomByName.GetValueOrDefault(roomName) ?? newRooms[roomName];
                devices.Add(Device.Register(caller, schoolId, school.Path, countyId, room, details, status, clock, imported: true).Value!);
            }
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Devices.AddRange(devices);
            db.Audit(caller, clock, AuditActions.SmartboardDevicesImported, SmartboardRegisterService.DeviceEntity, schoolId.ToString(CultureInfo.InvariantCulture),
                school.Path, $"导入{school.Name}设备台账 {devices.Count} 台" + (newRooms.Count > 0 ? $"，新登记教室 {newRooms.Count} 间" : ""),
                null, new { 设备数 = devices.Count, 新教室 = newRooms.Keys.ToList() });
            db.ChangeTracker.DetectChanges();
            if (await SmartboardRegisterService.SaveAsync(db, ct) is { } conflict)
            {
                return conflict;
            }
            return new LedgerImportResult(devices.Count, newRooms.Count, results);
        }, cancellationToken, commitWhen: result => result.Succeeded);
    }

    /// <summary>
    /// Every device of the caller's subtree (or of one school), streamed row by row into the workbook (the one Excel
    /// helper's SAX writer) with a caption naming the scope and when it was made.
    /// </summary>
    public async Task<(string FileName, string Path)?> ExportAsync(Caller caller, int? schoolId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        string scope;
        if (schoolId is { } id)
        {
            var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Id == id && o.Kind == OrgUnitKind.School)
                .Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            if (school is null || !caller.IsAdmin)
            {
                return null;
            }
            scope = school;
        }
        else
        {
            if (!caller.IsAdmin)
            {
                return null;
            }
            scope = caller.OrgUnitName;
        }
        var units = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Select(o => new { o.Id, o.Name, o.Kind, o.ParentId })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var countyNames = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.County).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var rooms = await db.Classrooms.AsNoTracking().WithinJurisdiction(caller).Where(c => schoolId == null || c.SchoolId == schoolId)
            .Select(c => new { c.Id, c.Name, c.Kind, c.ResponsibleName }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var query = db.Devices.AsNoTracking().WithinJurisdiction(caller).Where(d => schoolId == null || d.SchoolId == schoolId)
            .OrderBy(d => d.CountyId).ThenBy(d => d.SchoolId).ThenBy(d => d.AssetTag)
            .Select(d => new
            {
                d.CountyId,
                d.SchoolId,
                d.AssetTag,
                d.Type,
                d.Brand,
                d.Model,
                d.SerialNumber,
                d.Funding,
                d.PurchaseDate,
                d.PurchaseValue,
                d.InstallDate,
                d.WarrantyEnd,
                d.Status,
                d.ClassroomId,
                d.Notes
            });
        var rows = query.AsEnumerable().Select(d =>
        {
            var school = units.GetValueOrDefault(d.SchoolId);
            var parent = school?.ParentId is { } parentId ? units.GetValueOrDefault(parentId) : null;
            var room = d.ClassroomId is { } roomId ? rooms.GetValueOrDefault(roomId) : null;
            return new LedgerExportRow(countyNames.GetValueOrDefault(d.CountyId) ?? "", parent?.Kind == OrgUnitKind.Township ? parent.Name : null, school?.Name ?? "",
                d.AssetTag, d.Type, d.Brand, d.Model, d.SerialNumber, d.Funding, d.PurchaseDate, d.PurchaseValue, d.InstallDate, d.WarrantyEnd, d.Status,
                room?.Name, room?.Kind, room?.ResponsibleName, d.Notes);
        });
        var now = clock.GetUtcNow();
        var caption = $"{scope}班班通设备台账（全部设备，含闲置与报废）· 截至 {ChinaTime.FormatDate(ChinaTime.Today(clock))} · 导出于 {ChinaTime.Format(now)}";
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"eduportal-ledger-{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
        {
            ExcelExport.Write(file, "设备台账", ExportColumns, rows, caption);
        }
        return ($"{scope}-班班通设备台账-{ChinaTime.ToChina(now):yyyyMMdd-HHmm}.xlsx", path);
    }

    public static readonly IReadOnlyList<ExcelColumn<LedgerExportRow>> ExportColumns =
    [
        new("县区", r => r.County, 12),
        new("乡镇", r => r.Township, 12),
        new("学校", r => r.School, 20),
        new("资产编号", r => r.AssetTag, 14),
        new("设备类型", r => r.Type.DisplayName(), 12),
        new("品牌", r => r.Brand, 10),
        new("型号", r => r.Model, 14),
        new("序列号", r => r.Serial, 14),
        new("经费来源", r => r.Funding.DisplayName(), 10),
        new("购置日期", r => r.PurchaseDate, 12),
        new("购置金额（元）", r => r.PurchaseValue, 12, "#,##0.00"),
        new("安装日期", r => r.InstallDate, 12),
        new("保修截止", r => r.WarrantyEnd, 12),
        new("状态", r => r.Status.DisplayName(), 8),
        new("所在教室", r => r.Room ?? "库房", 14),
        new("教室类型", r => r.RoomKind?.DisplayName(), 10),
        new("负责人", r => r.Responsible, 10),
        new("备注", r => r.Notes, 20),
    ];

    private static DateOnly? ParseDate(string text, string field, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add($"{field}“{text}”无法识别，请按 2024-08-01 填写");
        return null;
    }

    private static string? Clean(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
