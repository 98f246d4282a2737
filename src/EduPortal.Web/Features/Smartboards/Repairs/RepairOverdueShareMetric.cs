using EduPortal.Data;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Repairs;

/// <summary>
/// 报修超时率: the share of repair tickets raised in the 365 days up to the date that let a tier's deadline pass
/// (circular 003 §二.4 分级负责、责任到人). Lower is better; a unit with no ticket has no value.
/// </summary>
public sealed class RepairOverdueShareMetric(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock) : IMetricSource
{
    public static readonly MetricDefinition Metric = new("smartboards.repair-overdue-share", "报修超时率", "%", MetricDirection.LowerIsBetter,
        "Smartboards", "/smartboards/repairs/figures");

    public MetricDefinition Definition => Metric;

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = db.RepairTickets.AsNoTracking().Where(t => t.SchoolPath.StartsWith(scope.Path));
        var now = clock.GetUtcNow();
        var endOfDay = WorkingCalendar.EndOfDay(asOf);
        var counts = await RepairFiguresService.CountsAsync(db, tickets, asOf.AddDays(-364), asOf, now < endOfDay ? now : endOfDay, cancellationToken);
        var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.Id).OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var units = children.Select(child => Value(child.Id, child.Name,
            counts.Where(c => c.SchoolId == child.Id || c.TownshipId == child.Id || c.CountyId == child.Id).ToList())).ToList();
        return new MetricReading(Metric, Value(scope.Id, scope.Name, counts), units);
    }

    private static MetricValue Value(int id, string name, IReadOnlyCollection<RepairFiguresService.SchoolCounts> counts)
    {
        var tickets = counts.Sum(c => c.Tickets);
        var overdue = counts.Sum(c => c.Overdue);
        return tickets == 0
            ? new MetricValue(id, name, null)
            : new MetricValue(id, name, Math.Round(100m * overdue / tickets, 1), overdue, tickets);
    }
}
