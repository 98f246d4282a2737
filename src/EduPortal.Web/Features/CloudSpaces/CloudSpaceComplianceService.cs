using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>
/// Compliance per school (教师云空间合格率) for a county or the city: every school of the caller's subtree with its term's
/// qualified teachers, the schools that have not opened the term listed as such; and its Excel export.
/// </summary>
public sealed class CloudSpaceComplianceService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<ComplianceReport>> ReportAsync(Caller caller, DateOnly? periodStart, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以查看各校云空间合格率。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == caller.OrgUnitId, cancellationToken);
        var today = ChinaTime.Today(clock);
        var period = periodStart is { } start ? UseTerm.Of(start) : UseTerm.Of(today);
        var schools = await ComputeAsync(db, scope, period, today, cancellationToken);
        return new ComplianceReport(scope.Name, period.Name, period.Start, schools, clock.GetUtcNow());
    }

    /// <summary>The terms assessed in the caller's subtree, newest first, for the period picker.</summary>
    public async Task<IReadOnlyList<UseTerm>> PeriodsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var starts = await db.CloudSpaceTerms.AsNoTracking().WithinJurisdiction(caller).Select(t => t.Start).Distinct().ToListAsync(cancellationToken);
        var current = UseTerm.Of(ChinaTime.Today(clock));
        return starts.Select(UseTerm.Of).Append(current).Distinct().OrderByDescending(t => t.Start).ToList();
    }

    /// <summary>Every school under <paramref name="scope"/> with its figures of <paramref name="period"/> (the scope is already in the caller's jurisdiction).</summary>
    public static async Task<List<SchoolComplianceRow>> ComputeAsync(EduPortalDbContext db, OrgUnit scope, UseTerm period, DateOnly today, CancellationToken cancellationToken)
    {
        var schools = await (
                from s in db.OrgUnits.AsNoTracking()
                where s.Kind == OrgUnitKind.School && s.Path.StartsWith(scope.Path)
                join p in db.OrgUnits on s.ParentId equals p.Id
                orderby s.Path
                select new { s.Id, s.Name, s.Path, ParentName = p.Name })
            .ToListAsync(cancellationToken);
        var terms = await db.CloudSpaceTerms.AsNoTracking().Where(t => t.Start == period.Start && t.SchoolPath.StartsWith(scope.Path)).ToListAsync(cancellationToken);
        // A term whose award was assessed counts as assessed then (学期结束…评比, circular 001 §四(二)2): its 合格 flags are
        // stored with the ranking, one row a teacher, so a finished term's figures need no read of the points ledger.
        // Terms still open are checked live.
        var awarded = terms.Where(t => t.AwardedAt is not null).ToDictionary(t => t.Id, t => t.SchoolId);
        var figures = await CloudSpaceChecklists.CountQualifiedAsync(db, terms.Where(t => t.AwardedAt is null).ToList(), today, cancellationToken);
        if (awarded.Count > 0)
        {
            var termIds = awarded.Keys.ToList();
            foreach (var term in await db.CloudSpaceAwards.AsNoTracking().Where(a => termIds.Contains(a.TermId)).GroupBy(a => a.TermId)
                .Select(g => new { g.Key, Teachers = g.Count(), Qualified = g.Count(a => a.Qualified) }).ToListAsync(cancellationToken))
            {
                figures[awarded[term.Key]] = (term.Teachers, term.Qualified);
            }
        }
        var termOf = terms.ToDictionary(t => t.SchoolId, t => t.Id);
        return schools.Select(s =>
        {
            var f = figures.GetValueOrDefault(s.Id);
            return new SchoolComplianceRow(s.Id, s.Name, s.ParentName, s.Path, termOf.TryGetValue(s.Id, out var id) ? id : null, f.Teachers, f.Qualified);
        }).ToList();
    }

    public static byte[] BuildWorkbook(ComplianceReport report) => ExcelExport.Build("云空间合格率",
        [
            new ExcelColumn<SchoolComplianceRow>("学校", r => r.SchoolName, 28),
            new ExcelColumn<SchoolComplianceRow>("上级单位", r => r.ParentName, 20),
            new ExcelColumn<SchoolComplianceRow>("考核状态", r => r.Opened ? "已开启" : "未开启考核", 12),
            new ExcelColumn<SchoolComplianceRow>("在岗教师", r => r.Opened ? r.Teachers : null, 10),
            new ExcelColumn<SchoolComplianceRow>("合格人数", r => r.Opened ? r.Qualified : null, 10),
            new ExcelColumn<SchoolComplianceRow>("合格率（%）", r => r.Rate is { } rate ? (double)rate : null, 12, "0.0"),
        ],
        report.Schools, report.Caption);
}

/// <summary>
/// 云空间合格率 (circular 001 §四(二)2: all seven targets met = 合格): qualified teachers ÷ serving teachers of the schools
/// that opened the term holding <c>asOf</c>, in percent.
/// </summary>
public sealed class CloudSpaceComplianceMetric(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
{
    public MetricDefinition Definition { get; } =
        new("cloudspaces.compliance-rate", "云空间合格率", "%", MetricDirection.HigherIsBetter, "CloudSpaces", "/cloudspaces/compliance");

    public async Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await CloudSpaceComplianceService.ComputeAsync(db, scope, UseTerm.Of(asOf), asOf, cancellationToken);
        var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.Id).OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path })
            .ToListAsync(cancellationToken);
        var units = scope.Kind == OrgUnitKind.School ? [] : children.Select(c => Value(c.Id, c.Name, schools.Where(s => s.SchoolPath.StartsWith(c.Path, StringComparison.Ordinal)))).ToList();
        return new MetricReading(Definition, Value(scope.Id, scope.Name, schools), units);
    }

    private static MetricValue Value(int id, string name, IEnumerable<SchoolComplianceRow> schools)
    {
        var opened = schools.Where(s => s.Opened).ToList();
        var teachers = opened.Sum(s => s.Teachers);
        var qualified = opened.Sum(s => s.Qualified);
        return teachers == 0 ? new MetricValue(id, name, null, 0, 0) : new MetricValue(id, name, Math.Round(100m * qualified / teachers, 1), qualified, teachers);
    }
}
