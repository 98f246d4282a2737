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

/// <summary>One school's coverage and network figures, with the targets it misses.</summary>
public sealed record SchoolCoverageRow(int SchoolId, string Name, string Path, int? ParentId, string? TownshipName, string CountyName, SchoolStage Stage,
    int Classes, int EquippedClasses, int? BandwidthMbps, NetworkAccess Access, SchoolTier Tier, string? Provider, bool CanEditNetwork) : IReportSchoolRow
{
    public CoverageFigure Coverage => new(Classes, EquippedClasses);
    public bool MeetsBandwidth => NetworkTargets.MeetsBandwidth(BandwidthMbps);
    public NetworkAccess? MissingAccess => NetworkTargets.RequiredAccessMissing(Tier, (Stage & SchoolStage.Primary) != 0, Access);
    public bool Flagged => !Coverage.MeetsTarget || !MeetsBandwidth || MissingAccess is not null;

    /// <summary>Bandwidth per class (Mbps), as SPEC §6 asks for alongside the school's.</summary>
    public double? BandwidthPerClass => BandwidthMbps is { } mbps && Classes > 0 ? Math.Round((double)mbps / Classes, 1) : null;
}

/// <summary>A unit's roll-up (township, county, city) of its schools.</summary>
public sealed record UnitCoverageRow(int Id, string Name, OrgUnitKind Kind, int Schools, CoverageFigure Coverage, int SchoolsBelowCoverage,
    int SchoolsBelowBandwidth, int SchoolsMissingAccess);

public sealed record CoverageReport(UnitCoverageRow Scope, IReadOnlyList<UnitCoverageRow> Units, IReadOnlyList<SchoolCoverageRow> Schools);

/// <summary>
/// 班班通 coverage (classes with interactive equipment / all classes, circular 003) and the network targets (002: ≥ 100 Mbps;
/// 004: fibre for central schools and above, broadband for every primary school), per school and rolled up per township,
/// county and city; schools below a target are flagged.
/// </summary>
public sealed class SmartboardCoverageService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The report for the caller's own unit and its subtree.</summary>
    public Task<CoverageReport?> ReportAsync(Caller caller, CancellationToken cancellationToken = default) =>
        ReportUnits.OfCallerAsync(dbFactory, caller, (db, scope) => ReportAsync(db, scope, caller, cancellationToken), cancellationToken);

    /// <summary>The report for any unit (the metric sources' entry: the consumer has applied jurisdiction).</summary>
    internal static async Task<CoverageReport> ReportAsync(EduPortalDbContext db, OrgUnit scope, Caller? caller, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var units = await ReportUnits.LoadAsync(db, scope, classes: true, cancellationToken);
        var schools = units.Schools;
        var interactive = DeviceTypes.All.Where(t => t.IsInteractive()).ToList();
        var equippedRooms = db.Devices.Where(d => d.SchoolPath.StartsWith(path) && d.ClassroomId != null && interactive.Contains(d.Type)
            && (d.Status == DeviceStatus.InUse || d.Status == DeviceStatus.UnderRepair)).Select(d => d.ClassroomId);
        var equipped = await db.Classrooms.AsNoTracking()
            .Where(c => c.SchoolPath.StartsWith(path) && c.Kind == ClassroomKind.Ordinary && c.SchoolClassId != null && equippedRooms.Contains(c.Id))
            .GroupBy(c => c.SchoolId).Select(g => new { SchoolId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SchoolId, g => g.Count, cancellationToken);
        var profiles = await db.SchoolNetworkProfiles.AsNoTracking().Where(p => p.SchoolPath.StartsWith(path)).ToDictionaryAsync(p => p.SchoolId, cancellationToken);
        var rows = schools.Select(s =>
        {
            var parent = units.Parent(s);
            var county = units.County(s);
            var profile = profiles.GetValueOrDefault(s.Id);
            var tier = profile?.Tier ?? SchoolTiers.Default(s.Stage, s.Name, parent?.Kind == OrgUnitKind.Township);
            return new SchoolCoverageRow(s.Id, s.Name, s.Path, s.ParentId, parent?.Kind == OrgUnitKind.Township ? parent.Name : null, county?.Name ?? "", s.Stage,
                s.Classes, Math.Min(s.Classes, equipped.GetValueOrDefault(s.Id)), profile?.BandwidthMbps, profile?.Access ?? NetworkAccess.None, tier,
                profile?.Provider, caller is not null && caller.IsAdmin && caller.Covers(s.Path));
        }).OrderBy(r => r.CountyName, StringComparer.Ordinal).ThenBy(r => r.TownshipName ?? "", StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

        UnitCoverageRow Roll(int id, string name, OrgUnitKind kind, string unitPath)
        {
            var own = rows.Where(r => r.Path.StartsWith(unitPath, StringComparison.Ordinal)).ToList();
            return new UnitCoverageRow(id, name, kind, own.Count, own.Aggregate(new CoverageFigure(0, 0), (sum, r) => sum + r.Coverage),
                own.Count(r => !r.Coverage.MeetsTarget), own.Count(r => !r.MeetsBandwidth), own.Count(r => r.MissingAccess is not null));
        }
        var children = units.Children
            .Select(u => Roll(u.Id, u.Name, u.Kind, u.Path)).ToList();
        return new CoverageReport(Roll(scope.Id, scope.Name, scope.Kind, path), children, rows);
    }

    public async Task<Result> UpdateNetworkAsync(Caller caller, int schoolId, int? bandwidthMbps, NetworkAccess access, SchoolTier tier, string? provider,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Id == schoolId && o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        var profile = await db.SchoolNetworkProfiles.SingleOrDefaultAsync(p => p.SchoolId == schoolId, cancellationToken);
        if (profile is null)
        {
            profile = SchoolNetworkProfile.Create(schoolId, school.Path, await SmartboardRegisterService.CountyIdOfAsync(db, school.Path, cancellationToken), tier, clock);
            db.SchoolNetworkProfiles.Add(profile);
        }
        var before = new { 带宽 = profile.BandwidthMbps, 接入方式 = profile.Access.DisplayName(), 学校类别 = profile.Tier.DisplayName(), 运营商 = profile.Provider };
        var result = profile.Update(caller, bandwidthMbps, access, tier, provider, clock);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, AuditActions.SmartboardNetworkUpdated, "SchoolNetworkProfile", schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            school.Path, $"修改{school.Name}网络接入情况", before,
            new { 带宽 = profile.BandwidthMbps, 接入方式 = profile.Access.DisplayName(), 学校类别 = profile.Tier.DisplayName(), 运营商 = profile.Provider });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public byte[] BuildWorkbook(CoverageReport report)
    {
        var caption = $"{report.Scope.Name}班班通覆盖率与网络接入（学校 {report.Scope.Schools} 所，班级 {report.Scope.Coverage.Classes} 个，覆盖率 {report.Scope.Coverage.Rate:P1}）" +
            $" · 截至 {ChinaTime.FormatDate(ChinaTime.Today(clock))} · 导出于 {ChinaTime.Format(clock.GetUtcNow())}";
        return ExcelExport.Build("覆盖率", SchoolColumns, report.Schools, caption);
    }

    public static readonly IReadOnlyList<ExcelColumn<SchoolCoverageRow>> SchoolColumns =
    [
        .. ReportSchoolColumns.Place<SchoolCoverageRow>(),
        new("学段", r => r.Stage.DisplayName(), 10),
        new("学校类别", r => r.Tier.DisplayName(), 14),
        new("班级数", r => r.Classes, 8),
        new("已配交互设备班级", r => r.EquippedClasses, 10),
        new("覆盖率", r => r.Coverage.Rate, 10, "0.0%"),
        new("接入带宽（Mbps）", r => r.BandwidthMbps, 12),
        new("班均带宽（Mbps）", r => r.BandwidthPerClass, 12, "0.0"),
        new("接入方式", r => r.Access.DisplayName(), 10),
        new("运营商", r => r.Provider, 10),
        new("覆盖未达标", r => r.Coverage.MeetsTarget ? "" : "是", 10),
        new("带宽未达100M", r => r.MeetsBandwidth ? "" : "是", 10),
        new("接入未达标", r => r.MissingAccess is { } missing ? $"应接入{missing.DisplayName()}" : "", 12),
    ];
}
