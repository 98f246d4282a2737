using EduPortal.Data;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>
/// 班班通覆盖率 (circular 003): classes with installed interactive equipment / all classes, in percent. The register keeps
/// the current state only, so <c>asOf</c> reads today's figure.
/// </summary>
public sealed class SmartboardCoverageMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public MetricDefinition Definition { get; } =
        new("smartboards.coverage-rate", "班班通覆盖率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/coverage");

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await SmartboardCoverageService.ReportAsync(db, scope, null, cancellationToken);
        return new MetricReading(Definition, Value(report.Scope), report.Units.Select(Value).ToList());
    }

    private static MetricValue Value(UnitCoverageRow row) => row.Coverage.Classes == 0
        ? new MetricValue(row.Id, row.Name, null, 0, 0)
        : new MetricValue(row.Id, row.Name, Math.Round(100m * row.Coverage.EquippedClasses / row.Coverage.Classes, 1), row.Coverage.EquippedClasses, row.Coverage.Classes);
}

/// <summary>学校百兆带宽达标率 (circular 002: 接入带宽不低于100M): schools at or above 100 Mbps / all schools, in percent.</summary>
public sealed class SmartboardBandwidthMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public MetricDefinition Definition { get; } =
        new("smartboards.bandwidth-compliance", "学校百兆带宽达标率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/coverage");

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await SmartboardCoverageService.ReportAsync(db, scope, null, cancellationToken);
        return new MetricReading(Definition, Value(report.Scope), report.Units.Select(Value).ToList());
    }

    private static MetricValue Value(UnitCoverageRow row) => row.Schools == 0
        ? new MetricValue(row.Id, row.Name, null, 0, 0)
        : new MetricValue(row.Id, row.Name, Math.Round(100m * (row.Schools - row.SchoolsBelowBandwidth) / row.Schools, 1), row.Schools - row.SchoolsBelowBandwidth, row.Schools);
}

/// <summary>
/// 学科覆盖率 (circular 003 §三.4, target 100%): subjects that used the equipment this term ÷ subjects taught, summed over
/// the unit's schools, in percent, for the term holding <c>asOf</c>.
/// </summary>
public sealed class SmartboardSubjectCoverageMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public MetricDefinition Definition { get; } =
        new("smartboards.subject-coverage", "班班通学科覆盖率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/use");

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await SmartboardUseService.ReportAsync(db, scope, asOf, cancellationToken);
        return new MetricReading(Definition, Value(report.Scope), report.Units.Select(Value).ToList());
    }

    private static MetricValue Value(UnitUseRow row) => row.Figure.SubjectsTaught == 0
        ? new MetricValue(row.Id, row.Name, null, 0, 0)
        : new MetricValue(row.Id, row.Name, Math.Round(100m * row.Figure.SubjectsUsed / row.Figure.SubjectsTaught, 1), row.Figure.SubjectsUsed, row.Figure.SubjectsTaught);
}

/// <summary>
/// 观摩示范课达标率 (circular 003 §三.2: 各学校全年不少于2次): schools with at least two demo lessons in the year holding
/// <c>asOf</c> ÷ all schools, in percent.
/// </summary>
public sealed class DemoLessonComplianceMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public MetricDefinition Definition { get; } =
        new("smartboards.demo-lesson-compliance", "观摩示范课达标率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/demo-lessons");

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await Competitions.DemoLessonService.ReportAsync(db, scope, asOf.Year, cancellationToken);
        return new MetricReading(Definition, Value(report.Scope), report.Units.Select(Value).ToList());
    }

    private static MetricValue Value(Competitions.UnitDemoLessonRow row) => row.Schools == 0
        ? new MetricValue(row.Id, row.Name, null, 0, 0)
        : new MetricValue(row.Id, row.Name, Math.Round(100m * row.SchoolsMeeting / row.Schools, 1), row.SchoolsMeeting, row.Schools);
}
