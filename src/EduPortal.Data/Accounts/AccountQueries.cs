using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Accounts;

/// <summary>
/// Named filters over accounts that recur across modules. Write these instead of the inline <c>Where</c>, so the
/// meaning of "active and serving" or "earns points" is stated once.
/// </summary>
public static class AccountQueries
{
    /// <summary>Accounts that may sign in and act: active, and serving (not retired, not departed). Mirrors <see cref="ApplicationUser.CanSignIn"/>.</summary>
    public static IQueryable<ApplicationUser> ActiveServing(this IQueryable<ApplicationUser> users) =>
        users.Where(u => u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving);

    /// <summary>
    /// Accounts that earn points (circular 001 附件2): active accounts at a school, teachers and the school's own
    /// admins. Retired and departed teachers keep earning history; the index leaves them out with <see cref="Serving"/>.
    /// </summary>
    public static IQueryable<ApplicationUser> PointEarners(this IQueryable<ApplicationUser> users) =>
        users.Where(u => u.Level <= AdminLevel.School && u.OrgUnit!.Kind == OrgUnitKind.School && u.Status == AccountStatus.Active);

    /// <summary>Teachers that count in an index: serving (not retired, not departed), circular 001 附件2 §二(2).</summary>
    public static IQueryable<ApplicationUser> Serving(this IQueryable<ApplicationUser> users) =>
        users.Where(u => u.Employment == EmploymentStatus.Serving);
}
