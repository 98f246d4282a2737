namespace EduPortal.Domain.Plans;

/// <summary>What a caller may do with a plan; built by <see cref="Plan.PermissionsFor"/> from the same checks its transitions use.</summary>
public sealed record PlanPermissions(bool CanView, bool CanEdit, bool CanNameSchoolLead);
