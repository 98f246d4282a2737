using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Bulletins;

/// <summary>
/// What a caller may do with an issuing unit's bulletins. The unit's own bureau editors (公文编辑 at that city or county)
/// build, write the foreword, publish and set the schedule — the bulletin speaks in the unit's name, so the city does not
/// issue a county's. Admins over the unit (its own and the city's) read drafts; a published bulletin is a circular to the
/// unit's subtree, so everyone under the unit reads it.
/// </summary>
public sealed record BulletinPermissions(bool CanRead, bool CanManage)
{
    public static BulletinPermissions For(Caller caller, int unitId, string unitPath, bool published)
    {
        var manage = caller.Has(Capability.BureauEditor) && caller.OrgUnitId == unitId && BulletinScope.Issues(caller.OrgKind);
        var overUnit = caller.IsAdmin && caller.Covers(unitPath);
        var underUnit = published && OrgUnit.PathContains(unitPath, caller.OrgPath);
        return new BulletinPermissions(manage || overUnit || underUnit, manage);
    }

    /// <summary>The caller manages its own unit's bulletins (the settings page, the 生成本周通报 button).</summary>
    public static bool ManagesOwnUnit(Caller caller) =>
        caller.Has(Capability.BureauEditor) && BulletinScope.Issues(caller.OrgKind);
}
