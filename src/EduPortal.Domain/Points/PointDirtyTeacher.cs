namespace EduPortal.Domain.Points;

/// <summary>A teacher-year whose awards are stale because events arrived; drained by the recompute job.</summary>
public sealed class PointDirtyTeacher
{
    public long Id { get; set; }
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
}
