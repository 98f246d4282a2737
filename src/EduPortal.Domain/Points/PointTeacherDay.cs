namespace EduPortal.Domain.Points;

/// <summary>
/// A teacher's points of one day that earned any, total and per category: derived with the awards, so a date-range
/// ranking sums a few rows a teacher instead of every award (see <see cref="PointTeacherMonth"/>).
/// </summary>
public sealed class PointTeacherDay
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public DateOnly Day { get; set; }
    public int Points { get; set; }
    public int SpaceBuilding { get; set; }
    public int TeachingApplication { get; set; }
    public int Interaction { get; set; }
    public int TeacherTraining { get; set; }
    public int CampusManagement { get; set; }

    public static PointTeacherDay For(string teacherId, int year, DateOnly day, IEnumerable<PointAwardResult> awards)
    {
        var (total, byCategory) = PointEngine.Summarize(awards);
        return new PointTeacherDay
        {
            TeacherId = teacherId,
            Year = year,
            Day = day,
            Points = total,
            SpaceBuilding = byCategory[(int)PointCategory.SpaceBuilding],
            TeachingApplication = byCategory[(int)PointCategory.TeachingApplication],
            Interaction = byCategory[(int)PointCategory.Interaction],
            TeacherTraining = byCategory[(int)PointCategory.TeacherTraining],
            CampusManagement = byCategory[(int)PointCategory.CampusManagement],
        };
    }
}

/// <summary>
/// A teacher's points of one calendar month of a points year (only the month's days inside that year), total and per
/// category: a whole month of a date range is one row a teacher; its cut edges come from <see cref="PointTeacherDay"/>.
/// </summary>
public sealed class PointTeacherMonth
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    /// <summary>The month's first calendar day.</summary>
    public DateOnly Month { get; set; }
    public int Points { get; set; }
    public int SpaceBuilding { get; set; }
    public int TeachingApplication { get; set; }
    public int Interaction { get; set; }
    public int TeacherTraining { get; set; }
    public int CampusManagement { get; set; }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static PointTeacherMonth For(string teacherId, int year, DateOnly month, IEnumerable<PointAwardResult> awards)
    {
        var (total, byCategory) = PointEngine.Summarize(awards);
        return new PointTeacherMonth
        {
            TeacherId = teacherId,
            Year = year,
            Month = month,
            Points = total,
            SpaceBuilding = byCategory[(int)PointCategory.SpaceBuilding],
            TeachingApplication = byCategory[(int)PointCategory.TeachingApplication],
            Interaction = byCategory[(int)PointCategory.Interaction],
            TeacherTraining = byCategory[(int)PointCategory.TeacherTraining],
            CampusManagement = byCategory[(int)PointCategory.CampusManagement],
        };
    }
}
