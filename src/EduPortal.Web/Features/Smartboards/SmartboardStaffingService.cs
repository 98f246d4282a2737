using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

public sealed record TechnicianRow(string UserId, string Name, bool FullTime, string? Duty, bool CanEdit);

/// <summary>A school's technician staffing against <see cref="StaffingRule"/> (circulars 003 and 004).</summary>
public sealed record SchoolStaffingRow(int SchoolId, string Name, string Path, string CountyName, string? TownshipName, int Classes, SchoolTier Tier,
    IReadOnlyList<TechnicianRow> Technicians)
{
    public int Required => StaffingRule.RequiredFullTime(Classes, Tier);
    public int FullTime => Technicians.Count(t => t.FullTime);
    public int Shortfall => StaffingRule.Shortfall(Classes, Tier, FullTime);
}

public sealed record UnitStaffingRow(int Id, string Name, int Schools, int Required, int FullTime, int Shortfall, int SchoolsShort);

public sealed record StaffingReport(UnitStaffingRow Scope, IReadOnlyList<UnitStaffingRow> Units, IReadOnlyList<SchoolStaffingRow> Schools);

/// <summary>
/// Full-time technicians each school needs (circular 003 §二.4: 12个班以上的学校要有专职电教管理员; 004 §三(五)2: 中心小学以上学校应至少
/// 配备专职电教维护人员1人，每增加12个班增配1人) against the accounts holding the technician capability with a full-time post.
/// </summary>
public sealed class SmartboardStaffingService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public Task<StaffingReport?> ReportAsync(Caller caller, CancellationToken cancellationToken = default) =>
        ReportUnits.OfCallerAsync(dbFactory, caller, (db, scope) => ReportAsync(db, scope, caller, cancellationToken), cancellationToken);

    internal static async Task<StaffingReport> ReportAsync(EduPortalDbContext db, OrgUnit scope, Caller? caller, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var units = await ReportUnits.LoadAsync(db, scope, classes: true, cancellationToken);
        var tiers = await db.SchoolNetworkProfiles.AsNoTracking().Where(p => p.SchoolPath.StartsWith(path)).ToDictionaryAsync(p => p.SchoolId, p => p.Tier, cancellationToken);
        var technicians = await db.Users.AsNoTracking().ActiveServing()
            .Where(u => u.OrgUnit!.Path.StartsWith(path) && (u.Capabilities & Capability.Technician) == Capability.Technician)
            .Select(u => new { u.Id, u.RealName, u.OrgUnitId, u.OrgUnit!.Path, Post = db.TechnicianPosts.Where(p => p.UserId == u.Id).Select(p => new { p.FullTime, p.Duty }).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var schools = units.Schools.Select(s =>
        {
            var parent = units.Parent(s);
            var underTownship = parent?.Kind == OrgUnitKind.Township;
            var tier = tiers.TryGetValue(s.Id, out var t) ? t : SchoolTiers.Default(s.Stage, s.Name, underTownship);
            var staff = technicians.Where(x => x.OrgUnitId == s.Id).OrderBy(x => x.RealName, StringComparer.Ordinal)
                .Select(x => new TechnicianRow(x.Id, x.RealName, x.Post?.FullTime ?? false, x.Post?.Duty, caller is not null && caller.IsAdmin && caller.Covers(x.Path)))
                .ToList();
            return new SchoolStaffingRow(s.Id, s.Name, s.Path, units.County(s)?.Name ?? "",
                underTownship ? parent!.Name : null, s.Classes, tier, staff);
        }).OrderBy(r => r.CountyName, StringComparer.Ordinal).ThenBy(r => r.TownshipName ?? "", StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

        UnitStaffingRow Roll(int id, string name, string unitPath)
        {
            var own = schools.Where(r => r.Path.StartsWith(unitPath, StringComparison.Ordinal)).ToList();
            return new UnitStaffingRow(id, name, own.Count, own.Sum(r => r.Required), own.Sum(r => Math.Min(r.FullTime, r.Required)), own.Sum(r => r.Shortfall),
                own.Count(r => r.Shortfall > 0));
        }
        var children = units.Children
            .Select(u => Roll(u.Id, u.Name, u.Path)).ToList();
        return new StaffingReport(Roll(scope.Id, scope.Name, path), children, schools);
    }

    /// <summary>Sets whether a technician serves full-time (专职) and the duty's name.</summary>
    public async Task<Result> SetPostAsync(Caller caller, string userId, bool fullTime, string? duty, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().WithinJurisdiction(caller).ActiveServing()
            .Where(u => u.Id == userId && (u.Capabilities & Capability.Technician) == Capability.Technician)
            .Select(u => new { u.Id, u.RealName, u.OrgUnitId, u.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return new NotFoundError();
        }
        var post = await db.TechnicianPosts.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (post is null)
        {
            post = TechnicianPost.Create(account.Id, account.OrgUnitId, account.Path, clock);
            db.TechnicianPosts.Add(post);
        }
        var before = new { 专职 = post.FullTime, 岗位 = post.Duty };
        var result = post.Update(caller, fullTime, duty, clock);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, AuditActions.SmartboardTechnicianPostUpdated, "TechnicianPost", account.Id, account.Path,
            $"{account.RealName}设为{(fullTime ? "专职" : "兼职")}技术人员", before, new { 专职 = post.FullTime, 岗位 = post.Duty });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}

/// <summary>专职技术人员缺编人数 (circulars 003, 004): full-time technicians missing against the staffing rule, summed over schools.</summary>
public sealed class SmartboardStaffingMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public MetricDefinition Definition { get; } =
        new("smartboards.staffing-shortfall", "专职电教技术人员缺编人数", "人", MetricDirection.LowerIsBetter, "Smartboards", "/smartboards/staffing");

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await SmartboardStaffingService.ReportAsync(db, scope, null, cancellationToken);
        static MetricValue Value(UnitStaffingRow row) => new(row.Id, row.Name, row.Schools == 0 ? null : row.Shortfall, row.Shortfall, row.Required);
        return new MetricReading(Definition, Value(report.Scope), report.Units.Select(Value).ToList());
    }
}
