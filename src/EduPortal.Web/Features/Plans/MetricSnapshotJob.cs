using EduPortal.Data;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Plans;

/// <summary>
/// The daily snapshot of every registered metric for every unit (city, counties, townships, schools): one read per metric
/// at the city and one per county/township (each reading carries the units directly under it). Idempotent per China day:
/// a re-run replaces that day's values instead of adding rows (unique metric + unit + date).
/// </summary>
public sealed class MetricSnapshotJob(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, IEnumerable<IMetricSource> metrics, ILogger<MetricSnapshotJob> logger)
{
    public const string JobId = "plans-metric-snapshots";

    public Task<int> RunAsync() => RunAsync(ChinaTime.Today(clock), CancellationToken.None);

    public async Task<int> RunAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.Kind != OrgUnitKind.School).OrderBy(o => o.Path).ToListAsync(cancellationToken);
        var values = new Dictionary<(string Key, int Unit), decimal?>();
        foreach (var source in metrics)
        {
            foreach (var unit in units)
            {
                var reading = await source.ReadAsync(unit, date, cancellationToken);
                values[(source.Definition.Key, unit.Id)] = reading.Scope.Value;
                foreach (var child in reading.Units)
                {
                    values.TryAdd((source.Definition.Key, child.OrgUnitId), child.Value);
                }
            }
        }
        var now = clock.GetUtcNow();
        var existing = await db.MetricSnapshots.Where(s => s.Date == date).ToDictionaryAsync(s => (s.MetricKey, s.OrgUnitId), cancellationToken);
        foreach (var ((key, unitId), value) in values)
        {
            if (existing.TryGetValue((key, unitId), out var snapshot))
            {
                snapshot.Replace(value, now);
            }
            else
            {
                db.MetricSnapshots.Add(new MetricSnapshot(key, unitId, date, value, now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Metric snapshots for {Date}: {Count} values.", date, values.Count);
        return values.Count;
    }
}
