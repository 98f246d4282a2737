namespace EduPortal.Domain.Points;

/// <summary>Days <see cref="From"/>–<see cref="To"/> of the daily roll-up, added (<see cref="Sign"/> +1) or taken off a month row (−1).</summary>
public readonly record struct PointDayRange(DateOnly From, DateOnly To, int Sign);

/// <summary>
/// How a span of days reads the date-range roll-ups (<see cref="PointTeacherMonth"/>, <see cref="PointTeacherDay"/>): the
/// calendar months it covers whole (one month row a teacher), and for a month it cuts either its days inside the span (+1)
/// or, when most of the month is inside, the month less the days outside (−1). The one plan of the date-range rankings,
/// the weekly trend's callers and cloud-space compliance's term (which may span two points years).
/// </summary>
/// <remarks>
/// The plan is in calendar months. A month row holds only the month's days inside its points year, so a points year that
/// starts inside a calendar month splits that month into two rows (one per year): summing the rows of every year read
/// gives each day once. A reader of one points year passes its first and last day as <c>heldFrom</c>/<c>heldTo</c>:
/// a month is then whole when the span covers every day the year holds of it.
/// </remarks>
public sealed record PointRollupPlan(IReadOnlyList<DateOnly> WholeMonths, IReadOnlyList<PointDayRange> DayRanges)
{
    /// <summary>
    /// The plan of the days <paramref name="first"/>–<paramref name="last"/>, for rows that hold the days
    /// <paramref name="heldFrom"/>–<paramref name="heldTo"/> (null: every day, the rows of every points year read).
    /// </summary>
    public static PointRollupPlan For(DateOnly first, DateOnly last, DateOnly? heldFrom = null, DateOnly? heldTo = null)
    {
        var lowest = heldFrom ?? DateOnly.MinValue;
        var highest = heldTo ?? DateOnly.MaxValue;
        first = first < lowest ? lowest : first;
        last = last > highest ? highest : last;
        var wholeMonths = new List<DateOnly>();
        var dayRanges = new List<PointDayRange>();
        for (var month = PointTeacherMonth.MonthOf(first); first <= last && month <= last; month = month.AddMonths(1))
        {
            // The month as the rows hold it (a points year may start or end inside a calendar month).
            var monthFirst = month < lowest ? lowest : month;
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var monthLast = monthEnd > highest ? highest : monthEnd;
            var inFirst = first > monthFirst ? first : monthFirst;
            var inLast = last < monthLast ? last : monthLast;
            var inside = inLast.DayNumber - inFirst.DayNumber + 1;
            var days = monthLast.DayNumber - monthFirst.DayNumber + 1;
            if (inside == days)
            {
                wholeMonths.Add(month);
            }
            else if (inside * 2 <= days)
            {
                dayRanges.Add(new PointDayRange(inFirst, inLast, 1));
            }
            else
            {
                wholeMonths.Add(month);
                if (inFirst > monthFirst)
                {
                    dayRanges.Add(new PointDayRange(monthFirst, inFirst.AddDays(-1), -1));
                }
                if (inLast < monthLast)
                {
                    dayRanges.Add(new PointDayRange(inLast.AddDays(1), monthLast, -1));
                }
            }
        }
        return new PointRollupPlan(wholeMonths, dayRanges);
    }

    /// <summary>The plan of one points year's rows: the span clipped to the year's days.</summary>
    public static PointRollupPlan ForYear(PointRuleSet rules, DateOnly first, DateOnly last) =>
        For(first, last, rules.StartDate, rules.EndDateExclusive.AddDays(-1));
}
