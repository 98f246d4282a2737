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
}
