using EduPortal.Data;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Infrastructure.Metrics;

/// <summary>
/// A metric counted per school and rolled up by <see cref="MetricRollup"/>: the source only counts each school's
/// numerator and denominator; opening the context, listing the schools and summing the units happen here once.
/// </summary>
public abstract class PerSchoolMetricSource(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public abstract MetricDefinition Definition { get; }

    /// <summary>How the sums become the value; a percentage unless a source says otherwise.</summary>
    protected virtual Func<decimal, decimal, decimal?> Ratio => MetricRollup.Percent;

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await MetricRollup.SchoolsAsync(db, scope, cancellationToken);
        var perSchool = await CountAsync(db, scope, schools, asOf, cancellationToken);
        return await MetricRollup.ReadAsync(db, Definition, scope, schools, perSchool, Ratio, cancellationToken);
    }

    /// <summary>
    /// The same figures per school (every school under the scope, with its numerator and denominator; null value when the
    /// school has none) — for tables that name each school, e.g. the weekly bulletin's registration rate per school.
    /// </summary>
    public async Task<IReadOnlyList<(MetricSchool School, MetricValue Value)>> ReadSchoolsAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await MetricRollup.SchoolsAsync(db, scope, cancellationToken);
        var perSchool = await CountAsync(db, scope, schools, asOf, cancellationToken);
        return schools.OrderBy(s => s.Path, StringComparer.Ordinal).Select(s => perSchool.TryGetValue(s.Id, out var f)
            ? (s, new MetricValue(s.Id, s.Name, f.Denominator == 0 ? null : Ratio(f.Numerator, f.Denominator), f.Numerator, f.Denominator))
            : (s, new MetricValue(s.Id, s.Name, null))).ToList();
    }

    /// <summary>(numerator, denominator) per school id of <paramref name="schools"/>; a school left out has no figures.</summary>
    protected abstract Task<Dictionary<int, (decimal Numerator, decimal Denominator)>> CountAsync(EduPortalDbContext db, OrgUnit scope,
        IReadOnlyList<MetricSchool> schools, DateOnly asOf, CancellationToken cancellationToken);
}
