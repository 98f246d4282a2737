using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// One school's repair counts over the figures page's standard period (the twelve months ending on <see cref="Day"/>),
/// taken by the nightly job at the start of <see cref="Day"/> (China time) from the tickets that were already settled
/// then (closed or scrapped — those never change again). The page adds, live, the tickets still open, those settled
/// since and today's new repeat faults, so its figures are those of a direct count.
/// </summary>
public sealed class RepairFigureSnapshot : ITownshipScoped
{
    private RepairFigureSnapshot()
    {
    }

    public RepairFigureSnapshot(DateOnly day, int schoolId, string schoolPath, int? townshipId, int countyId, int tickets, int overdue, int repaired, long repairMinutes,
        int repeatDevices)
    {
        Day = day;
        SchoolId = schoolId;
        SchoolPath = schoolPath;
        TownshipId = townshipId;
        CountyId = countyId;
        Tickets = tickets;
        Overdue = overdue;
        Repaired = repaired;
        RepairMinutes = repairMinutes;
        RepeatDevices = repeatDevices;
    }

    public long Id { get; private set; }
    public DateOnly Day { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public int? TownshipId { get; private set; }
    public int CountyId { get; private set; }
    /// <summary>Settled tickets raised in the period before <see cref="Day"/>.</summary>
    public int Tickets { get; private set; }
    /// <summary>Of those, the ones that were ever overdue at a tier.</summary>
    public int Overdue { get; private set; }
    public int Repaired { get; private set; }
    public long RepairMinutes { get; private set; }
    /// <summary>Devices with two or more tickets (any state) raised in the period before <see cref="Day"/>.</summary>
    public int RepeatDevices { get; private set; }
}
