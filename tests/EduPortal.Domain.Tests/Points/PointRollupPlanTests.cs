using EduPortal.Domain.Points;

namespace EduPortal.Domain.Tests.Points;

/// <summary>
/// The one month/day plan of the date-range roll-ups (rankings and cloud-space terms): summing the rows it names, with its
/// signs, must count every day of the span once and no other day, whether it reads one points year or every year.
/// </summary>
public sealed class PointRollupPlanTests
{
    /// <summary>
    /// Roll-up rows of points years starting on <paramref name="yearStartMonth"/>/<paramref name="yearStartDay"/>: each day
    /// weighs its day number, a day row is the day's weight, a month row sums its days inside its year.
    /// </summary>
    private static (Dictionary<(int Year, DateOnly Month), long> Months, Dictionary<(int Year, DateOnly Day), long> Days) Rows(int yearStartMonth, int yearStartDay)
    {
        var months = new Dictionary<(int, DateOnly), long>();
        var days = new Dictionary<(int, DateOnly), long>();
        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2028, 12, 31); day = day.AddDays(1))
        {
            var start = new DateOnly(day.Year, yearStartMonth, yearStartDay);
            var year = day >= start ? day.Year : day.Year - 1;
            days[(year, day)] = day.DayNumber;
            var key = (year, PointTeacherMonth.MonthOf(day));
            months[key] = months.GetValueOrDefault(key) + day.DayNumber;
        }
        return (months, days);
    }

    private static long Sum(PointRollupPlan plan, Dictionary<(int Year, DateOnly Month), long> months, Dictionary<(int Year, DateOnly Day), long> days, int? year) =>
        months.Where(m => (year is null || m.Key.Year == year) && plan.WholeMonths.Contains(m.Key.Month)).Sum(m => m.Value)
        + plan.DayRanges.Sum(r => r.Sign * days.Where(d => (year is null || d.Key.Year == year) && d.Key.Day >= r.From && d.Key.Day <= r.To).Sum(d => d.Value));

    private static long Expected(DateOnly first, DateOnly last)
    {
        long sum = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            sum += day.DayNumber;
        }
        return sum;
    }

    public static TheoryData<string, string> Spans => new()
    {
        { "2026-09-01", "2027-02-14" }, // an autumn term: crosses the calendar (and points) year, cuts February
        { "2027-02-15", "2027-08-31" }, // a spring term: cuts February, whole months after
        { "2026-03-10", "2026-04-20" }, // two cut months
        { "2026-03-02", "2026-03-30" }, // most of a month: the month less its edges
        { "2026-05-01", "2026-05-31" }, // one whole month
        { "2026-06-07", "2026-06-07" }, // one day
        { "2025-12-20", "2027-01-10" }, // over two year boundaries
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void A_span_crossing_points_years_counts_each_of_its_days_once_from_the_rows_of_every_year(string from, string to)
    {
        var (first, last) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (month, day) in new[] { (1, 1), (9, 15), (2, 20) })
        {
            var (months, days) = Rows(month, day);
            Assert.Equal(Expected(first, last), Sum(PointRollupPlan.For(first, last), months, days, null));
        }
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public void One_points_years_plan_counts_the_days_of_the_span_inside_that_year(string from, string to)
    {
        var (first, last) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (month, day) in new[] { (1, 1), (9, 15) })
        {
            var (months, days) = Rows(month, day);
            foreach (var year in new[] { 2025, 2026, 2027 })
            {
                var rules = DefaultPointRules.For(year) with { StartDate = new DateOnly(year, month, day) };
                var yearFirst = rules.StartDate;
                var yearLast = rules.EndDateExclusive.AddDays(-1);
                var inFirst = first > yearFirst ? first : yearFirst;
                var inLast = last < yearLast ? last : yearLast;
                var expected = inFirst <= inLast ? Expected(inFirst, inLast) : 0;
                Assert.Equal(expected, Sum(PointRollupPlan.ForYear(rules, first, last), months, days, year));
            }
        }
    }

    [Fact]
    public void A_month_mostly_inside_the_span_is_its_month_row_less_the_days_outside_and_a_thin_edge_is_its_days()
    {
        var plan = PointRollupPlan.For(new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 5));
        Assert.Equal([new DateOnly(2026, 3, 1)], plan.WholeMonths);
        Assert.Equal(
            [new PointDayRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), -1), new PointDayRange(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 5), 1)],
            plan.DayRanges);
    }
}
