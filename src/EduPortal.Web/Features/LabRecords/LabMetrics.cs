using EduPortal.Data;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>The figures the lab-records module offers to plans and the dashboard.</summary>
public static class LabMetrics
{
    public static IServiceCollection AddLabMetrics(this IServiceCollection services) =>
        services.AddMetricSource<LabRecordsPerSchoolWeekSource>().AddMetricSource<LabOpeningRateSource>();
}

/// <summary>实验记录（条/校/周）: shown records with a lesson date in the 7 China days ending on the date, per school in scope.</summary>
public sealed class LabRecordsPerSchoolWeekSource(IDbContextFactory<EduPortalDbContext> dbFactory) : PerSchoolMetricSource(dbFactory)
{
    public const string Key = "lab.records-per-school-week";

    public override MetricDefinition Definition { get; } = new(Key, "实验记录周均数", "条/校/周", MetricDirection.HigherIsBetter, "LabRecords", "/labs/stats");

    protected override Func<decimal, decimal, decimal?> Ratio => MetricRollup.Ratio;

    protected override async Task<Dictionary<int, (decimal Numerator, decimal Denominator)>> CountAsync(EduPortalDbContext db, OrgUnit scope,
        IReadOnlyList<MetricSchool> schools, DateOnly asOf, CancellationToken cancellationToken)
    {
        var since = asOf.AddDays(-6);
        var counts = await db.LabRecords.AsNoTracking()
            .Where(r => r.Shown && r.LessonDate >= since && r.LessonDate <= asOf && r.SchoolPath.StartsWith(scope.Path))
            .GroupBy(r => r.SchoolId).Select(g => new { SchoolId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SchoolId, g => g.Count, cancellationToken);
        return schools.ToDictionary(s => s.Id, s => ((decimal)counts.GetValueOrDefault(s.Id), 1m));
    }
}

/// <summary>
/// 实验开出率 in the term containing the date (the statistics page's rule, <see cref="LabCoverage"/>): catalogue
/// experiments for the grades a school teaches that its shown records cite, over those catalogue experiments.
/// </summary>
public sealed class LabOpeningRateSource(IDbContextFactory<EduPortalDbContext> dbFactory) : PerSchoolMetricSource(dbFactory)
{
    public const string Key = "lab.opening-rate";

    public override MetricDefinition Definition { get; } = new(Key, "实验开出率", "%", MetricDirection.HigherIsBetter, "LabRecords", "/labs/stats");

    protected override async Task<Dictionary<int, (decimal Numerator, decimal Denominator)>> CountAsync(EduPortalDbContext db, OrgUnit scope,
        IReadOnlyList<MetricSchool> schools, DateOnly asOf, CancellationToken cancellationToken)
    {
        var term = SchoolTerm.Containing(asOf);
        var recorded = await db.LabRecords.AsNoTracking()
            .Where(r => r.Shown && r.ExperimentId != null && r.LessonDate >= term.Start && r.LessonDate <= asOf && r.SchoolPath.StartsWith(scope.Path))
            .GroupBy(r => new { r.SchoolId, r.ExperimentId })
            .Select(g => new { g.Key.SchoolId, ExperimentId = g.Key.ExperimentId!.Value })
            .ToListAsync(cancellationToken);
        var bySchool = recorded.GroupBy(r => r.SchoolId).ToDictionary(g => g.Key, g => g.Select(r => r.ExperimentId).ToList());
        var ancestors = OrgUnit.AncestorPaths(scope.Path).ToList();
        var catalogue = await db.LabExperiments.AsNoTracking()
            .Where(e => e.Active && (ancestors.Contains(e.OwnerPath) || e.OwnerPath.StartsWith(scope.Path)))
            .ToListAsync(cancellationToken);
        var perSchool = new Dictionary<int, (decimal Numerator, decimal Denominator)>();
        foreach (var school in schools)
        {
            var cells = LabCoverage.Compute(catalogue.Where(e => e.AppliesTo(school.Path)), bySchool.GetValueOrDefault(school.Id) ?? [], school.Stage.Grades());
            perSchool[school.Id] = (cells.Sum(c => c.CoveredCount), cells.Sum(c => c.CatalogueCount));
        }
        return perSchool;
    }
}
