using EduPortal.Domain.Points;

namespace EduPortal.Domain.Tests.Points;

/// <summary>
/// When a date range of one points year is one month row a teacher (<see cref="PointTeacherMonth.WholeMonthOf"/>): the
/// span's days inside the year are exactly the days that year's row of one calendar month holds. Checked day by day
/// against points years that start on a month's first day, inside a month, and near a month's end.
/// </summary>
public sealed class PointWholeMonthTests
{
    public static TheoryData<string, string> Spans => new()
    {
        { "2026-09-01", "2027-02-14" }, // an autumn term: crosses the calendar (and points) year
        { "2026-03-10", "2026-04-20" }, // two cut months
        { "2026-03-02", "2026-03-30" }, // most of a month
        { "2026-05-01", "2026-05-31" }, // one whole month
        { "2026-09-15", "2026-09-30" }, // the part of September a year starting 15 September holds
        { "2026-09-01", "2026-09-14" }, // the part of September the year before it holds
        { "2026-02-20", "2026-02-28" }, // February from a year starting 20 February
        { "2026-06-07", "2026-06-07" }, // one day
        { "2025-12-20", "2027-01-10" }, // over two year boundaries
    };

    /// <summary>The month by definition: the year's days of the span all in one calendar month, and every day that year holds of it.</summary>
    private static DateOnly? Expected(PointRuleSet rules, DateOnly first, DateOnly last)
    {
        var yearLast = rules.EndDateExclusive.AddDays(-1);
        bool Held(DateOnly day) => day >= rules.StartDate && day <= yearLast;
        var inside = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (Held(day))
            {
                inside.Add(day);
            }
        }
        if (inside.Count == 0)
        {
            return null;
        }
        var month = PointTeacherMonth.MonthOf(inside[0]);
        var heldOfMonth = new List<DateOnly>();
        for (var day = month; day < month.AddMonths(1); day = day.AddDays(1))
        {
            if (Held(day))
            {
                heldOfMonth.Add(day);
            }
        }
        return inside.SequenceEqual(heldOfMonth) ? month : null;
    }

    [Theory]
    [MemberData(nameof(Spans))]
    public void A_span_is_one_month_row_exactly_when_the_year_holds_those_days_of_one_month_and_no_others(string from, string to)
    {
        var (first, last) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (month, day) in new[] { (1, 1), (9, 15), (2, 20) })
        {
            foreach (var year in new[] { 2025, 2026, 2027 })
            {
                var rules = DefaultPointRules.For(year) with { StartDate = new DateOnly(year, month, day) };
                Assert.Equal(Expected(rules, first, last), PointTeacherMonth.WholeMonthOf(rules, first, last));
            }
        }
    }

    [Fact]
    public void A_calendar_month_is_one_row_and_a_cut_month_or_two_months_are_not()
    {
        var rules = DefaultPointRules.For(2026);
        Assert.Equal(new DateOnly(2026, 5, 1), PointTeacherMonth.WholeMonthOf(rules, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)));
        Assert.Null(PointTeacherMonth.WholeMonthOf(rules, new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 31)));
        Assert.Null(PointTeacherMonth.WholeMonthOf(rules, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30)));
        // A span reaching past the year's end is clipped to it: December is whole.
        Assert.Equal(new DateOnly(2026, 12, 1), PointTeacherMonth.WholeMonthOf(rules, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 15)));
    }
}
