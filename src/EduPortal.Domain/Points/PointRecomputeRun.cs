namespace EduPortal.Domain.Points;

/// <summary>A run of "recompute the year" (重新计算), with the progress the rule editor shows.</summary>
public sealed class PointRecomputeRun
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int TeachersDone { get; set; }
    public int TeachersTotal { get; set; }
    public long EventsDone { get; set; }
    public string? Failure { get; set; }

    public int Percent => TeachersTotal == 0 ? (FinishedAt is null ? 0 : 100) : (int)(100L * TeachersDone / TeachersTotal);
}
