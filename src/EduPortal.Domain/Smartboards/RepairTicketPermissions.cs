namespace EduPortal.Domain.Smartboards;

/// <summary>What one caller may do with one ticket now; pages show exactly these actions.</summary>
public sealed record RepairTicketPermissions(bool CanView, bool CanTake, bool CanWork, bool CanEscalate, bool CanResolve, bool CanAccept)
{
    public static RepairTicketPermissions None { get; } = new(false, false, false, false, false, false);
}
