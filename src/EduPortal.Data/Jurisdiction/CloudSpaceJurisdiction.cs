using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>
/// Jurisdiction for the cloud-space term assessments, next to <see cref="JurisdictionQueries"/>: a school sees its own
/// terms, a township, county or city its subtree's; a teacher reads only their own row (<see cref="OwnedBy"/>).
/// </summary>
public static class CloudSpaceJurisdiction
{
    public static IQueryable<CloudSpaceTerm> WithinJurisdiction(this IQueryable<CloudSpaceTerm> terms, Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.School => terms.Where(t => t.SchoolId == caller.OrgUnitId),
        // A deployment serves one city, the root of the tree.
        OrgUnitKind.City => terms,
        _ => terms.Where(t => t.SchoolPath.StartsWith(caller.OrgPath)),
    };

    /// <summary>Terms a school admin may change: their own school's only (a county reads, it does not assess).</summary>
    public static IQueryable<CloudSpaceTerm> ManagedBy(this IQueryable<CloudSpaceTerm> terms, Caller caller) =>
        caller.Level == AdminLevel.School && caller.OrgKind == OrgUnitKind.School ? terms.Where(t => t.SchoolId == caller.OrgUnitId) : terms.Where(t => false);

    public static IQueryable<CloudSpaceStatistic> OwnedBy(this IQueryable<CloudSpaceStatistic> statistics, Caller caller) =>
        statistics.Where(s => s.TeacherId == caller.UserId);
}
