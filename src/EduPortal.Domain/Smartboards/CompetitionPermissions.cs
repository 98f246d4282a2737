namespace EduPortal.Domain.Smartboards;

/// <summary>What one caller may do with one county competition now; pages show exactly these actions.</summary>
public sealed record CompetitionPermissions(bool CanView, bool CanEnter, bool CanRecordResults)
{
    public static CompetitionPermissions None { get; } = new(false, false, false);
}
