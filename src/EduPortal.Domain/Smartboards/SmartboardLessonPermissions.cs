namespace EduPortal.Domain.Smartboards;

/// <summary>What a caller may do with a recorded lesson.</summary>
public sealed record SmartboardLessonPermissions(bool CanView, bool CanDelete)
{
    public static SmartboardLessonPermissions None { get; } = new(false, false);
}
