using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Plans;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Plans;

/// <summary>
/// The dashboard (驾驶舱): every registered metric for the caller's own unit — one live read per metric (the scope and the
/// units directly under it, the reads running concurrently), one snapshot query for all sparklines, one for the targets on the unit;
/// then the hand-entered targets in the jurisdiction beside them (at most <see cref="MaxHandEntered"/>).
/// </summary>
public sealed class DashboardService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, IEnumerable<IMetricSource> metrics)
{
    public const int SparklineDays = 30;
    public const int WorstUnits = 3;
    public const int MaxHandEntered = 12;

    public async Task<Result<Dashboard>> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以查看驾驶舱。");
        }
        var watch = Stopwatch.StartNew();
        var today = ChinaTime.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == caller.OrgUnitId, cancellationToken);
        var since = today.AddDays(-SparklineDays + 1);
        var snapshots = (await db.MetricSnapshots.AsNoTracking().Where(s => s.OrgUnitId == scope.Id && s.Date >= since && s.Value != null)
            .Select(s => new { s.MetricKey, s.Date, s.Value }).ToListAsync(cancellationToken))
            .ToLookup(s => s.MetricKey);
        var targets = await PlanService.TargetsForScopeAsync(db, caller, scope.Id, today, cancellationToken);
        var targetKeys = await db.PlanTargets.AsNoTracking().Where(t => t.ScopeUnitId == scope.Id).Select(t => new { t.Id, t.MetricKey }).ToListAsync(cancellationToken);
        // The sources open their own contexts, so their reads run side by side: the page waits for the slowest, not the sum.
        var readings = await Task.WhenAll(metrics.Select(source => source.ReadAsync(scope, today, cancellationToken)));
        var rows = new List<DashboardMetric>();
        foreach (var reading in readings)
        {
            var definition = reading.Definition;
            var worst = reading.Units.Where(u => u.Value is not null)
                .OrderBy(u => definition.Direction == MetricDirection.HigherIsBetter ? u.Value : -u.Value)
                .Take(WorstUnits).ToList();
            var spark = snapshots[definition.Key].OrderBy(s => s.Date).Select(s => s.Value!.Value).ToList();
            var targetId = targetKeys.LastOrDefault(t => t.MetricKey == definition.Key)?.Id;
            rows.Add(new DashboardMetric(definition, reading.Scope, worst, spark, targets.FirstOrDefault(t => t.Id == targetId)));
        }
        // Hand-entered targets inside the jurisdiction (the unit's own and its schools'), those needing attention first.
        var handEntered = (await PlanService.TargetRowsForAsync(db, db.PlanTargets.AsNoTracking().WithinJurisdiction(caller)
                .Where(t => t.MetricKey == PlanTarget.HandEnteredKey && t.ScopePath.StartsWith(scope.Path)).OrderByDescending(t => t.Id).Take(MaxHandEntered),
                today, cancellationToken))
            .OrderBy(t => t.Evaluation.Status switch { TrajectoryStatus.Missed => 0, TrajectoryStatus.AtRisk => 1, TrajectoryStatus.NoData => 2, _ => 3 })
            .ThenBy(t => t.Id).ToList();
        return new Dashboard(scope.Name, rows, handEntered, watch.ElapsedMilliseconds);
    }
}
