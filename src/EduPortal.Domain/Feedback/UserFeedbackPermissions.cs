namespace EduPortal.Domain.Feedback;

/// <summary>What a caller may do with a user's feedback; built by <see cref="UserFeedback.PermissionsFor"/>.</summary>
public sealed record UserFeedbackPermissions(bool CanView, bool CanReply, bool CanClose);
