namespace EduPortal.Domain.Plans;

/// <summary>What a caller may do with a county's feedback; built by <see cref="CountyFeedback.PermissionsFor"/> from the checks its transitions use.</summary>
public sealed record CountyFeedbackPermissions(bool CanView, bool CanEdit, bool CanReply, bool CanMarkHandled);
