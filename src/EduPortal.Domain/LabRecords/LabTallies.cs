namespace EduPortal.Domain.LabRecords;

/// <summary>
/// Shown lab records of one county on one lesson day, per subject (<see cref="NoSubject"/> for records without one):
/// a daily roll-up kept current by every save of a lab record, so the statistics' weeks and subjects over any range
/// read a few hundred rows instead of scanning the records (see benchmarks/README.md).
/// </summary>
public sealed class LabDayTally(int countyId, DateOnly day, int subject)
{
    public const int NoSubject = 0;

    public int CountyId { get; private set; } = countyId;
    public DateOnly Day { get; private set; } = day;
    public int Subject { get; private set; } = subject;
    public int Records { get; set; }
}

/// <summary>
/// Shown lab records of one teacher at one school in one school term, with the last lesson date: the term's
/// per-school teacher counts and the per-teacher tab read these rows instead of grouping the term's records.
/// </summary>
public sealed class LabTeacherTermTally(DateOnly termStart, int schoolId, string teacherId, int countyId)
{
    public DateOnly TermStart { get; private set; } = termStart;
    public int SchoolId { get; private set; } = schoolId;
    public string TeacherId { get; private set; } = teacherId;
    public int CountyId { get; private set; } = countyId;
    public int Records { get; set; }
    public DateOnly LastLessonDate { get; set; }
}

/// <summary>One catalogue experiment recorded (shown) by one school in one term: the coverage tab (开出率) reads these.</summary>
public sealed class LabExperimentTermTally(DateOnly termStart, int schoolId, int experimentId, int countyId)
{
    public DateOnly TermStart { get; private set; } = termStart;
    public int SchoolId { get; private set; } = schoolId;
    public int ExperimentId { get; private set; } = experimentId;
    public int CountyId { get; private set; } = countyId;
    public int Records { get; set; }
}
