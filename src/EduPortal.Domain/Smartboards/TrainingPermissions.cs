namespace EduPortal.Domain.Smartboards;

/// <summary>What one caller may do with one training record now; pages show exactly these actions.</summary>
public sealed record TrainingPermissions(bool CanView, bool CanDelete)
{
    public static TrainingPermissions None { get; } = new(false, false);
}
