using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
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
        users.WithinJurisdiction(caller).PointEarners();

    /// <summary>Awards of the caller's own points only (a teacher's 积分明细).</summary>
    public static IQueryable<PointAward> OwnedBy(this IQueryable<PointAward> awards, Caller caller) =>
        awards.Where(a => a.TeacherId == caller.UserId);
}
