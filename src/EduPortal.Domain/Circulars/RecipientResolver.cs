using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Circulars;

/// <summary>
/// Turns a <see cref="RecipientSelection"/> into the units a circular goes to. Pure: the candidates are the issuer's subtree
/// (without the issuer), so a unit id from elsewhere is simply not found and never becomes a recipient.
/// </summary>
public static class RecipientResolver
{
    public static IReadOnlyList<RecipientCandidate> Resolve(RecipientSelection selection, IEnumerable<RecipientCandidate> subtree)
    {
        var chosen = selection.UnitIds.ToHashSet();
        return subtree.Where(u => chosen.Contains(u.Id) || MatchesKind(u, selection.Kinds))
            .DistinctBy(u => u.Id)
            .OrderBy(u => u.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The unit ids of a selection that are not in the issuer's subtree (refused by the editor).</summary>
    public static IReadOnlyList<int> Outside(RecipientSelection selection, IEnumerable<RecipientCandidate> subtree)
    {
        var ids = subtree.Select(u => u.Id).ToHashSet();
        return selection.UnitIds.Where(id => !ids.Contains(id)).ToList();
    }

    public static bool MatchesKind(RecipientCandidate unit, RecipientKinds kinds)
    {
        if (kinds == RecipientKinds.None)
        {
            return false;
        }
        return unit.Kind switch
        {
            OrgUnitKind.County => kinds.HasFlag(RecipientKinds.Counties),
            OrgUnitKind.Township => kinds.HasFlag(RecipientKinds.Townships),
            OrgUnitKind.School =>
                kinds.HasFlag(RecipientKinds.AllSchools)
                || (kinds.HasFlag(RecipientKinds.PrimarySchools) && unit.Stage.HasFlag(SchoolStage.Primary))
                || (kinds.HasFlag(RecipientKinds.JuniorSchools) && unit.Stage.HasFlag(SchoolStage.Junior))
                || (kinds.HasFlag(RecipientKinds.SeniorSchools) && unit.Stage.HasFlag(SchoolStage.Senior))
                // 区直学校 (circular 000 salutation): a school whose parent is the county bureau itself.
                || (kinds.HasFlag(RecipientKinds.CountyDirectSchools) && unit.ParentKind == OrgUnitKind.County),
            OrgUnitKind.City => false,
            _ => false,
        };
    }
}
