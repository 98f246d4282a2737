namespace EduPortal.Domain.Points;

/// <summary>
/// The one shape of the date-range roll-ups: a teacher's points of one period of a points year that earned any or had a
/// sign-in, total and per category, and the sign-in days, derived with the awards. <see cref="PointTeacherDay"/> and <see cref="PointTeacherMonth"/> differ
/// only in the period their <see cref="Start"/> names.
/// </summary>
public abstract class PointTeacherPeriod
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public int Points { get; set; }
    public int SpaceBuilding { get; set; }
    public int TeachingApplication { get; set; }
    public int Interaction { get; set; }
    public int TeacherTraining { get; set; }
    public int CampusManagement { get; set; }

    /// <summary>
    /// Days of the period with a 空间登录 (<see cref="PointTypes.Login"/>) event, whatever it earned: 0 or 1 a day row,
    /// up to the month's days a month row. Cloud-space compliance ⑦ (circular 001) counts sign-in days from it.
    /// </summary>
    public int SignInDays { get; set; }

    /// <summary>The period's first day (the day itself, or the month's first calendar day).</summary>
    public abstract DateOnly Start { get; }

    /// <summary>The category columns in <see cref="PointCategory"/> order.</summary>
    public int[] ByCategory => [SpaceBuilding, TeachingApplication, Interaction, TeacherTraining, CampusManagement];

    /// <summary>A roll-up row of <typeparamref name="TPeriod"/> for the awards of one teacher's period.</summary>
    public static TPeriod For<TPeriod>(string teacherId, int year, DateOnly start, IEnumerable<PointAwardResult> awards)
        where TPeriod : PointTeacherPeriod, new()
    {
        var (total, byCategory) = PointEngine.Summarize(awards);
        var row = new TPeriod
        {
            TeacherId = teacherId,
            Year = year,
            Points = total,
            SpaceBuilding = byCategory[(int)PointCategory.SpaceBuilding],
            TeachingApplication = byCategory[(int)PointCategory.TeachingApplication],
            Interaction = byCategory[(int)PointCategory.Interaction],
            TeacherTraining = byCategory[(int)PointCategory.TeacherTraining],
            CampusManagement = byCategory[(int)PointCategory.CampusManagement],
        };
        row.SignInDays = awards.Where(a => a.Type == PointTypes.Login).Select(a => a.Day).Distinct().Count();
        row.SetStart(start);
        return row;
    }

    protected abstract void SetStart(DateOnly start);
}

/// <summary>A teacher's points of one day that earned any: a date range's cut edges (see <see cref="PointTeacherMonth"/>).</summary>
public sealed class PointTeacherDay : PointTeacherPeriod
{
    public DateOnly Day { get; set; }

    public override DateOnly Start => Day;

    public static PointTeacherDay For(string teacherId, int year, DateOnly day, IEnumerable<PointAwardResult> awards) =>
        For<PointTeacherDay>(teacherId, year, day, awards);

    protected override void SetStart(DateOnly start) => Day = start;
}

/// <summary>
/// A teacher's points of one calendar month of a points year (only the month's days inside that year): a whole month
/// of a date range is one row a teacher; its cut edges come from <see cref="PointTeacherDay"/>.
/// </summary>
public sealed class PointTeacherMonth : PointTeacherPeriod
{
    /// <summary>The month's first calendar day.</summary>
    public DateOnly Month { get; set; }

    public override DateOnly Start => Month;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static PointTeacherMonth For(string teacherId, int year, DateOnly month, IEnumerable<PointAwardResult> awards) =>
        For<PointTeacherMonth>(teacherId, year, month, awards);

    protected override void SetStart(DateOnly start) => Month = start;
}
