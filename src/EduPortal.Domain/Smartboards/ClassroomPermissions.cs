namespace EduPortal.Domain.Smartboards;

/// <summary>What a caller may do with a classroom.</summary>
public sealed record ClassroomPermissions(bool CanView, bool CanEdit, bool CanDelete, bool IsResponsible)
{
    public static ClassroomPermissions None { get; } = new(false, false, false, false);
}
