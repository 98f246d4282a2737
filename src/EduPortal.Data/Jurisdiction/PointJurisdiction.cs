using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for the points index: the teachers and awards a caller may see.</summary>
public static class PointJurisdiction
{
    /// <summary>
    /// Accounts that earn points: active accounts at a school (teachers and the school's own admins), within
    /// the caller's subtree. Retired and departed teachers are included; the index leaves them out itself.
    /// </summary>
    public static IQueryable<ApplicationUser> PointTeachersWithin(this IQueryable<ApplicationUser> users, Caller caller) =>
        users.WithinJurisdiction(caller).PointTeachers();

    public static IQueryable<ApplicationUser> PointTeachers(this IQueryable<ApplicationUser> users) =>
        users.Where(u => u.Level <= AdminLevel.School && u.OrgUnit!.Kind == OrgUnitKind.School && u.Status == AccountStatus.Active);

    /// <summary>Teachers that count in an index: serving (not retired, not departed), circular 001 附件2 §二(2).</summary>
    public static IQueryable<ApplicationUser> Serving(this IQueryable<ApplicationUser> users) =>
        users.Where(u => u.Employment == EmploymentStatus.Serving);

    /// <summary>Awards of the caller's own points only (a teacher's 积分明细).</summary>
    public static IQueryable<PointAward> OwnedBy(this IQueryable<PointAward> awards, Caller caller) =>
        awards.Where(a => a.TeacherId == caller.UserId);
}
