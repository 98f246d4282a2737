using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.LabRecords;

public sealed record StatisticsQuery(DateOnly From, DateOnly To, int? CountyId = null);

public sealed record WeekCount(DateOnly Monday, int Records);

public sealed record SchoolActivity(int SchoolId, string SchoolName, string? CountyName, int Records, int Teachers, DateOnly? LastLessonDate, bool Inactive);

public sealed record SubjectCount(LabSubject Subject, int Records);

public sealed record TeacherCount(string TeacherId, string TeacherName, string SchoolName, int Records, DateOnly? LastLessonDate);

public sealed record CoverageRow(int SchoolId, string SchoolName, LabSubject Subject, int Grade, int CatalogueCount, int CoveredCount)
{
    public double? Rate => CatalogueCount == 0 ? null : (double)CoveredCount / CatalogueCount;
}

public sealed record LabStatistics(
    StatisticsQuery Query, int TotalRecords, int InactiveWeeks, SchoolTerm Term,
    IReadOnlyList<WeekCount> Weeks, IReadOnlyList<SchoolActivity> Schools, IReadOnlyList<SubjectCount> Subjects,
    IReadOnlyList<TeacherCount> Teachers, IReadOnlyList<CoverageRow> Coverage);

/// <summary>
/// Lab-teaching statistics for an admin's subtree: records per week, school, subject and teacher in a date range,
/// catalogue coverage (开出率) this term, and schools without a record in the last N weeks.
/// Only shown records count (a reported or returned record is not lab teaching the district vouches for).
/// </summary>
public sealed class LabStatisticsService(IDbContextFactory<EduPortalDbContext> dbFactory, IOptions<LabRecordOptions> options, TimeProvider clock)
{
    public StatisticsQuery DefaultQuery()
    {
        var today = ChinaTime.Today(clock);
        return new StatisticsQuery(SchoolTerm.Containing(today).Start, today);
    }

    public async Task<Result<LabStatistics>> GetAsync(Caller caller, StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以查看实验教学统计。");
        }
        if (query.To < query.From)
        {
            return ValidationError.For("To", "结束日期不能早于开始日期");
        }
        if (query.To.DayNumber - query.From.DayNumber > 400)
        {
            return ValidationError.For("From", "统计区间不能超过 400 天");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School || o.Kind == OrgUnitKind.County)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path, o.Stage }).ToListAsync(cancellationToken);
        var counties = schools.Where(s => s.Kind == OrgUnitKind.County).ToList();
        string? CountyOf(string path) => counties.FirstOrDefault(c => path.StartsWith(c.Path, StringComparison.Ordinal))?.Name;
        var schoolUnits = schools.Where(s => s.Kind == OrgUnitKind.School).OrderBy(s => s.Path, StringComparer.Ordinal).ToList();

        var shown = db.LabRecords.AsNoTracking().WithinJurisdiction(caller).Where(r => r.Shown);
        if (query.CountyId is { } countyId)
        {
            shown = shown.Where(r => r.CountyId == countyId);
            var county = counties.FirstOrDefault(c => c.Id == countyId);
            schoolUnits = county is null ? [] : schoolUnits.Where(s => s.Path.StartsWith(county.Path, StringComparison.Ordinal)).ToList();
        }
        var inRange = shown.Where(r => r.LessonDate >= query.From && r.LessonDate <= query.To);

        var perDay = await inRange.GroupBy(r => r.LessonDate).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var weeks = new List<WeekCount>();
        for (var monday = Weeks.MondayOf(query.From); monday <= query.To; monday = monday.AddDays(7))
        {
            var sunday = monday.AddDays(6);
            weeks.Add(new WeekCount(monday, perDay.Where(d => d.Day >= monday && d.Day <= sunday).Sum(d => d.Count)));
        }

        var perSchool = await inRange.GroupBy(r => r.SchoolId)
            .Select(g => new { SchoolId = g.Key, Count = g.Count(), Teachers = g.Select(r => r.TeacherId).Distinct().Count() })
            .ToDictionaryAsync(x => x.SchoolId, cancellationToken);
        // The last lesson of each school, whatever the range, decides the inactivity highlight.
        var lastLesson = await shown.GroupBy(r => r.SchoolId).Select(g => new { SchoolId = g.Key, Last = g.Max(r => r.LessonDate) })
            .ToDictionaryAsync(x => x.SchoolId, x => x.Last, cancellationToken);
        var today = ChinaTime.Today(clock);
        var weeksWithout = options.Value.InactiveWeeks;
        var inactive = LabCoverage.InactiveSchools(schoolUnits.Select(s => (s.Id, lastLesson.GetValueOrDefault(s.Id))), today, weeksWithout).ToHashSet();
        var schoolRows = schoolUnits.Select(s => new SchoolActivity(s.Id, s.Name, CountyOf(s.Path),
                perSchool.TryGetValue(s.Id, out var a) ? a.Count : 0, a?.Teachers ?? 0, lastLesson.GetValueOrDefault(s.Id), inactive.Contains(s.Id)))
            .OrderByDescending(s => s.Records).ThenBy(s => s.SchoolName, StringComparer.Ordinal).ToList();

        var subjects = await inRange.Where(r => r.Subject != null).GroupBy(r => r.Subject!.Value)
            .Select(g => new SubjectCount(g.Key, g.Count())).ToListAsync(cancellationToken);

        var teachers = await inRange.GroupBy(r => new { r.TeacherId, r.TeacherName, r.SchoolName })
            .Select(g => new TeacherCount(g.Key.TeacherId, g.Key.TeacherName, g.Key.SchoolName, g.Count(), g.Max(r => r.LessonDate)))
            .ToListAsync(cancellationToken);

        var term = SchoolTerm.Containing(today);
        var coverage = await CoverageAsync(db, caller, shown, schoolUnits.Select(s => (s.Id, s.Name, s.Path, s.Stage)).ToList(), term, cancellationToken);

        return new LabStatistics(query, perDay.Sum(d => d.Count), weeksWithout, term, weeks, schoolRows,
            subjects.OrderBy(s => s.Subject).ToList(),
            teachers.OrderByDescending(t => t.Records).ThenBy(t => t.TeacherName, StringComparer.Ordinal).ToList(),
            coverage);
    }

    private static async Task<IReadOnlyList<CoverageRow>> CoverageAsync(EduPortalDbContext db, Caller caller, IQueryable<LabRecord> shown,
        IReadOnlyList<(int Id, string Name, string Path, SchoolStage Stage)> schools, SchoolTerm term, CancellationToken cancellationToken)
    {
        var recorded = await shown.Where(r => r.ExperimentId != null && r.LessonDate >= term.Start && r.LessonDate <= term.End)
            .Select(r => new { r.SchoolId, ExperimentId = r.ExperimentId!.Value }).Distinct().ToListAsync(cancellationToken);
        var recordedBySchool = recorded.GroupBy(r => r.SchoolId).ToDictionary(g => g.Key, g => g.Select(r => r.ExperimentId).ToList());
        // The catalogue is small (hundreds of rows): the city's entries and those of the counties in the subtree.
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath);
        var catalogue = await db.LabExperiments.AsNoTracking()
            .Where(e => e.Active && (ancestors.Contains(e.OwnerPath) || e.OwnerPath.StartsWith(caller.OrgPath)))
            .ToListAsync(cancellationToken);
        var rows = new List<CoverageRow>();
        foreach (var school in schools)
        {
            var applying = catalogue.Where(e => e.AppliesTo(school.Path));
            var cells = LabCoverage.Compute(applying, recordedBySchool.GetValueOrDefault(school.Id) ?? [], school.Stage.Grades());
            rows.AddRange(cells.Select(c => new CoverageRow(school.Id, school.Name, c.Subject, c.Grade, c.CatalogueCount, c.CoveredCount)));
        }
        return rows;
    }

    public static byte[] ExportSchools(LabStatistics stats) => ExcelExport.Build("各校实验记录", [
        new ExcelColumn<SchoolActivity>("学校", s => s.SchoolName, 28),
        new("县区", s => s.CountyName, 12),
        new("实验记录数", s => s.Records, 12),
        new("记录教师数", s => s.Teachers, 12),
        new("最近一次实验课", s => s.LastLessonDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 16),
        new($"近{stats.InactiveWeeks}周无记录", s => s.Inactive ? "是" : "", 12),
    ], stats.Schools);

    public static byte[] ExportTeachers(LabStatistics stats) => ExcelExport.Build("各教师实验记录", [
        new ExcelColumn<TeacherCount>("教师", t => t.TeacherName, 12),
        new("学校", t => t.SchoolName, 28),
        new("实验记录数", t => t.Records, 12),
        new("最近一次实验课", t => t.LastLessonDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 16),
    ], stats.Teachers);

    public static byte[] ExportWeeks(LabStatistics stats) => ExcelExport.Build("每周实验记录", [
        new ExcelColumn<WeekCount>("周（周一）", w => w.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 14),
        new("实验记录数", w => w.Records, 12),
    ], stats.Weeks);

    public static byte[] ExportSubjects(LabStatistics stats) => ExcelExport.Build("各学科实验记录", [
        new ExcelColumn<SubjectCount>("学科", s => s.Subject.DisplayName(), 12),
        new("实验记录数", s => s.Records, 12),
    ], stats.Subjects);

    public static byte[] ExportCoverage(LabStatistics stats) => ExcelExport.Build("实验开出率", [
        new ExcelColumn<CoverageRow>("学校", c => c.SchoolName, 28),
        new("学科", c => c.Subject.DisplayName(), 10),
        new("年级", c => SchoolClass.GradeName(c.Grade), 10),
        new("目录实验数", c => c.CatalogueCount, 12),
        new("已开出", c => c.CoveredCount, 10),
        new("开出率", c => c.Rate is { } r ? Math.Round(r * 100, 1) : null, 10),
    ], stats.Coverage);
}
