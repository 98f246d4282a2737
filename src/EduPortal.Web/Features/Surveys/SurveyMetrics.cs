using EduPortal.Data;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Surveys;

/// <summary>The figures the survey module offers to plans and the dashboard.</summary>
public static class SurveyMetrics
{
    public static IServiceCollection AddSurveyMetrics(this IServiceCollection services) =>
        services.AddMetricSource<TeacherRegistrationRateSource>().AddMetricSource<SurveyCompletionRateSource>();
}

/// <summary>
/// 教师实名注册率 (circular 004 §四 7/16: 专任教师网络教研空间实名注册 ≥ 30%, then 50%; circular 000 §二 第二阶段): a school's
/// active serving accounts that teach one of its surveyed subjects and registered by the day's end, over the teachers its
/// latest submitted survey counts. A school without a submitted survey has no denominator (无数据).
/// </summary>
public sealed class TeacherRegistrationRateSource(IDbContextFactory<EduPortalDbContext> dbFactory) : PerSchoolMetricSource(dbFactory)
{
    public const string Key = "surveys.teacher-registration-rate";

    public override MetricDefinition Definition { get; } = new(Key, "教师实名注册率", "%", MetricDirection.HigherIsBetter, "Surveys", "/surveys");

    protected override async Task<Dictionary<int, (decimal Numerator, decimal Denominator)>> CountAsync(EduPortalDbContext db, OrgUnit scope,
        IReadOnlyList<MetricSchool> schools, DateOnly asOf, CancellationToken cancellationToken)
    {
        var end = MetricRollup.EndOf(asOf);
        var submitted = await db.SchoolSurveys.AsNoTracking()
            .Where(s => s.SchoolPath.StartsWith(scope.Path) && s.Status == SurveyStatus.Submitted && s.SubmittedAt < end)
            .Select(s => new { s.SchoolId, s.SubmittedAt, Teachers = s.Rows.Sum(r => r.Teachers ?? 0) })
            .ToListAsync(cancellationToken);
        var surveyed = submitted.GroupBy(s => s.SchoolId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.SubmittedAt).First().Teachers);
        // Counted per school and subject list in SQL, each list parsed once (SurveyedTeachers, shared with the board).
        var registered = await SurveyedTeachers.CountPerSchoolAsync(db.Users.AsNoTracking()
                .Where(u => u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving && u.RegisteredAt < end
                    && u.OrgUnit!.Path.StartsWith(scope.Path)),
            schools.ToDictionary(s => s.Id, s => s.Stage), cancellationToken);
        return surveyed.Where(s => s.Value > 0)
            .ToDictionary(s => s.Key, s => ((decimal)registered.GetValueOrDefault(s.Key), (decimal)s.Value));
    }
}

/// <summary>
/// 调查填报完成率: in the latest survey round that reaches the scope (opened at or above it, or inside it), the schools that
/// have submitted over the schools the round covers.
/// </summary>
public sealed class SurveyCompletionRateSource(IDbContextFactory<EduPortalDbContext> dbFactory) : PerSchoolMetricSource(dbFactory)
{
    public const string Key = "surveys.completion-rate";

    public override MetricDefinition Definition { get; } = new(Key, "调查填报完成率", "%", MetricDirection.HigherIsBetter, "Surveys", "/surveys");

    protected override async Task<Dictionary<int, (decimal Numerator, decimal Denominator)>> CountAsync(EduPortalDbContext db, OrgUnit scope,
        IReadOnlyList<MetricSchool> schools, DateOnly asOf, CancellationToken cancellationToken)
    {
        var end = MetricRollup.EndOf(asOf);
        var ancestors = OrgUnit.AncestorPaths(scope.Path).ToList();
        var round = await db.SurveyRounds.AsNoTracking()
            .Where(r => r.OpenedAt < end && (ancestors.Contains(r.OrgPath) || r.OrgPath.StartsWith(scope.Path)))
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.OrgPath }).FirstOrDefaultAsync(cancellationToken);
        var perSchool = new Dictionary<int, (decimal Numerator, decimal Denominator)>();
        if (round is not null)
        {
            var done = (await db.SchoolSurveys.AsNoTracking()
                .Where(s => s.RoundId == round.Id && s.Status == SurveyStatus.Submitted && s.SubmittedAt < end)
                .Select(s => s.SchoolId).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var school in schools.Where(s => s.Path.StartsWith(round.OrgPath, StringComparison.Ordinal)))
            {
                perSchool[school.Id] = (done.Contains(school.Id) ? 1 : 0, 1);
            }
        }
        return perSchool;
    }
}
