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
        var serving = db.Users.AsNoTracking().PointEarners().Serving().Where(u => u.OrgUnit!.Path.StartsWith(scope.Path));
        var teachers = await serving.GroupBy(u => u.OrgUnitId).Select(g => new { SchoolId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SchoolId, g => g.Count, cancellationToken);
        var points = await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == asOf.Year)
            .Join(serving, t => t.TeacherId, u => u.Id, (t, u) => new { u.OrgUnitId, t.Total })
            .GroupBy(x => x.OrgUnitId).Select(g => new { SchoolId = g.Key, Points = g.Sum(x => x.Total) })
            .ToDictionaryAsync(g => g.SchoolId, g => g.Points, cancellationToken);
        var perSchool = teachers.ToDictionary(t => t.Key, t => ((decimal)points.GetValueOrDefault(t.Key), (decimal)t.Value));
        return await MetricRollup.ReadAsync(db, Definition, scope, schools, perSchool, MetricRollup.Ratio, cancellationToken);
    }
}
