using EduPortal.Data;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>An org unit as the module's reports need it.</summary>
public sealed record ReportUnit(int Id, string Name, string Path, OrgUnitKind Kind, int? ParentId, SchoolStage Stage, int Classes);

/// <summary>A per-school row of one of the module's reports: where the school is.</summary>
public interface IReportSchoolRow
{
    string Name { get; }
    string? TownshipName { get; }
    string CountyName { get; }
}

/// <summary>The columns every per-school workbook of the module starts with.</summary>
public static class ReportSchoolColumns
{
    /// <summary>县区, 乡镇 and 学校.</summary>
    public static IEnumerable<ExcelColumn<T>> Place<T>(double schoolWidth = 22) where T : IReportSchoolRow =>
        [new("县区", r => r.CountyName, 12), new("乡镇", r => r.TownshipName, 12), new("学校", r => r.Name, schoolWidth)];
}

/// <summary>
/// The org units behind a report of the module (coverage, staffing, use, demo lessons): the schools under the scope with
/// their township and county, and the units directly under the scope that the report rolls up. One read of the units.
/// </summary>
public sealed class ReportUnits
{
    private readonly Dictionary<int, ReportUnit> _byId;
    private readonly List<ReportUnit> _counties;

    private ReportUnits(List<ReportUnit> units, OrgUnit scope)
    {
        _byId = units.ToDictionary(u => u.Id);
        _counties = units.Where(u => u.Kind == OrgUnitKind.County).ToList();
        Schools = units.Where(u => u.Kind == OrgUnitKind.School && u.Path.StartsWith(scope.Path, StringComparison.Ordinal)).ToList();
        Children = units.Where(u => u.ParentId == scope.Id && u.Path.StartsWith(scope.Path, StringComparison.Ordinal))
            .OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The schools under the scope (the scope itself when it is a school).</summary>
    public IReadOnlyList<ReportUnit> Schools { get; }

    /// <summary>The units directly under the scope, in path order.</summary>
    public IReadOnlyList<ReportUnit> Children { get; }

    /// <summary>A report of the caller's own unit and its subtree, for admins only (null for anyone else).</summary>
    public static async Task<T?> OfCallerAsync<T>(IDbContextFactory<EduPortalDbContext> dbFactory, Caller caller,
        Func<EduPortalDbContext, OrgUnit, Task<T>> report, CancellationToken cancellationToken) where T : class
    {
        if (!caller.IsAdmin)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == caller.OrgUnitId, cancellationToken);
        return await report(db, scope);
    }

    /// <summary>The units under <paramref name="scope"/> and every county; <paramref name="classes"/>: count each unit's classes too.</summary>
    public static async Task<ReportUnits> LoadAsync(EduPortalDbContext db, OrgUnit scope, bool classes, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(path) || o.Kind == OrgUnitKind.County)
            .Select(o => new ReportUnit(o.Id, o.Name, o.Path, o.Kind, o.ParentId, o.Stage, classes ? o.Classes.Count : 0)).ToListAsync(cancellationToken);
        return new ReportUnits(units, scope);
    }

    public ReportUnit? Parent(ReportUnit school) => school.ParentId is { } parentId ? _byId.GetValueOrDefault(parentId) : null;

    public ReportUnit? County(ReportUnit school) => _counties.FirstOrDefault(c => school.Path.StartsWith(c.Path, StringComparison.Ordinal));
}
