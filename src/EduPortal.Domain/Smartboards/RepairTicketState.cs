namespace EduPortal.Domain.Smartboards;

public enum RepairTicketState
{
    /// <summary>At a tier, nobody has taken it yet (待受理).</summary>
    Waiting = 1,
    /// <summary>A technician of the tier has taken it (维修中).</summary>
    InProgress = 2,
    /// <summary>The technician reports it repaired; the reporter or head teacher checks (待验收).</summary>
    Resolved = 3,
    /// <summary>Accepted as repaired (已修好).</summary>
    Closed = 4,
    /// <summary>Accepted as beyond repair; the device is scrapped (已报废).</summary>
    Scrapped = 5,
}

public static class RepairTicketStates
{
    public static bool IsOpen(this RepairTicketState state) => state is RepairTicketState.Waiting or RepairTicketState.InProgress or RepairTicketState.Resolved;

    /// <summary>States in which the tier's deadline runs (a resolved ticket waits for the reporter, not the technician).</summary>
    public static bool IsWithTier(this RepairTicketState state) => state is RepairTicketState.Waiting or RepairTicketState.InProgress;

    public static string DisplayName(this RepairTicketState state) => state switch
    {
        RepairTicketState.Waiting => "待受理",
        RepairTicketState.InProgress => "维修中",
        RepairTicketState.Resolved => "待验收",
        RepairTicketState.Closed => "已修好",
        RepairTicketState.Scrapped => "已报废",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
