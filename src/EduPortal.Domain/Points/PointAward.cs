namespace EduPortal.Domain.Points;

/// <summary>What one raw event earned in its points year: derived, rebuilt whenever the teacher's year is recomputed.</summary>
public sealed class PointAward
{
    public long EventId { get; set; }
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public DateOnly Day { get; set; }
    public int Points { get; set; }
    public string? Reason { get; set; }
}
