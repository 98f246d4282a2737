namespace EduPortal.Domain.Smartboards;

/// <summary>
/// One account's attendance of a <see cref="TrainingRecord"/>. It keeps the attendee's school so a school sees its own
/// teachers' hours of county-run training, and the hours so the per-teacher year total is a sum over one table.
/// </summary>
public sealed class TrainingAttendance
{
    private TrainingAttendance()
    {
    }

    internal TrainingAttendance(TrainingAttendee attendee, DateOnly heldOn, decimal hours)
    {
        UserId = attendee.UserId;
        UserName = attendee.Name;
        SchoolId = attendee.SchoolId;
        SchoolName = attendee.SchoolName;
        SchoolPath = attendee.SchoolPath;
        HeldOn = heldOn;
        Hours = hours;
    }

    public long Id { get; private set; }
    public int TrainingId { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public int SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public string SchoolPath { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public decimal Hours { get; private set; }
}
