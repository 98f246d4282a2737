using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Points;

/// <summary>Which rule table is in force: the year's latest saved version, or the circular's default.</summary>
public static class PointRuleSets
{
    public static async Task<PointRuleSet> LoadAsync(EduPortalDbContext db, int year, CancellationToken cancellationToken = default)
    {
        var latest = await db.PointRuleSetVersions.AsNoTracking().Where(v => v.Year == year).OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return latest?.ToRuleSet() ?? DefaultPointRules.For(year);
    }

    /// <summary>The points year a China day falls in: a year runs 12 months from its start date.</summary>
    public static async Task<PointRuleSet> ForDayAsync(EduPortalDbContext db, DateOnly day, CancellationToken cancellationToken = default)
    {
        var same = await LoadAsync(db, day.Year, cancellationToken);
        return same.Contains(day) ? same : await LoadAsync(db, day.Year - 1, cancellationToken);
    }

    /// <summary>
    /// The rule tables in force on each of <paramref name="days"/>, loaded at once (each year and the one before it),
    /// as the lookup <see cref="PointEventRow.Validate"/> takes: the same answer as <see cref="ForDayAsync"/> per day.
    /// </summary>
    public static async Task<Func<DateOnly, PointRuleSet>> ForDaysAsync(EduPortalDbContext db, IEnumerable<DateOnly> days, CancellationToken cancellationToken = default)
    {
        var byYear = new Dictionary<int, PointRuleSet>();
        foreach (var year in days.SelectMany(d => new[] { d.Year, d.Year - 1 }).Distinct().Order())
        {
            byYear[year] = await LoadAsync(db, year, cancellationToken);
        }
        return day => byYear[day.Year].Contains(day) ? byYear[day.Year] : byYear[day.Year - 1];
    }
}
