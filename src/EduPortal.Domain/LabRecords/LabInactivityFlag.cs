namespace EduPortal.Domain.LabRecords;

/// <summary>
/// A school the weekly job found without a shown lab record in the last N weeks. One row per school and week:
/// re-running the job for a week replaces that week's rows.
/// </summary>
public sealed class LabInactivityFlag
{
    private LabInactivityFlag()
    {
    }

    public LabInactivityFlag(DateOnly weekStart, int schoolId, string schoolPath, int weeks, DateOnly? lastLessonDate, DateTimeOffset flaggedAt)
    {
        WeekStart = weekStart;
        SchoolId = schoolId;
        SchoolPath = schoolPath;
        Weeks = weeks;
        LastLessonDate = lastLessonDate;
        FlaggedAt = flaggedAt;
    }

    public long Id { get; private set; }

    /// <summary>Monday of the week the job ran for.</summary>
    public DateOnly WeekStart { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public int Weeks { get; private set; }
    public DateOnly? LastLessonDate { get; private set; }
    public DateTimeOffset FlaggedAt { get; private set; }
}
