using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.Points;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

/// <summary>One line of 积分明细: what happened, when, and what it earned (with the reason for 0 or partial points).</summary>
public sealed record PointDetailRow(long EventId, DateTimeOffset OccurredAt, string TypeName, string CategoryName, string Source, int? Quantity, int Points, string? Reason);

public sealed record RankPosition(int? Rank, int Of);

public sealed record MyPoints(
    int Year, string SchoolName, int Total, int[] ByCategory, RankPosition School, RankPosition County, RankPosition City,
    decimal Hours, int PointsPerHour, int TodayPoints, IReadOnlyList<PointDetailRow> Details);

public sealed record TeacherPointsRow(
    int Rank, string TeacherId, string RealName, int SchoolId, string SchoolName, string CountyName, EmploymentStatus Employment, int Total, int[] ByCategory)
{
    public bool CountsInIndex => Employment == EmploymentStatus.Serving;
}

public sealed record SchoolIndexRow(int? Rank, int SchoolId, string SchoolName, string CountyName, int ActiveTeachers, int ActivePoints, decimal? Index)
{
    public string IndexText => PointIndex.Format(Index);
}

public sealed record WeekPoints(DateOnly WeekStart, int Points);

/// <param name="IncludeWeeks">The weekly trend reads every award of the period: only when the trend is shown.</param>
public sealed record RankingQuery(int Year, DateOnly? From = null, DateOnly? To = null, int? OrgUnitId = null, bool IncludeWeeks = false);

public sealed record Rankings(string ScopeName, string PeriodText, IReadOnlyList<SchoolIndexRow> Schools, IReadOnlyList<TeacherPointsRow> Teachers, IReadOnlyList<WeekPoints> Weeks);

public sealed record SchoolPoints(int SchoolId, string SchoolName, int Year, SchoolIndexRow Index, RankPosition CountyRank, RankPosition CityRank, IReadOnlyList<TeacherPointsRow> Teachers);

/// <summary>The read side of the index: a teacher's own points, a school's teachers, county and city rankings, and their exports.</summary>
public sealed class PointQueryService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>我的积分: the caller's own total, ranks, categories, hours and every line with its reason.</summary>
    public async Task<Result<MyPoints>> MyPointsAsync(Caller caller, int year, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School || caller.Level > AdminLevel.School)
        {
            return new ForbiddenError("深度应用指数只统计学校教师的积分。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await PointRuleSets.LoadAsync(db, year, cancellationToken);
        var total = await db.PointTeacherTotals.AsNoTracking().SingleOrDefaultAsync(t => t.TeacherId == caller.UserId && t.Year == year, cancellationToken)
            ?? new PointTeacherTotal { TeacherId = caller.UserId, Year = year };
        var paths = OrgUnit.AncestorPaths(caller.OrgPath);
        var details = await (
                from a in db.PointAwards.AsNoTracking().OwnedBy(caller)
                where a.Year == year
                join e in db.PointEvents.AsNoTracking() on a.EventId equals e.Id
                select new { e.Id, e.OccurredAt, e.Type, e.Source, e.Quantity, a.Points, a.Reason })
            .ToListAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var platforms = await db.PointApiKeys.AsNoTracking().Select(k => new { k.Source, k.PlatformName }).ToListAsync(cancellationToken);
        var platformNames = platforms.GroupBy(k => k.Source).ToDictionary(g => g.Key, g => g.First().PlatformName, StringComparer.Ordinal);
        var rows = details.OrderByDescending(d => d.OccurredAt).ThenByDescending(d => d.Id).Select(d =>
        {
            var rule = rules.Find(d.Type);
            return new PointDetailRow(d.Id, d.OccurredAt, rule?.Name ?? d.Type, rule?.Category.DisplayName() ?? "—", SourceName(d.Source, platformNames), d.Quantity, d.Points, d.Reason);
        }).ToList();
        var todayPoints = rows.Where(r => PointEngine.ChinaDay(r.OccurredAt) == today).Sum(r => r.Points);
        // One read of the city's serving teachers and their totals gives all three ranks (cheaper than three counts).
        var city = await (
                from u in db.Users.AsNoTracking().PointTeachers().Serving()
                where u.OrgUnit!.Path.StartsWith(paths[0])
                join t in db.PointTeacherTotals.Where(t => t.Year == year) on u.Id equals t.TeacherId into totals
                from t in totals.DefaultIfEmpty()
                select new { u.Id, u.OrgUnit!.Path, Total = t == null ? 0 : t.Total })
            .ToListAsync(cancellationToken);
        var serving = city.Any(c => c.Id == caller.UserId);
        RankPosition RankIn(string scope)
        {
            var inScope = city.Where(c => c.Path.StartsWith(scope, StringComparison.Ordinal)).ToList();
            return new RankPosition(serving ? inScope.Count(c => c.Total > total.Total) + 1 : null, inScope.Count);
        }
        return new MyPoints(year, caller.OrgUnitName, total.Total, total.ByCategory,
            RankIn(caller.OrgPath), RankIn(paths.Count > 1 ? paths[1] : paths[0]), RankIn(paths[0]),
            rules.Hours(total.Total), rules.PointsPerHour, todayPoints, rows);
    }

    public static string SourceName(string source, IReadOnlyDictionary<string, string> platformNames) => source switch
    {
        PointSources.Portal => "本平台",
        _ when source.StartsWith(PointSources.ImportPrefix, StringComparison.Ordinal) => "表格导入",
        _ => platformNames.GetValueOrDefault(source, source),
    };

    /// <summary>A school's teachers with their points (all of them; retired and departed marked and left out of the index).</summary>
    public async Task<Result<SchoolPoints>> SchoolAsync(Caller caller, int schoolId, int year, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以查看学校积分。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School, cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        var paths = OrgUnit.AncestorPaths(school.Path);
        var countyPath = paths.Count > 1 ? paths[1] : paths[0];
        // A school's rank among the county's and the city's schools is public (circular 001 附件2 §一(二): the
        // portal shows every school's index), so it is computed city-wide from two aggregates; only this
        // school's teachers are listed.
        var serving = db.Users.AsNoTracking().PointTeachers().Serving().Where(u => u.OrgUnit!.Path.StartsWith(paths[0]));
        var counts = await serving.GroupBy(u => u.OrgUnitId).Select(g => new { SchoolId = g.Key, Teachers = g.Count() }).ToListAsync(cancellationToken);
        var sums = await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year).Join(serving, t => t.TeacherId, u => u.Id, (t, u) => new { u.OrgUnitId, t.Total })
            .GroupBy(x => x.OrgUnitId).Select(g => new { SchoolId = g.Key, Points = g.Sum(x => x.Total) }).ToListAsync(cancellationToken);
        var schoolPaths = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(paths[0]))
            .Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        var pointsBySchool = sums.ToDictionary(x => x.SchoolId, x => x.Points);
        var indexes = counts.Select(c => new { c.SchoolId, c.Teachers, Points = pointsBySchool.GetValueOrDefault(c.SchoolId), Index = PointIndex.SchoolIndex(pointsBySchool.GetValueOrDefault(c.SchoolId), c.Teachers) })
            .ToDictionary(x => x.SchoolId);
        var countySchools = schoolPaths.Where(p => p.Path.StartsWith(countyPath, StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
        var own = indexes.GetValueOrDefault(school.Id);
        RankPosition RankAmong(Func<int, bool> inScope)
        {
            var scoped = indexes.Values.Where(x => inScope(x.SchoolId) && x.Index is not null).ToList();
            return new RankPosition(own?.Index is { } mine ? scoped.Count(x => x.Index > mine) + 1 : null, scoped.Count);
        }
        var countyRank = RankAmong(countySchools.Contains);
        var cityRank = RankAmong(_ => true);
        var countyName = await db.OrgUnits.AsNoTracking().Where(o => o.Path == countyPath).Select(o => o.Name).SingleAsync(cancellationToken);
        var index = new SchoolIndexRow(cityRank.Rank, school.Id, school.Name, countyName, own?.Teachers ?? 0, own?.Points ?? 0, own?.Index);

        var teachers = await db.Users.AsNoTracking().PointTeachers().Where(u => u.OrgUnitId == school.Id)
            .Select(u => new { u.Id, u.RealName, u.Employment }).ToListAsync(cancellationToken);
        var ids = teachers.Select(t => t.Id).ToList();
        var totals = await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year && ids.Contains(t.TeacherId)).ToDictionaryAsync(t => t.TeacherId, cancellationToken);
        var rows = teachers.Select(t => totals.TryGetValue(t.Id, out var total)
            ? new TeacherPointsRow(0, t.Id, t.RealName, school.Id, school.Name, countyName, t.Employment, total.Total, total.ByCategory)
            : new TeacherPointsRow(0, t.Id, t.RealName, school.Id, school.Name, countyName, t.Employment, 0, new int[PointCategories.All.Count])).ToList();
        var ranked = RankTeachers(rows.Where(t => t.CountsInIndex).ToList());
        var others = rows.Where(t => !t.CountsInIndex).OrderBy(t => t.RealName, StringComparer.Ordinal);
        return new SchoolPoints(school.Id, school.Name, year, index, countyRank, cityRank, [.. ranked, .. others]);
    }

    /// <summary>School index and teacher rankings of the caller's county or city (or one county of the city), for a year or a date range.</summary>
    public async Task<Result<Rankings>> RankingsAsync(Caller caller, RankingQuery query, CancellationToken cancellationToken = default)
    {
        if (caller.Level < AdminLevel.County)
        {
            return new ForbiddenError("只有县级及以上管理员可以查看排名。");
        }
        if (query.From is { } from && query.To is { } to && from > to)
        {
            return ValidationError.For("To", "结束日期不能早于开始日期");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scopePath = caller.OrgPath;
        if (query.OrgUnitId is { } unitId)
        {
            var unit = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == unitId, cancellationToken);
            if (unit is null)
            {
                return new NotFoundError();
            }
            scopePath = unit.Path;
        }
        return (await ComputeAsync(db, caller, scopePath, query, query.IncludeWeeks, cancellationToken)).Rankings;
    }

    private async Task<(Rankings Rankings, IReadOnlyList<TeacherPointsRow> AllTeachers)> ComputeAsync(EduPortalDbContext db, Caller caller, string scopePath, RankingQuery query, bool includeWeeks, CancellationToken cancellationToken)
    {
        var rules = await PointRuleSets.LoadAsync(db, query.Year, cancellationToken);
        var scopeName = await db.OrgUnits.AsNoTracking().Where(o => o.Path == scopePath).Select(o => o.Name).SingleAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Path.StartsWith(scopePath) && (o.Kind == OrgUnitKind.School || o.Kind == OrgUnitKind.County))
            .Select(o => new { o.Id, o.Name, o.Path, o.Kind }).ToListAsync(cancellationToken);
        var counties = units.Where(u => u.Kind == OrgUnitKind.County).ToDictionary(u => u.Path, u => u.Name);
        if (counties.Count == 0)
        {
            // A county admin's scope: its own county is the scope itself.
            var countyPath = OrgUnit.AncestorPaths(scopePath) is { Count: > 1 } p ? p[1] : scopePath;
            counties[countyPath] = await db.OrgUnits.AsNoTracking().Where(o => o.Path == countyPath).Select(o => o.Name).SingleAsync(cancellationToken);
        }
        string CountyOf(string path) => OrgUnit.AncestorPaths(path) is { Count: > 1 } p && counties.TryGetValue(p[1], out var name) ? name : "";
        var schools = units.Where(u => u.Kind == OrgUnitKind.School).ToDictionary(u => u.Id);
        var teachers = await db.Users.AsNoTracking().PointTeachersWithin(caller).Where(u => u.OrgUnit!.Path.StartsWith(scopePath))
            .Select(u => new { u.Id, u.RealName, u.OrgUnitId, u.Employment }).ToListAsync(cancellationToken);

        Dictionary<string, (int Total, int[] ByCategory)> points;
        string periodText;
        var inRange = query.From is not null || query.To is not null;
        if (!inRange)
        {
            periodText = $"{query.Year}年度";
            var totals = await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == query.Year).ToListAsync(cancellationToken);
            points = totals.ToDictionary(t => t.TeacherId, t => (t.Total, t.ByCategory), StringComparer.Ordinal);
        }
        else
        {
            var from = query.From ?? rules.StartDate;
            var to = query.To ?? rules.EndDateExclusive.AddDays(-1);
            periodText = $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}";
            var sums = await db.PointAwards.AsNoTracking().Where(a => a.Year == query.Year && a.Day >= from && a.Day <= to)
                .GroupBy(a => a.TeacherId).Select(g => new { TeacherId = g.Key, Total = g.Sum(a => a.Points) }).ToListAsync(cancellationToken);
            points = sums.ToDictionary(s => s.TeacherId, s => (s.Total, Array.Empty<int>()), StringComparer.Ordinal);
        }

        var teacherRows = teachers.Select(t =>
        {
            var school = schools[t.OrgUnitId];
            var (total, byCategory) = points.TryGetValue(t.Id, out var p) ? p : (0, new int[PointCategories.All.Count]);
            return new TeacherPointsRow(0, t.Id, t.RealName, school.Id, school.Name, CountyOf(school.Path), t.Employment, total,
                byCategory.Length == 0 ? new int[PointCategories.All.Count] : byCategory);
        }).ToList();
        var servingBySchool = teachers.Where(t => t.Employment == EmploymentStatus.Serving).ToLookup(t => t.OrgUnitId);
        var schoolRows = schools.Values.Select(s =>
        {
            var active = servingBySchool[s.Id].ToList();
            var sum = active.Sum(t => points.TryGetValue(t.Id, out var p) ? p.Total : 0);
            return new SchoolIndexRow(null, s.Id, s.Name, CountyOf(s.Path), active.Count, sum, PointIndex.SchoolIndex(sum, active.Count));
        }).ToList();

        IReadOnlyList<WeekPoints> weeks = [];
        if (includeWeeks)
        {
            var from = query.From ?? rules.StartDate;
            var to = query.To ?? rules.EndDateExclusive.AddDays(-1);
            var wholeCity = scopePath == OrgUnit.AncestorPaths(scopePath)[0];
            var ids = teachers.Select(t => t.Id).ToList();
            if (!inRange)
            {
                // The year's trend reads the weekly rollup (about 52 rows a teacher), not every award. A county's
                // rows are fetched by teacher (the primary key's prefix) and summed here: with the year in the
                // SQL, SQLite prefers the (year, week) index and scans the whole city's rollup instead.
                if (wholeCity)
                {
                    weeks = (await db.PointTeacherWeeks.AsNoTracking().Where(w => w.Year == query.Year)
                            .GroupBy(w => w.WeekStart).Select(g => new { Week = g.Key, Points = g.Sum(w => w.Points) }).ToListAsync(cancellationToken))
                        .OrderBy(w => w.Week).Select(w => new WeekPoints(w.Week, w.Points)).ToList();
                }
                else
                {
                    var sums = new SortedDictionary<DateOnly, int>();
                    foreach (var chunk in ids.Chunk(1000))
                    {
                        foreach (var w in await db.PointTeacherWeeks.AsNoTracking().Where(w => chunk.Contains(w.TeacherId))
                            .Select(w => new { w.Year, w.WeekStart, w.Points }).ToListAsync(cancellationToken))
                        {
                            if (w.Year == query.Year)
                            {
                                sums[w.WeekStart] = sums.GetValueOrDefault(w.WeekStart) + w.Points;
                            }
                        }
                    }
                    weeks = sums.Select(p => new WeekPoints(p.Key, p.Value)).ToList();
                }
            }
            else
            {
                var awards = db.PointAwards.AsNoTracking().Where(a => a.Year == query.Year && a.Day >= from && a.Day <= to);
                if (!wholeCity)
                {
                    awards = awards.Where(a => ids.Contains(a.TeacherId));
                }
                var days = await awards.GroupBy(a => a.Day).Select(g => new { Day = g.Key, Points = g.Sum(a => a.Points) }).ToListAsync(cancellationToken);
                weeks = days.GroupBy(d => PointEngine.WeekStart(d.Day)).OrderBy(g => g.Key).Select(g => new WeekPoints(g.Key, g.Sum(d => d.Points))).ToList();
            }
        }
        return (new Rankings(scopeName, periodText, RankSchools(schoolRows), RankTeachers(teacherRows.Where(t => t.CountsInIndex).ToList()), weeks), teacherRows);
    }

    /// <summary>Schools by index, highest first; schools without active teachers ("—") last and unranked.</summary>
    private static List<SchoolIndexRow> RankSchools(IReadOnlyList<SchoolIndexRow> rows)
    {
        var ranked = rows.Where(r => r.Index is not null).OrderByDescending(r => r.Index).ThenBy(r => r.SchoolName, StringComparer.Ordinal).ToList();
        var ranks = PointIndex.CompetitionRanks(ranked.Select(r => r.Index!.Value).ToList());
        return ranked.Select((r, i) => r with { Rank = ranks[i] })
            .Concat(rows.Where(r => r.Index is null).OrderBy(r => r.SchoolName, StringComparer.Ordinal).Select(r => r with { Rank = null }))
            .ToList();
    }

    private static List<TeacherPointsRow> RankTeachers(IReadOnlyList<TeacherPointsRow> rows)
    {
        var ordered = rows.OrderByDescending(r => r.Total).ThenBy(r => r.SchoolName, StringComparer.Ordinal).ThenBy(r => r.RealName, StringComparer.Ordinal)
            .ThenBy(r => r.TeacherId, StringComparer.Ordinal).ToList();
        var ranks = PointIndex.CompetitionRanks(ordered.Select(r => (decimal)r.Total).ToList());
        return ordered.Select((r, i) => r with { Rank = ranks[i] }).ToList();
    }

    public static byte[] ExportSchools(Rankings rankings) => ExcelExport.Build("学校深度应用指数",
    [
        new ExcelColumn<SchoolIndexRow>("排名", r => r.Rank is { } rank ? rank : "—", 8),
        new ExcelColumn<SchoolIndexRow>("学校", r => r.SchoolName, 28),
        new ExcelColumn<SchoolIndexRow>("所属区县", r => r.CountyName, 16),
        new ExcelColumn<SchoolIndexRow>("在职教师数", r => r.ActiveTeachers, 12),
        new ExcelColumn<SchoolIndexRow>("教师积分总和", r => r.ActivePoints, 14),
        new ExcelColumn<SchoolIndexRow>("学校深度应用指数", r => r.Index is { } index ? index : "—", 18),
    ], rankings.Schools);

    public static byte[] ExportTeachers(IReadOnlyList<TeacherPointsRow> rows, string sheetName) => ExcelExport.Build(sheetName,
    [
        new ExcelColumn<TeacherPointsRow>("排名", r => r.Rank, 8),
        new ExcelColumn<TeacherPointsRow>("姓名", r => r.RealName, 12),
        new ExcelColumn<TeacherPointsRow>("学校", r => r.SchoolName, 28),
        new ExcelColumn<TeacherPointsRow>("所属区县", r => r.CountyName, 16),
        new ExcelColumn<TeacherPointsRow>("在职状态", r => r.Employment.DisplayName(), 10),
        new ExcelColumn<TeacherPointsRow>("积分", r => r.Total, 10),
        .. PointCategories.All.Select(c => new ExcelColumn<TeacherPointsRow>(c.DisplayName(), r => r.ByCategory[(int)c], 10)),
    ], rows);
}
