using EduPortal.Domain.Accounts;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for bulletins, next to the others; the same rule as <see cref="BulletinPermissions.For"/>.</summary>
public static class BulletinJurisdiction
{
    /// <summary>
    /// Bulletins the caller may open: any of a unit it administers or lies under (drafts only for admins over the unit),
    /// and the published ones of the units above it (a published bulletin is a circular to the issuing unit's subtree).
    /// </summary>
    public static IQueryable<Bulletin> VisibleTo(this IQueryable<Bulletin> bulletins, Caller caller)
    {
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath).ToList();
        var editorUnit = caller.Has(Capability.BureauEditor) ? caller.OrgUnitId : -1;
        return caller.IsAdmin
            ? bulletins.Where(b => b.UnitPath.StartsWith(caller.OrgPath) || b.UnitId == editorUnit
                || (b.Status == BulletinStatus.Published && ancestors.Contains(b.UnitPath)))
            : bulletins.Where(b => b.Status == BulletinStatus.Published && ancestors.Contains(b.UnitPath));
    }
}
