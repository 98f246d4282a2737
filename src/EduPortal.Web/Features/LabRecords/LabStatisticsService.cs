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

/// <summary>Records in one week (Monday to Sunday); <see cref="Days"/> is how many of its days the range covers up to today.</summary>
public sealed record WeekCount(DateOnly Monday, int Records, int Days = 7)
{
    /// <summary>A week cut by the range or by today: its count is not comparable with a full week's, so the chart leaves it out.</summary>
    public bool IsPartial => Days < 7;
}

public sealed record SchoolActivity(int SchoolId, string SchoolName, string? CountyName, int Records, int Teachers, DateOnly? LastLessonDate, bool Inactive);

public sealed record SubjectCount(LabSubject Subject, int Records);

public sealed record TeacherCount(string TeacherId, string TeacherName, string SchoolName, int Records, DateOnly? LastLessonDate);

/// <summary>One page of the coverage tab and the number of rows in all.</summary>
public sealed record CoverageRowPage(IReadOnlyList<CoverageRow> Rows, int Total);

/// <summary>One page of the per-teacher tab and the number of teachers in all.</summary>
public sealed record TeacherCountPage(IReadOnlyList<TeacherCount> Rows, int Total);

public sealed record CoverageRow(int SchoolId, string SchoolName, LabSubject Subject, int Grade, int CatalogueCount, int CoveredCount)
{
    public double? Rate => CatalogueCount == 0 ? null : (double)CoveredCount / CatalogueCount;
}

public sealed record LabStatistics(
    StatisticsQuery Query, int TotalRecords, int InactiveWeeks,
    IReadOnlyList<WeekCount> Weeks, IReadOnlyList<SchoolActivity> Schools, IReadOnlyList<SubjectCount> Subjects)
{
    public int TeachersWithRecords { get; init; }
}

/// <summary>
/// Lab-teaching statistics for an admin's subtree: records per week, school and subject in a date range, schools
/// without a record in the last N weeks; per-teacher counts and catalogue coverage (开出率) this term are loaded on
/// their own (a city has tens of thousands of teachers). Only shown records count: a reported or returned record is
/// not lab teaching the district vouches for. Every figure is a GROUP BY over a covering index of the shown records,
/// so only aggregated rows leave the database (see benchmarks/).
/// </summary>
public sealed class LabStatisticsService(IDbContextFactory<EduPortalDbContext> dbFactory, IOptions<LabRecordOptions> options, TimeProvider clock)
{
    public const int MaxRangeDays = 400;

    public StatisticsQuery DefaultQuery()
    {
        var today = ChinaTime.Today(clock);
        return new StatisticsQuery(SchoolTerm.Containing(today).Start, today);
    }

    public SchoolTerm CurrentTerm => SchoolTerm.Containing(ChinaTime.Today(clock));

    public async Task<Result<LabStatistics>> GetAsync(Caller caller, StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        if (Check(caller, query) is { } refusal)
        {
            return refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, caller, query.CountyId, cancellationToken);
        var inRange = scope.Shown.Where(r => r.LessonDate >= query.From && r.LessonDate <= query.To);
        var today = ChinaTime.Today(clock);

        // County and city callers read the daily roll-up (a few rows per county and day); a school reads its records.
        List<(DateOnly Day, int Subject, int Count)> perDaySubject;
        if (scope.Tallied)
        {
            perDaySubject = (await scope.Days.Where(t => t.Day >= query.From && t.Day <= query.To)
                    .GroupBy(t => new { t.Day, t.Subject }).Select(g => new { g.Key.Day, g.Key.Subject, Count = g.Sum(t => t.Records) })
                    .ToListAsync(cancellationToken))
                .Select(d => (d.Day, d.Subject, d.Count)).ToList();
        }
        else
        {
            perDaySubject = (await inRange.GroupBy(r => new { Day = r.LessonDate!.Value, r.Subject }).Select(g => new { g.Key.Day, g.Key.Subject, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(d => (d.Day, d.Subject is { } subject ? (int)subject : LabDayTally.NoSubject, d.Count)).ToList();
        }
        var weeks = BucketWeeks(query.From, query.To, today, perDaySubject.Select(d => (d.Day, d.Count)));
        var subjects = perDaySubject.Where(d => d.Subject != LabDayTally.NoSubject).GroupBy(d => d.Subject)
            .Select(g => new SubjectCount((LabSubject)g.Key, g.Sum(d => d.Count))).OrderBy(s => s.Subject).ToList();

        // Records and distinct teachers per school: from the term roll-up when the range is the whole term so far.
        Dictionary<int, (int Count, int Teachers)> perSchool;
        int teachers;
        if (scope.Tallied && CoversTerm(query, today) is { } term)
        {
            var tallies = scope.Teachers.Where(t => t.TermStart == term.Start);
            perSchool = await tallies.GroupBy(t => t.SchoolId).Select(g => new { SchoolId = g.Key, Count = g.Sum(t => t.Records), Teachers = g.Count() })
                .ToDictionaryAsync(x => x.SchoolId, x => (x.Count, x.Teachers), cancellationToken);
            teachers = await tallies.Select(t => t.TeacherId).Distinct().CountAsync(cancellationToken);
        }
        else
        {
            perSchool = await inRange.GroupBy(r => r.SchoolId)
                .Select(g => new { SchoolId = g.Key, Count = g.Count(), Teachers = g.Select(r => r.TeacherId).Distinct().Count() })
                .ToDictionaryAsync(x => x.SchoolId, x => (x.Count, x.Teachers), cancellationToken);
            teachers = await inRange.Select(r => r.TeacherId).Distinct().CountAsync(cancellationToken);
        }
        // The last lesson of each school, whatever the range, decides the inactivity highlight: one index seek a school.
        var schoolIds = scope.Schools.Select(s => s.Id).ToList();
        var lastLesson = await db.OrgUnits.AsNoTracking().Where(o => schoolIds.Contains(o.Id))
            .Select(o => new { o.Id, Last = db.LabRecords.Where(r => r.Shown && r.SchoolId == o.Id).Max(r => r.LessonDate) })
            .ToDictionaryAsync(x => x.Id, x => x.Last, cancellationToken);
        var weeksWithout = options.Value.InactiveWeeks;
        var inactive = LabCoverage.InactiveSchools(scope.Schools.Select(s => (s.Id, lastLesson.GetValueOrDefault(s.Id))), today, weeksWithout).ToHashSet();
        var schoolRows = scope.Schools.Select(s => new SchoolActivity(s.Id, s.Name, s.CountyName,
                perSchool.TryGetValue(s.Id, out var a) ? a.Count : 0, a.Teachers, lastLesson.GetValueOrDefault(s.Id), inactive.Contains(s.Id)))
            .OrderByDescending(s => s.Records).ThenBy(s => s.SchoolName, StringComparer.Ordinal).ToList();

        return new LabStatistics(query, perDaySubject.Sum(d => d.Count), weeksWithout, weeks, schoolRows, subjects)
        {
            TeachersWithRecords = teachers,
        };
    }

    /// <summary>
    /// The term whose roll-ups answer the range exactly: the range starts on the term's first day and reaches today or
    /// the term's end (a lesson date is never after today, circular 000 §三 via <see cref="LabRecordRules"/>).
    /// </summary>
    private static SchoolTerm? CoversTerm(StatisticsQuery query, DateOnly today)
    {
        var term = SchoolTerm.Containing(query.From);
        return query.From == term.Start && (query.To >= term.End || (query.To >= today && term.Contains(today))) ? term : null;
    }

    /// <summary>
    /// Counts per week from Monday to Sunday over the range, each with the number of its days inside the range and
    /// not after today: a first or last week cut short is marked partial rather than drawn as a drop.
    /// </summary>
    public static IReadOnlyList<WeekCount> BucketWeeks(DateOnly from, DateOnly to, DateOnly today, IEnumerable<(DateOnly Day, int Count)> perDay)
    {
        var perWeek = perDay.GroupBy(d => Weeks.MondayOf(d.Day)).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var last = to < today ? to : today;
        var weeks = new List<WeekCount>();
        for (var monday = Weeks.MondayOf(from); monday <= to; monday = monday.AddDays(7))
        {
            var start = monday < from ? from : monday;
            var end = monday.AddDays(6) < last ? monday.AddDays(6) : last;
            weeks.Add(new WeekCount(monday, perWeek.GetValueOrDefault(monday), Math.Max(0, end.DayNumber - start.DayNumber + 1)));
        }
        return weeks;
    }

    /// <summary>Records per teacher in the range, most first.</summary>
    public async Task<Result<IReadOnlyList<TeacherCount>>> TeachersAsync(Caller caller, StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        var all = await TeachersPageAsync(caller, query, 0, int.MaxValue, cancellationToken);
        if (!all.Succeeded)
        {
            return all.Error!;
        }
        return all.Value!.Rows.ToList();
    }

    /// <summary>
    /// One page of the per-teacher tab (most records first; ties by school) and the number of teachers: counted, ordered
    /// and paged in SQL over the term roll-up (or the range's records), naming only the page's teachers.
    /// </summary>
    public async Task<Result<TeacherCountPage>> TeachersPageAsync(Caller caller, StatisticsQuery query, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (Check(caller, query) is { } refusal)
        {
            return refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, caller, query.CountyId, cancellationToken);
        var perTeacher = scope.Tallied && CoversTerm(query, ChinaTime.Today(clock)) is { } term
            ? scope.Teachers.Where(t => t.TermStart == term.Start)
                .Select(t => new TeacherTally { TeacherId = t.TeacherId, SchoolId = t.SchoolId, Records = t.Records, Last = t.LastLessonDate })
            : scope.Shown.Where(r => r.LessonDate >= query.From && r.LessonDate <= query.To)
                .GroupBy(r => new { r.TeacherId, r.SchoolId })
                .Select(g => new TeacherTally { TeacherId = g.Key.TeacherId, SchoolId = g.Key.SchoolId, Records = g.Count(), Last = g.Max(r => r.LessonDate) });
        var total = pageSize == int.MaxValue ? -1 : await perTeacher.CountAsync(cancellationToken);
        // Ordered without the names (ties by school, then account), so SQL sorts the roll-up alone and only the page's
        // teachers are looked up by key.
        var ordered = perTeacher.OrderByDescending(t => t.Records).ThenBy(t => t.SchoolId).ThenBy(t => t.TeacherId);
        var read = pageSize == int.MaxValue
            ? await ordered.ToListAsync(cancellationToken)
            : await ordered.Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = read.Select(t => t.TeacherId).ToList();
        var accounts = db.Users.AsNoTracking().WithinJurisdiction(caller).Where(u => u.Level <= AdminLevel.School);
        // A page names its teachers by key; every teacher (the export) reads the accounts once rather than a list of 18,000 keys.
        if (pageSize != int.MaxValue)
        {
            accounts = accounts.Where(u => ids.Contains(u.Id));
        }
        var names = await accounts.Select(u => new { u.Id, u.RealName }).ToDictionaryAsync(u => u.Id, u => u.RealName, cancellationToken);
        var schoolNames = scope.Schools.ToDictionary(s => s.Id, s => s.Name);
        var list = read.Select(t => new TeacherCount(t.TeacherId, names.GetValueOrDefault(t.TeacherId) ?? DepartedName, schoolNames.GetValueOrDefault(t.SchoolId) ?? "",
            t.Records, t.Last)).ToList();
        return new TeacherCountPage(list, total < 0 ? list.Count : total);
    }

    /// <summary>The name shown for a teacher no longer in the caller's jurisdiction.</summary>
    private const string DepartedName = "（已调离）";

    private sealed class TeacherTally
    {
        public required string TeacherId { get; init; }
        public int SchoolId { get; init; }
        public int Records { get; init; }
        public DateOnly? Last { get; init; }
    }

    /// <summary>开出率 of every school in the subtree this term, per subject and grade the school teaches (the export's rows).</summary>
    public async Task<Result<IReadOnlyList<CoverageRow>>> CoverageAsync(Caller caller, int? countyId = null, CancellationToken cancellationToken = default)
    {
        var all = await CoveragePageAsync(caller, countyId, 0, int.MaxValue, cancellationToken);
        if (!all.Succeeded)
        {
            return all.Error!;
        }
        return all.Value!.Rows.ToList();
    }

    /// <summary>
    /// One page of the coverage tab (schools in tree order, then subject and grade) and the number of rows in all. The
    /// rows and their catalogue counts follow from the catalogue and the schools' stages alone (a few hundred entries),
    /// so only the page's schools' recorded experiments are read: a city term holds ~46,000 (school, experiment) rows.
    /// </summary>
    public async Task<Result<CoverageRowPage>> CoveragePageAsync(Caller caller, int? countyId, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以查看实验教学统计。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, caller, countyId, cancellationToken);
        var term = CurrentTerm;
        // The catalogue is small (hundreds of rows): the city's entries and those of the counties in the subtree.
        var catalogue = await db.LabExperiments.AsNoTracking().WithinJurisdiction(caller).Where(e => e.Active)
            .ToListAsync(cancellationToken);
        // Schools with the same stage and the same applying entries (the city's plus their county's) share their cells.
        var shapes = new Dictionary<(SchoolStage Stage, string Owners), (List<LabExperiment> Applying, int Cells)>();
        var layout = new List<(SchoolUnit School, List<LabExperiment> Applying, int First, int Cells)>(scope.Schools.Count);
        var total = 0;
        foreach (var school in scope.Schools)
        {
            var applying = catalogue.Where(e => e.AppliesTo(school.Path)).ToList();
            var key = (school.Stage, string.Join(',', applying.Select(e => e.OwnerPath).Distinct().Order(StringComparer.Ordinal)));
            if (!shapes.TryGetValue(key, out var shape))
            {
                shape = (applying, LabCoverage.Compute(applying, [], school.Stage.Grades()).Count);
                shapes[key] = shape;
            }
            layout.Add((school, shape.Applying, total, shape.Cells));
            total += shape.Cells;
        }
        var first = pageSize == int.MaxValue ? 0 : Math.Max(0, page) * pageSize;
        var last = pageSize == int.MaxValue ? total : Math.Min(total, first + pageSize);
        var onPage = layout.Where(s => s.Cells > 0 && s.First < last && s.First + s.Cells > first).ToList();
        var ids = onPage.Select(s => s.School.Id).ToList();
        var recordedBySchool = new Dictionary<int, List<int>>();
        if (onPage.Count > 0)
        {
            var experiments = scope.Tallied
                ? scope.Experiments.Where(t => t.TermStart == term.Start).Select(t => new { t.SchoolId, t.ExperimentId })
                : scope.Shown.Where(r => r.ExperimentId != null && r.LessonDate >= term.Start && r.LessonDate <= term.End)
                    .GroupBy(r => new { r.SchoolId, r.ExperimentId })
                    .Select(g => new { g.Key.SchoolId, ExperimentId = g.Key.ExperimentId!.Value });
            // A page names its few schools; every school (the export) reads the term's rows once.
            if (pageSize != int.MaxValue)
            {
                experiments = experiments.Where(t => ids.Contains(t.SchoolId));
            }
            recordedBySchool = (await experiments.ToListAsync(cancellationToken))
                .GroupBy(r => r.SchoolId).ToDictionary(g => g.Key, g => g.Select(r => r.ExperimentId).ToList());
        }
        var rows = new List<CoverageRow>();
        foreach (var (school, applying, start, _) in onPage)
        {
            var cells = LabCoverage.Compute(applying, recordedBySchool.GetValueOrDefault(school.Id) ?? [], school.Stage.Grades());
            rows.AddRange(cells.Select((c, i) => (Cell: c, Index: start + i)).Where(c => c.Index >= first && c.Index < last)
                .Select(c => new CoverageRow(school.Id, school.Name, c.Cell.Subject, c.Cell.Grade, c.Cell.CatalogueCount, c.Cell.CoveredCount)));
        }
        return new CoverageRowPage(rows, total);
    }

    private static Error? Check(Caller caller, StatisticsQuery query)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以查看实验教学统计。");
        }
        if (query.To < query.From)
        {
            return ValidationError.For("To", "结束日期不能早于开始日期");
        }
        return query.To.DayNumber - query.From.DayNumber > MaxRangeDays ? ValidationError.For("From", $"统计区间不能超过 {MaxRangeDays} 天") : null;
    }

    private sealed record SchoolUnit(int Id, string Name, string Path, SchoolStage Stage, string? CountyName);

    /// <summary>
    /// The caller's shown records and schools; for county and city callers (<see cref="Tallied"/>) also the roll-ups
    /// of the same subtree, kept current by every save of a record (<see cref="EduPortal.Data.LabRecords.LabTallyInterceptor"/>).
    /// </summary>
    private sealed record Scope(IQueryable<LabRecord> Shown, IReadOnlyList<SchoolUnit> Schools, bool Tallied,
        IQueryable<LabDayTally> Days, IQueryable<LabTeacherTermTally> Teachers, IQueryable<LabExperimentTermTally> Experiments);

    /// <summary>The caller's schools (optionally one county of them) and their shown records.</summary>
    private static async Task<Scope> ScopeAsync(EduPortalDbContext db, Caller caller, int? countyId, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School || o.Kind == OrgUnitKind.County)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path, o.Stage }).ToListAsync(cancellationToken);
        var counties = units.Where(u => u.Kind == OrgUnitKind.County).ToList();
        var schools = units.Where(u => u.Kind == OrgUnitKind.School).OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => new SchoolUnit(u.Id, u.Name, u.Path, u.Stage, counties.FirstOrDefault(c => u.Path.StartsWith(c.Path, StringComparison.Ordinal))?.Name))
            .ToList();
        var shown = db.LabRecords.AsNoTracking().WithinJurisdiction(caller).Where(r => r.Shown);
        var days = db.LabDayTallies.AsNoTracking().WithinJurisdiction(caller);
        var teachers = db.LabTeacherTermTallies.AsNoTracking().WithinJurisdiction(caller);
        var experiments = db.LabExperimentTermTallies.AsNoTracking().WithinJurisdiction(caller);
        if (countyId is { } id)
        {
            shown = shown.Where(r => r.CountyId == id);
            days = days.Where(t => t.CountyId == id);
            teachers = teachers.Where(t => t.CountyId == id);
            experiments = experiments.Where(t => t.CountyId == id);
            var county = counties.FirstOrDefault(c => c.Id == id);
            schools = county is null ? [] : schools.Where(s => s.Path.StartsWith(county.Path, StringComparison.Ordinal)).ToList();
        }
        return new Scope(shown, schools, caller.OrgKind is OrgUnitKind.City or OrgUnitKind.County, days, teachers, experiments);
    }

    public static byte[] ExportSchools(LabStatistics stats) => ExcelExport.Build("各校实验记录", [
        new ExcelColumn<SchoolActivity>("学校", s => s.SchoolName, 28),
        new("县区", s => s.CountyName, 12),
        new("实验记录数", s => s.Records, 12),
        new("记录教师数", s => s.Teachers, 12),
        new("最近一次实验课", s => s.LastLessonDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 16),
        new($"近{stats.InactiveWeeks}周无记录", s => s.Inactive ? "是" : "", 12),
    ], stats.Schools);

    public static byte[] ExportTeachers(IReadOnlyList<TeacherCount> teachers) => ExcelExport.Build("各教师实验记录", [
        new ExcelColumn<TeacherCount>("教师", t => t.TeacherName, 12),
        new("学校", t => t.SchoolName, 28),
        new("实验记录数", t => t.Records, 12),
        new("最近一次实验课", t => t.LastLessonDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 16),
    ], teachers);

    public static byte[] ExportWeeks(LabStatistics stats) => ExcelExport.Build("每周实验记录", [
        new ExcelColumn<WeekCount>("周（周一）", w => w.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 14),
        new("实验记录数", w => w.Records, 12),
        new("统计天数", w => w.Days, 10),
        new("说明", w => w.IsPartial ? "不完整周" : "", 12),
    ], stats.Weeks);

    public static byte[] ExportSubjects(LabStatistics stats) => ExcelExport.Build("各学科实验记录", [
        new ExcelColumn<SubjectCount>("学科", s => s.Subject.DisplayName(), 12),
        new("实验记录数", s => s.Records, 12),
    ], stats.Subjects);

    public static byte[] ExportCoverage(IReadOnlyList<CoverageRow> coverage) => ExcelExport.Build("实验开出率", [
        new ExcelColumn<CoverageRow>("学校", c => c.SchoolName, 28),
        new("学科", c => c.Subject.DisplayName(), 10),
        new("年级", c => SchoolClass.GradeName(c.Grade), 10),
        new("目录实验数", c => c.CatalogueCount, 12),
        new("已开出", c => c.CoveredCount, 10),
        new("开出率", c => c.Rate is { } r ? Math.Round(r * 100, 1) : null, 10),
    ], coverage);
}
