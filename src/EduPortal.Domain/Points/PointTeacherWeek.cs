namespace EduPortal.Domain.Points;

/// <summary>A teacher's points of one Monday–Sunday week: derived with the awards, what the weekly trend reads.</summary>
public sealed class PointTeacherWeek
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public DateOnly WeekStart { get; set; }
    public int Points { get; set; }
}
