using EduPortal.Domain.Smartboards;

namespace EduPortal.Web.Features.Smartboards.Repairs;

public sealed record RepairTicketRow(long Id, long DeviceId, string AssetTag, string DeviceName, string? ClassroomName, string SchoolName, string Fault,
    RepairTicketState State, RepairTier Tier, DateTimeOffset RaisedAt, DateTimeOffset TierDeadline, string? AssigneeName, string ReporterName,
    bool Overdue);

public sealed record RepairStepView(RepairStepKind Kind, RepairTier Tier, string ActorName, DateTimeOffset At, string? Note, string? Parts, decimal? Cost);

public sealed record RepairTicketView(RepairTicketRow Ticket, bool HasPhoto, bool HasTownship, decimal TotalCost, int Version,
    IReadOnlyList<RepairStepView> Steps, RepairTicketPermissions Permissions);

/// <summary>What the report page shows about the device (and whether it already has an open ticket).</summary>
public sealed record RepairDeviceView(long DeviceId, string AssetTag, string DeviceName, string? ClassroomName, string SchoolName, bool IsScrapped,
    long? OpenTicketId);

public enum RepairQueue
{
    /// <summary>Tickets waiting at the caller's own tier (school technician, township group, county bureau).</summary>
    MyTier,
    /// <summary>Resolved tickets waiting for the reporter's or head teacher's acceptance.</summary>
    AwaitingAcceptance,
    /// <summary>Every open ticket in the caller's jurisdiction, at any tier.</summary>
    AllOpen,
    /// <summary>Closed and scrapped tickets, newest first.</summary>
    Closed,
}

/// <summary>The counts on the home card.</summary>
public sealed record RepairHomeSummary(RepairTier? ServedTier, int AtMyTier, int OverdueAtMyTier, int AwaitingMyAcceptance, int MyOpen,
    int OpenInJurisdiction, int OverdueInJurisdiction);

/// <summary>One row of the figures page: a school (or, for the city, a county) over the chosen period.</summary>
public sealed record RepairFigureRow(int UnitId, string UnitName, int Tickets, int OpenNow, int OverdueNow, decimal? MeanHoursToRepair,
    decimal? OverdueShare, int RepeatFaultDevices, int Overdue, int Repaired);

public sealed record RepairFigures(DateOnly From, DateOnly To, string ScopeName, RepairFigureRow Total, IReadOnlyList<RepairFigureRow> Units);
