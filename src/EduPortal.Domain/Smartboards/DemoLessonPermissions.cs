namespace EduPortal.Domain.Smartboards;

/// <summary>What one caller may do with one demo lesson now; pages show exactly these actions.</summary>
public sealed record DemoLessonPermissions(bool CanView, bool CanDelete)
{
    public static DemoLessonPermissions None { get; } = new(false, false);
}
