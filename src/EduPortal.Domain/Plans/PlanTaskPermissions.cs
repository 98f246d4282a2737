namespace EduPortal.Domain.Plans;

/// <summary>What a caller may do with a task; built by <see cref="PlanTask.PermissionsFor"/> from the checks its transitions use.</summary>
public sealed record PlanTaskPermissions(bool CanView, bool CanReport, bool CanBreakDown);
