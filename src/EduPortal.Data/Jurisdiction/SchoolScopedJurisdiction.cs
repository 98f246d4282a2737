using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>
/// The one filter shape of rows that keep their school's id, path and county id (and perhaps the township's): a school
/// caller sees its own rows, a township or county its subtree (on the indexed id where the row keeps one), the city every
/// row. A module's jurisdiction class calls these for each such entity instead of writing the switch again.
/// </summary>
public static class SchoolScopedJurisdiction
{
    public static IQueryable<T> WithinSchoolScope<T>(this IQueryable<T> rows, Caller caller) where T : class, ISchoolScoped => caller.OrgKind switch
    {
        OrgUnitKind.School => rows.Where(r => r.SchoolId == caller.OrgUnitId),
        OrgUnitKind.County => rows.Where(r => r.CountyId == caller.OrgUnitId),
        // A deployment serves one city, the root of the tree: its subtree is every row, and a path prefix would only cost a scan.
        OrgUnitKind.City => rows,
        _ => rows.Where(r => r.SchoolPath.StartsWith(caller.OrgPath)),
    };

    public static IQueryable<T> WithinTownshipScope<T>(this IQueryable<T> rows, Caller caller) where T : class, ITownshipScoped =>
        caller.OrgKind == OrgUnitKind.Township ? rows.Where(r => r.TownshipId == caller.OrgUnitId) : rows.WithinSchoolScope(caller);
}
