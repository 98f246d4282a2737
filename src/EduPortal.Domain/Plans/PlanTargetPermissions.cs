namespace EduPortal.Domain.Plans;

/// <summary>What a caller may do with a target; built by <see cref="PlanTarget.PermissionsFor"/> from the checks its transitions use.</summary>
public sealed record PlanTargetPermissions(bool CanView, bool CanEnter);
