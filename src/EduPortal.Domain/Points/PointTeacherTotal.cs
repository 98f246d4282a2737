namespace EduPortal.Domain.Points;

/// <summary>A teacher's points of a year, total and per category: derived, what the rankings read.</summary>
public sealed class PointTeacherTotal
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public int Total { get; set; }
    public int SpaceBuilding { get; set; }
    public int TeachingApplication { get; set; }
    public int Interaction { get; set; }
    public int TeacherTraining { get; set; }
    public int CampusManagement { get; set; }
    public int EventCount { get; set; }

    /// <summary>
    /// Fingerprint of every derived row of this teacher-year (awards, this total, weeks, day and month roll-ups) as the
    /// recompute last wrote them; a recompute deriving the same fingerprint leaves the teacher-year as it is, unread.
    /// Null when unknown (rows written before it existed): the next recompute compares the stored rows.
    /// </summary>
    public string? Fingerprint { get; set; }

    public int[] ByCategory => [SpaceBuilding, TeachingApplication, Interaction, TeacherTraining, CampusManagement];

    public void Set(int total, int[] byCategory, int eventCount)
    {
        Total = total;
        SpaceBuilding = byCategory[(int)PointCategory.SpaceBuilding];
        TeachingApplication = byCategory[(int)PointCategory.TeachingApplication];
        Interaction = byCategory[(int)PointCategory.Interaction];
        TeacherTraining = byCategory[(int)PointCategory.TeacherTraining];
        CampusManagement = byCategory[(int)PointCategory.CampusManagement];
        EventCount = eventCount;
    }
}
