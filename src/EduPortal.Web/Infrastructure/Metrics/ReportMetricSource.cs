using EduPortal.Data;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Infrastructure.Metrics;

/// <summary>
/// A metric read off a module's own report (the page's figures, so the plan and the page never disagree): a source
/// names its definition, how to build the report's rows for a scope (the scope's row and the rows of the units directly
/// under it) and each row's part and whole; the value is the part over the whole in percent with one decimal, none
/// where the whole is zero.
/// </summary>
public abstract class ReportMetricSource<TRow>(
    IDbContextFactory<EduPortalDbContext> dbFactory,
    MetricDefinition definition,
    Func<EduPortalDbContext, OrgUnit, DateOnly, CancellationToken, Task<(TRow Scope, IReadOnlyList<TRow> Units)>> report,
    Func<TRow, (int Id, string Name, int Part, int Whole)> figures) : IMetricSource
{
    public MetricDefinition Definition => definition;

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (total, units) = await report(db, scope, asOf, cancellationToken);
        return new MetricReading(Definition, Value(total), units.Select(Value).ToList());
    }

    private MetricValue Value(TRow row)
    {
        var (id, name, part, whole) = figures(row);
        return whole == 0 ? new MetricValue(id, name, null, 0, 0) : new MetricValue(id, name, Math.Round(100m * part / whole, 1), part, whole);
    }
}
