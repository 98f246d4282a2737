using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>
/// Jurisdiction over the shared entities (org units, classes, accounts, audit entries). Data/Jurisdiction is the one
/// place jurisdiction is written: this class and one <c>&lt;Module&gt;Jurisdiction</c> class per module, each with a
/// <c>WithinJurisdiction(this IQueryable&lt;T&gt;, Caller)</c> per entity. Every query a page runs starts from one of
/// these, so nothing outside the caller's org subtree can be read or changed by editing an id.
/// </summary>
public static class OrganizationJurisdiction
{
    public static IQueryable<OrgUnit> WithinJurisdiction(this IQueryable<OrgUnit> units, Caller caller) =>
        units.Where(o => o.Path.StartsWith(caller.OrgPath));

    public static IQueryable<SchoolClass> WithinJurisdiction(this IQueryable<SchoolClass> classes, Caller caller) =>
        classes.Where(c => c.School!.Path.StartsWith(caller.OrgPath));

    public static IQueryable<ApplicationUser> WithinJurisdiction(this IQueryable<ApplicationUser> users, Caller caller) =>
        users.Where(u => u.OrgUnit!.Path.StartsWith(caller.OrgPath));

    public static IQueryable<AuditEntry> WithinJurisdiction(this IQueryable<AuditEntry> entries, Caller caller) =>
        entries.Where(a => a.OrgPath.StartsWith(caller.OrgPath));
}
