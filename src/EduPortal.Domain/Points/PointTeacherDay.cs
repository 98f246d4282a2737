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

/// <summary>
/// A teacher's points of one day that earned any (or had a sign-in), and the year to date through that day
/// (<c>Cum…</c>: the points year's running sums of the day's columns). A range of days of one points year is the
/// running sums of the teacher's last row on or before its last day less those of the last row before its first day:
/// two lookups a teacher, whatever the range (issue 16).
/// </summary>
public sealed class PointTeacherDay : PointTeacherPeriod
{
    public DateOnly Day { get; set; }

    /// <summary>The points year's <see cref="PointTeacherPeriod.Points"/> from its first day through <see cref="Day"/>.</summary>
    public int CumPoints { get; set; }
    public int CumSpaceBuilding { get; set; }
    public int CumTeachingApplication { get; set; }
    public int CumInteraction { get; set; }
    public int CumTeacherTraining { get; set; }
    public int CumCampusManagement { get; set; }

    /// <summary>The points year's sign-in days through <see cref="Day"/> (compliance ⑦, circular 001).</summary>
    public int CumSignInDays { get; set; }

    public override DateOnly Start => Day;

    public static PointTeacherDay For(string teacherId, int year, DateOnly day, IEnumerable<PointAwardResult> awards) =>
        For<PointTeacherDay>(teacherId, year, day, awards);

    /// <summary>
    /// One teacher's day rows of one points year from the awards the roll-ups keep: a row a day with any, in day order,
    /// with the year-to-date sums filled in (<see cref="Accumulate"/>).
    /// </summary>
    public static List<PointTeacherDay> ForYear(string teacherId, int year, IEnumerable<PointAwardResult> awards)
    {
        var rows = awards.GroupBy(a => a.Day).OrderBy(g => g.Key).Select(g => For(teacherId, year, g.Key, g)).ToList();
        Accumulate(rows);
        return rows;
    }

    /// <summary>
    /// Fills the year-to-date sums of one teacher's rows of one points year, given every row of that teacher-year in day
    /// order: each row's <c>Cum…</c> is its own figures plus the row before it's <c>Cum…</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The rows are not one teacher-year's, or not in strictly increasing day order.</exception>
    public static void Accumulate(IReadOnlyList<PointTeacherDay> rows)
    {
        PointTeacherDay? previous = null;
        foreach (var row in rows)
        {
            if (previous is not null && (row.TeacherId != previous.TeacherId || row.Year != previous.Year || row.Day <= previous.Day))
            {
                throw new ArgumentException("The rows must be one teacher-year's, in increasing day order.", nameof(rows));
            }
            row.CumPoints = (previous?.CumPoints ?? 0) + row.Points;
            row.CumSpaceBuilding = (previous?.CumSpaceBuilding ?? 0) + row.SpaceBuilding;
            row.CumTeachingApplication = (previous?.CumTeachingApplication ?? 0) + row.TeachingApplication;
            row.CumInteraction = (previous?.CumInteraction ?? 0) + row.Interaction;
            row.CumTeacherTraining = (previous?.CumTeacherTraining ?? 0) + row.TeacherTraining;
            row.CumCampusManagement = (previous?.CumCampusManagement ?? 0) + row.CampusManagement;
            row.CumSignInDays = (previous?.CumSignInDays ?? 0) + row.SignInDays;
            previous = row;
        }
    }

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

    /// <summary>
    /// The calendar month whose rows of the points year <paramref name="rules"/> hold exactly the days
    /// <paramref name="first"/>–<paramref name="last"/> of that year, else null. A month row holds only the month's days
    /// inside its points year, so a year that starts or ends inside a calendar month holds that month from or through
    /// then; the span is clipped to the year's days first.
    /// </summary>
    public static DateOnly? WholeMonthOf(PointRuleSet rules, DateOnly first, DateOnly last)
    {
        var (yearFirst, yearLast) = (rules.StartDate, rules.EndDateExclusive.AddDays(-1));
        first = first < yearFirst ? yearFirst : first;
        last = last > yearLast ? yearLast : last;
        var month = MonthOf(first);
        var monthFirst = month < yearFirst ? yearFirst : month;
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var monthLast = monthEnd > yearLast ? yearLast : monthEnd;
        return first <= last && first == monthFirst && last == monthLast ? month : null;
    }

    public static PointTeacherMonth For(string teacherId, int year, DateOnly month, IEnumerable<PointAwardResult> awards) =>
        For<PointTeacherMonth>(teacherId, year, month, awards);

    protected override void SetStart(DateOnly start) => Month = start;
}
