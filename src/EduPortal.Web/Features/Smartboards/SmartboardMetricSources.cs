using EduPortal.Data;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Smartboards.Competitions;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>
/// 班班通覆盖率 (circular 003): classes with installed interactive equipment / all classes, in percent. The register keeps
/// the current state only, so <c>asOf</c> reads today's figure.
/// </summary>
public sealed class SmartboardCoverageMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : ReportMetricSource<UnitCoverageRow>(dbFactory,
    new("smartboards.coverage-rate", "班班通覆盖率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/coverage"),
    SmartboardMetricReports.CoverageAsync,
    row => (row.Id, row.Name, row.Coverage.EquippedClasses, row.Coverage.Classes));

/// <summary>学校百兆带宽达标率 (circular 002: 接入带宽不低于100M): schools at or above 100 Mbps / all schools, in percent.</summary>
public sealed class SmartboardBandwidthMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : ReportMetricSource<UnitCoverageRow>(dbFactory,
    new("smartboards.bandwidth-compliance", "学校百兆带宽达标率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/coverage"),
    SmartboardMetricReports.CoverageAsync,
    row => (row.Id, row.Name, row.Schools - row.SchoolsBelowBandwidth, row.Schools));

/// <summary>
/// 学科覆盖率 (circular 003 §三.4, target 100%): subjects that used the equipment this term ÷ subjects taught, summed over
/// the unit's schools, in percent, for the term holding <c>asOf</c>.
/// </summary>
public sealed class SmartboardSubjectCoverageMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : ReportMetricSource<UnitUseRow>(dbFactory,
    new("smartboards.subject-coverage", "班班通学科覆盖率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/use"),
    SmartboardMetricReports.UseAsync,
    row => (row.Id, row.Name, row.Figure.SubjectsUsed, row.Figure.SubjectsTaught));

/// <summary>
/// 观摩示范课达标率 (circular 003 §三.2: 各学校全年不少于2次): schools with at least two demo lessons in the year holding
/// <c>asOf</c> ÷ all schools, in percent.
/// </summary>
public sealed class DemoLessonComplianceMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : ReportMetricSource<UnitDemoLessonRow>(dbFactory,
    new("smartboards.demo-lesson-compliance", "观摩示范课达标率", "%", MetricDirection.HigherIsBetter, "Smartboards", "/smartboards/demo-lessons"),
    SmartboardMetricReports.DemoLessonsAsync,
    row => (row.Id, row.Name, row.SchoolsMeeting, row.Schools));

/// <summary>The module's reports as the metric sources read them: the scope's row and its units' rows.</summary>
internal static class SmartboardMetricReports
{
    public static async Task<(UnitCoverageRow Scope, IReadOnlyList<UnitCoverageRow> Units)> CoverageAsync(EduPortalDbContext db, OrgUnit scope,
        DateOnly asOf, CancellationToken cancellationToken)
    {
        var report = await SmartboardCoverageService.ReportAsync(db, scope, null, cancellationToken);
        return (report.Scope, report.Units);
    }

    public static async Task<(UnitUseRow Scope, IReadOnlyList<UnitUseRow> Units)> UseAsync(EduPortalDbContext db, OrgUnit scope, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        var report = await SmartboardUseService.ReportAsync(db, scope, asOf, cancellationToken);
        return (report.Scope, report.Units);
    }

    public static async Task<(UnitDemoLessonRow Scope, IReadOnlyList<UnitDemoLessonRow> Units)> DemoLessonsAsync(EduPortalDbContext db, OrgUnit scope,
        DateOnly asOf, CancellationToken cancellationToken)
    {
        var report = await DemoLessonService.ReportAsync(db, scope, asOf.Year, cancellationToken);
        return (report.Scope, report.Units);
    }
}
