using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

/// <summary>The figures the points module offers to plans and the dashboard.</summary>
public static class PointMetrics
{
    public static IServiceCollection AddPointMetrics(this IServiceCollection services) =>
        services.AddMetricSource<DeepApplicationIndexSource>();
}

/// <summary>
/// 深度应用学校指数 (circular 001 附件2 §二(2)): the points of the serving point earners of the year containing the date, over
/// those teachers; for a county or the city, the sums' ratio (points of all its teachers over its teachers).
/// </summary>
public sealed class DeepApplicationIndexSource(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public const string Key = "points.deep-application-index";

    public MetricDefinition Definition { get; } = new(Key, "深度应用学校指数", "分/人", MetricDirection.HigherIsBetter, "Points", "/points/rankings");

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await MetricRollup.SchoolsAsync(db, scope, cancellationToken);
        var year = asOf.Year;
        // One grouped read: each school's serving point earners and the sum of their year's totals (0 without a row). The
        // accounts' side is read from the covering index (OrgUnitId, Status, Employment, Level, Id) alone, never the wide
        // account rows; each earner's total is one key lookup.
        var bySchool = await (from u in db.Users.AsNoTracking().PointEarners().Serving().Where(u => u.OrgUnit!.Path.StartsWith(scope.Path))
                              join t in db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year) on u.Id equals t.TeacherId into totals
                              from t in totals.DefaultIfEmpty()
                              select new { u.OrgUnitId, Total = (int?)t!.Total ?? 0 } into earner
                              group earner by earner.OrgUnitId into g
                              select new { SchoolId = g.Key, Teachers = g.Count(), Points = g.Sum(e => e.Total) })
            .ToListAsync(cancellationToken);
        var perSchool = bySchool.ToDictionary(s => s.SchoolId, s => ((decimal)s.Points, (decimal)s.Teachers));
        return await MetricRollup.ReadAsync(db, Definition, scope, schools, perSchool, MetricRollup.Ratio, cancellationToken);
    }
}
