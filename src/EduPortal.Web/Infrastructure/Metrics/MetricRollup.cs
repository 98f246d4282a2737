using EduPortal.Data;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Infrastructure.Metrics;

/// <summary>A school under a metric's scope, as the sources need it.</summary>
public sealed record MetricSchool(int Id, string Name, string Path, SchoolStage Stage);

/// <summary>
/// Shared arithmetic of the metric sources: each source counts a numerator and a denominator per school; the scope's
/// value and each direct child's value are the sums' ratio (so a county's registration rate is its teachers registered
/// over its teachers surveyed, not an average of school rates).
/// </summary>
public static class MetricRollup
{
    /// <summary>The schools under <paramref name="scope"/> (the scope itself when it is a school).</summary>
    public static Task<List<MetricSchool>> SchoolsAsync(EduPortalDbContext db, OrgUnit scope, CancellationToken cancellationToken) =>
        db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(scope.Path))
            .Select(o => new MetricSchool(o.Id, o.Name, o.Path, o.Stage)).ToListAsync(cancellationToken);

    /// <summary>
    /// The reading: <paramref name="perSchool"/> holds (numerator, denominator) per school id; <paramref name="ratio"/>
    /// turns sums into the value (null when the denominator is zero: 无数据).
    /// </summary>
    public static async Task<MetricReading> ReadAsync(EduPortalDbContext db, MetricDefinition definition, OrgUnit scope,
        IReadOnlyList<MetricSchool> schools, IReadOnlyDictionary<int, (decimal Numerator, decimal Denominator)> perSchool,
        Func<decimal, decimal, decimal?> ratio, CancellationToken cancellationToken)
    {
        var children = scope.Kind == OrgUnitKind.School ? []
            : await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.Id).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(cancellationToken);
        MetricValue Sum(int id, string name, IEnumerable<MetricSchool> group)
        {
            decimal numerator = 0, denominator = 0;
            foreach (var school in group)
            {
                if (perSchool.TryGetValue(school.Id, out var figures))
                {
                    numerator += figures.Numerator;
                    denominator += figures.Denominator;
                }
            }
            return new MetricValue(id, name, denominator == 0 ? null : ratio(numerator, denominator), numerator, denominator);
        }
        var units = children.Select(c => Sum(c.Id, c.Name, schools.Where(s => s.Path.StartsWith(c.Path, StringComparison.Ordinal)))).ToList();
        return new MetricReading(definition, Sum(scope.Id, scope.Name, schools), units);
    }

    /// <summary>A percentage with one decimal: 37.5 for 3 of 8.</summary>
    public static decimal? Percent(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator * 100 / denominator, 1, MidpointRounding.AwayFromZero);

    /// <summary>A plain ratio with two decimals.</summary>
    public static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>The instant the China date <paramref name="asOf"/> ends, in UTC (a query parameter PostgreSQL accepts).</summary>
    public static DateTimeOffset EndOf(DateOnly asOf) =>
        new DateTimeOffset(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
}
