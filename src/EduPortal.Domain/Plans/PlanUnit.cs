using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Plans;

/// <summary>An org unit as a plan sees it: enough to place a plan, a task or a target in the tree without a join.</summary>
public sealed record PlanUnit(int Id, string Name, string Path, OrgUnitKind Kind)
{
    public static PlanUnit Of(OrgUnit unit) => new(unit.Id, unit.Name, unit.Path, unit.Kind);
}
