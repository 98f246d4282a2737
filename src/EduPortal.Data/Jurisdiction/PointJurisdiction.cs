using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;

namespace EduPortal.Data.Jurisdiction;

/// <summary>
/// Jurisdiction for the points index: the teachers and awards a caller may see, and the ranking scope. Every
/// points query starts from one of these.
/// </summary>
public static class PointJurisdiction
{
    /// <summary>
    /// Accounts that earn points: active accounts at a school (teachers and the school's own admins), within
    /// the caller's subtree. Retired and departed teachers are included; the index leaves them out itself.
    /// </summary>
    public static IQueryable<ApplicationUser> PointTeachersWithin(this IQueryable<ApplicationUser> users, Caller caller) =>
        users.WithinJurisdiction(caller).PointEarners();

    /// <summary>
    /// The city a caller's ranks and rankings compare across: the portal shows every school's and district's index
    /// to every signed-in user (circular 001 附件2 §一(二)), so ranking scopes reach beyond the caller's own subtree;
    /// named teachers are still listed only within it (<see cref="PointTeachersWithin"/>).
    /// </summary>
    public static string RankingCityPath(this Caller caller) => OrgUnit.AncestorPaths(caller.OrgPath)[0];

    /// <summary>Accounts that earn points at the schools under a ranking scope (<paramref name="scopePath"/>: the city, a county or a school).</summary>
    public static IQueryable<ApplicationUser> PointEarnersUnder(this IQueryable<ApplicationUser> users, string scopePath) =>
        users.PointEarners().Where(u => u.OrgUnit!.Path.StartsWith(scopePath));

    /// <summary>The units (the scope itself, its counties and schools) under a ranking scope.</summary>
    public static IQueryable<OrgUnit> UnderRankingScope(this IQueryable<OrgUnit> units, string scopePath) =>
        units.Where(o => o.Path.StartsWith(scopePath));

    /// <summary>Awards of the caller's own points only (a teacher's 积分明细).</summary>
    public static IQueryable<PointAward> OwnedBy(this IQueryable<PointAward> awards, Caller caller) =>
        awards.Where(a => a.TeacherId == caller.UserId);

    /// <summary>The caller's own yearly totals only (我的积分).</summary>
    public static IQueryable<PointTeacherTotal> OwnedBy(this IQueryable<PointTeacherTotal> totals, Caller caller) =>
        totals.Where(t => t.TeacherId == caller.UserId);
}
