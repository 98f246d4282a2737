namespace EduPortal.Domain.Points;

/// <summary>
/// One lookup of the daily roll-up's year-to-date sums (<see cref="PointTeacherDay"/>): a teacher's last row of points
/// year <see cref="Year"/> on or before <see cref="Through"/>, its <c>Cum…</c> columns added (<see cref="Sign"/> +1) or
/// taken off (−1). No such row counts 0.
/// </summary>
public readonly record struct PointPrefixLookup(int Year, DateOnly Through, int Sign);

/// <summary>
/// How a span of days reads the daily roll-up's year-to-date sums: for each points year the span touches, the year to
/// date through the span's last day (or the year's last day), less the year to date before the span's first day when
/// the span starts after the year's first day. Two lookups a teacher inside one points year; a span crossing into the
/// next points year (an autumn term) adds that year's year-to-date through its last day.
/// </summary>
public static class PointPrefixPlan
{
    /// <param name="years">The rule tables of the points years that may hold the span's days (any others are skipped).</param>
    public static IReadOnlyList<PointPrefixLookup> For(IEnumerable<PointRuleSet> years, DateOnly first, DateOnly last)
    {
        var lookups = new List<PointPrefixLookup>();
        foreach (var rules in years.OrderBy(r => r.StartDate))
        {
            var yearLast = rules.EndDateExclusive.AddDays(-1);
            if (last < first || last < rules.StartDate || first > yearLast)
            {
                continue;
            }
            lookups.Add(new PointPrefixLookup(rules.Year, last < yearLast ? last : yearLast, 1));
            if (first > rules.StartDate)
            {
                lookups.Add(new PointPrefixLookup(rules.Year, first.AddDays(-1), -1));
            }
        }
        return lookups;
    }
}
