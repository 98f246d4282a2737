using EduPortal.Data;
using EduPortal.Data.Accounts;
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

public sealed record SchoolIndexRow(int? Rank, int SchoolId, string SchoolName, string CountyName, int ActiveTeachers, int ActivePoints, decimal? Index, bool IsVocational = false)
{
    public string IndexText => PointIndex.Format(Index);
}

/// <summary>A county's index: its schools' serving teachers' points ÷ their number (the school index's formula one level up).</summary>
public sealed record CountyIndexRow(int? Rank, int CountyId, string CountyName, int Schools, int ActiveTeachers, int ActivePoints, decimal? Index)
{
    public string IndexText => PointIndex.Format(Index);
}

public sealed record WeekPoints(DateOnly WeekStart, int Points, bool IsPartial = false);

/// <param name="IncludeWeeks">The weekly trend reads the weekly or daily roll-up of the period: only when the trend is shown.</param>
/// <param name="Category">各指标排行: rank by one category's points instead of the total.</param>
/// <param name="ExcludeVocational">The award rankings (评优口径) leave vocational schools and their teachers out (circular 001 §四(三)3: 不含职校).</param>
/// <param name="IncludeTeachers">Every named teacher in <see cref="Rankings.Teachers"/> (exports, the bulletin); the page reads them a page at a time instead.</param>
public sealed record RankingQuery(int Year, DateOnly? From = null, DateOnly? To = null, int? OrgUnitId = null, bool IncludeWeeks = false,
    PointCategory? Category = null, bool ExcludeVocational = false, bool IncludeTeachers = true);

/// <summary>One page of the rankings' teacher list and the number of teachers listed.</summary>
public sealed record TeacherRankingPage(IReadOnlyList<TeacherPointsRow> Rows, int Count);

/// <param name="Teachers">Named teachers: only those the caller administers (empty for a teacher).</param>
/// <param name="HasPoints">False when nobody in the scope earned a point in the period: nothing is ranked then.</param>
public sealed record Rankings(string ScopeName, string PeriodText, IReadOnlyList<SchoolIndexRow> Schools, IReadOnlyList<TeacherPointsRow> Teachers, IReadOnlyList<WeekPoints> Weeks)
{
    public IReadOnlyList<CountyIndexRow> Counties { get; init; } = [];
    public bool HasPoints { get; init; } = true;
    public bool ShowsTeachers { get; init; }
    public PointCategory? Category { get; init; }
    public bool ExcludesVocational { get; init; }
    public int Year { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    public IReadOnlyDictionary<int, string> SchoolPaths { get; init; } = new Dictionary<int, string>();

    /// <summary>What is ranked, e.g. "按教学应用积分排名 · 不含职校".</summary>
    public string BasisText => string.Join(" · ", new[]
    {
        Category is { } c ? $"按{c.DisplayName()}积分排名" : "按总积分排名",
        ExcludesVocational ? "评优口径，不含职校" : null,
    }.Where(t => t is not null));

    /// <summary>The line at the top of every export: scope, period, basis and when it was made (北京时间).</summary>
    public string Caption => $"{ScopeName} · {PeriodText} · {BasisText} · 导出时间 {ChinaTime.Format(GeneratedAt)}（北京时间）";

    /// <summary>File names carry the period and the time the file was made, e.g. 学校深度应用指数_东溪区教育局_2026-03-01至2026-03-31_20261129-2040.xlsx.</summary>
    public string FileName(string kind) => PointQueryService.FileName(kind, ScopeName, Year, From, To, GeneratedAt,
        (Category is { } c ? c.DisplayName() : "") + (ExcludesVocational ? "不含职校" : ""));
}

public sealed record SchoolPoints(int SchoolId, string SchoolName, int Year, SchoolIndexRow Index, RankPosition CountyRank, RankPosition CityRank, IReadOnlyList<TeacherPointsRow> Teachers)
{
    public DateTimeOffset GeneratedAt { get; init; }
    public string Caption => $"{SchoolName} · {Year}年度 · 导出时间 {ChinaTime.Format(GeneratedAt)}（北京时间）";
    public string FileName => PointQueryService.FileName("教师积分", SchoolName, Year, null, null, GeneratedAt, "");
}

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
        var total = await db.PointTeacherTotals.AsNoTracking().OwnedBy(caller).SingleOrDefaultAsync(t => t.Year == year, cancellationToken)
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
        // One grouped read gives all three ranks: per school of the city, its serving teachers, how many have more
        // points than the caller and how many have any (a few hundred rows, not a row a teacher); the schools of the
        // caller's county come from the units, not a path per teacher.
        var countyPath = paths.Count > 1 ? paths[1] : paths[0];
        var mine = total.Total;
        var bySchool = await (
                from u in db.Users.AsNoTracking().PointEarnersUnder(paths[0]).Serving()
                join t in db.PointTeacherTotals.Where(t => t.Year == year) on u.Id equals t.TeacherId into totals
                from t in totals.DefaultIfEmpty()
                group (int?)t!.Total ?? 0 by u.OrgUnitId into g
                select new { SchoolId = g.Key, Teachers = g.Count(), Above = g.Sum(p => p > mine ? 1 : 0), Earning = g.Sum(p => p > 0 ? 1 : 0) })
            .ToListAsync(cancellationToken);
        var countySchools = (await db.OrgUnits.AsNoTracking().UnderRankingScope(countyPath).Where(o => o.Kind == OrgUnitKind.School)
            .Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        var serving = await db.Users.AsNoTracking().PointEarners().Serving().AnyAsync(u => u.Id == caller.UserId, cancellationToken);
        RankPosition RankIn(Func<int, bool> inScope)
        {
            var inScopeRows = bySchool.Where(c => inScope(c.SchoolId)).ToList();
            // Nobody has a point yet (a new year): no one is 第1名.
            var anyPoints = inScopeRows.Any(c => c.Earning > 0);
            return new RankPosition(serving && anyPoints ? inScopeRows.Sum(c => c.Above) + 1 : null, inScopeRows.Sum(c => c.Teachers));
        }
        return new MyPoints(year, caller.OrgUnitName, total.Total, total.ByCategory,
            RankIn(id => id == caller.OrgUnitId), RankIn(countySchools.Contains), RankIn(_ => true),
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
        // portal shows every school's index), so it is computed city-wide from one aggregate; only this
        // school's teachers are listed.
        var serving = db.Users.AsNoTracking().PointEarnersUnder(paths[0]).Serving();
        // One aggregate: each school's serving teachers and the sum of their totals (the totals joined by their key).
        var counts = await (from u in serving
                            join t in db.PointTeacherTotals.Where(t => t.Year == year) on u.Id equals t.TeacherId into yearTotals
                            from t in yearTotals.DefaultIfEmpty()
                            group t == null ? 0 : t.Total by u.OrgUnitId into g
                            select new { SchoolId = g.Key, Teachers = g.Count(), Points = g.Sum() }).ToListAsync(cancellationToken);
        var schoolPaths = await db.OrgUnits.AsNoTracking().UnderRankingScope(paths[0]).Where(o => o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        var pointsBySchool = counts.ToDictionary(x => x.SchoolId, x => x.Points);
        var indexes = counts.Select(c => new { c.SchoolId, c.Teachers, Points = pointsBySchool.GetValueOrDefault(c.SchoolId), Index = PointIndex.SchoolIndex(pointsBySchool.GetValueOrDefault(c.SchoolId), c.Teachers) })
            .ToDictionary(x => x.SchoolId);
        var countySchools = schoolPaths.Where(p => p.Path.StartsWith(countyPath, StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
        var own = indexes.GetValueOrDefault(school.Id);
        RankPosition RankAmong(Func<int, bool> inScope)
        {
            var scoped = indexes.Values.Where(x => inScope(x.SchoolId) && x.Index is not null).ToList();
            // A year without points ranks nobody (not every school 第1名 at 0.00).
            var anyPoints = scoped.Any(x => x.Index > 0);
            return new RankPosition(anyPoints && own?.Index is { } mine ? scoped.Count(x => x.Index > mine) + 1 : null, scoped.Count);
        }
        var countyRank = RankAmong(countySchools.Contains);
        var cityRank = RankAmong(_ => true);
        var countyName = await db.OrgUnits.AsNoTracking().Where(o => o.Path == countyPath).Select(o => o.Name).SingleAsync(cancellationToken);
        var index = new SchoolIndexRow(cityRank.Rank, school.Id, school.Name, countyName, own?.Teachers ?? 0, own?.Points ?? 0, own?.Index, school.IsVocational);

        var teachers = await db.Users.AsNoTracking().PointEarners().Where(u => u.OrgUnitId == school.Id)
            .Select(u => new { u.Id, u.RealName, u.Employment }).ToListAsync(cancellationToken);
        var ids = teachers.Select(t => t.Id).ToList();
        var totals = await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year && ids.Contains(t.TeacherId)).ToDictionaryAsync(t => t.TeacherId, cancellationToken);
        var rows = teachers.Select(t => totals.TryGetValue(t.Id, out var total)
            ? new TeacherPointsRow(0, t.Id, t.RealName, school.Id, school.Name, countyName, t.Employment, total.Total, total.ByCategory)
            : new TeacherPointsRow(0, t.Id, t.RealName, school.Id, school.Name, countyName, t.Employment, 0, new int[PointCategories.All.Count])).ToList();
        var ranked = RankTeachers(rows.Where(t => t.CountsInIndex).ToList());
        var others = rows.Where(t => !t.CountsInIndex).OrderBy(t => t.RealName, StringComparer.Ordinal);
        return new SchoolPoints(school.Id, school.Name, year, index, countyRank, cityRank, [.. ranked, .. others]) { GeneratedAt = clock.GetUtcNow() };
    }

    /// <summary>
    /// School and county rankings of the city or one county (every signed-in user: the portal shows every school's and
    /// district's index, circular 001 附件2 §一(二) 全市各区、学校的深度应用指数排行), for a year or a date range, by the
    /// total or one category (各指标排行). Named teachers are listed only for the admins over them.
    /// </summary>
    public async Task<Result<Rankings>> RankingsAsync(Caller caller, RankingQuery query, CancellationToken cancellationToken = default)
    {
        if (query.From is { } from && query.To is { } to && from > to)
        {
            return ValidationError.For("To", "结束日期不能早于开始日期");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopePathAsync(db, caller, query, cancellationToken);
        if (!scope.Succeeded)
        {
            return scope.Error!;
        }
        return await ComputeAsync(db, caller, scope.Value!, query, query.IncludeWeeks, cancellationToken);
    }

    /// <summary>The city's counties, for the rankings' county picker (public like the rankings).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CountiesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OrgUnits.AsNoTracking().UnderRankingScope(caller.RankingCityPath()).Where(o => o.Kind == OrgUnitKind.County)
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>Named teachers: only for admins, only those in their own jurisdiction (the scope and the caller's subtree nest).</summary>
    private static bool ShowsTeachers(Caller caller, string scopePath) =>
        caller.IsAdmin && (scopePath.StartsWith(caller.OrgPath, StringComparison.Ordinal) || caller.OrgPath.StartsWith(scopePath, StringComparison.Ordinal));

    /// <summary>The ranking's scope: the caller's county for a county admin, else the city; or the county or city picked.</summary>
    private static async Task<Result<string>> ScopePathAsync(EduPortalDbContext db, Caller caller, RankingQuery query, CancellationToken cancellationToken)
    {
        var cityPath = caller.RankingCityPath();
        // A county admin starts in their county; everyone else in the whole city.
        var scopePath = caller.Level == AdminLevel.County ? caller.OrgPath : cityPath;
        if (query.OrgUnitId is { } unitId)
        {
            var unit = await db.OrgUnits.AsNoTracking().UnderRankingScope(cityPath)
                .SingleOrDefaultAsync(o => o.Id == unitId && (o.Kind == OrgUnitKind.County || o.Kind == OrgUnitKind.City), cancellationToken);
            if (unit is null)
            {
                return new NotFoundError();
            }
            scopePath = unit.Path;
        }
        return scopePath;
    }

    private async Task<Rankings> ComputeAsync(EduPortalDbContext db, Caller caller, string scopePath, RankingQuery query, bool includeWeeks, CancellationToken cancellationToken)
    {
        var rules = await PointRuleSets.LoadAsync(db, query.Year, cancellationToken);
        var scopeName = await db.OrgUnits.AsNoTracking().Where(o => o.Path == scopePath).Select(o => o.Name).SingleAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().UnderRankingScope(scopePath).Where(o => o.Kind == OrgUnitKind.School || o.Kind == OrgUnitKind.County)
            .Select(o => new { o.Id, o.Name, o.Path, o.Kind, o.IsVocational }).ToListAsync(cancellationToken);
        var counties = units.Where(u => u.Kind == OrgUnitKind.County).ToDictionary(u => u.Path, u => (u.Id, u.Name));
        if (counties.Count == 0)
        {
            // A county's scope: the county is the scope itself.
            var countyPath = OrgUnit.AncestorPaths(scopePath) is { Count: > 1 } p ? p[1] : scopePath;
            counties[countyPath] = await db.OrgUnits.AsNoTracking().Where(o => o.Path == countyPath).Select(o => ValueTuple.Create(o.Id, o.Name)).SingleAsync(cancellationToken);
        }
        string? CountyPathOf(string path) => OrgUnit.AncestorPaths(path) is { Count: > 1 } p && counties.ContainsKey(p[1]) ? p[1] : null;
        string CountyOf(string path) => CountyPathOf(path) is { } county ? counties[county].Name : "";
        // circular 001 §四(三)3: the award rankings are among 中小学校（不含职校）.
        var schools = units.Where(u => u.Kind == OrgUnitKind.School && !(query.ExcludeVocational && u.IsVocational)).ToDictionary(u => u.Id);
        var showsTeachers = ShowsTeachers(caller, scopePath);
        var inRange = query.From is not null || query.To is not null;
        var first = query.From ?? rules.StartDate;
        var last = query.To ?? rules.EndDateExclusive.AddDays(-1);
        var periodText = inRange ? $"{first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}" : $"{query.Year}年度";
        var period = PeriodPointsQuery(db, rules, query);

        // One grouped read (a few hundred rows): each school's serving teachers, the sum of the measure ranked (the total
        // or one category) and how many earned any — over the totals or the month/day roll-ups, no teacher row loaded.
        var bySchool = (await (from r in RankedTeachers(db, scopePath, scopePath, query, period)
                               group r by r.SchoolId into g
                               select new { SchoolId = g.Key, Teachers = g.Count(), Points = g.Sum(r => r.Value), Earning = g.Sum(r => r.Value != 0 ? 1 : 0) })
                .ToListAsync(cancellationToken)).ToDictionary(x => x.SchoolId);
        var schoolRows = schools.Values.Select(s =>
        {
            var own = bySchool.GetValueOrDefault(s.Id);
            var (count, sum) = own is null ? (0, 0) : (own.Teachers, own.Points);
            return new SchoolIndexRow(null, s.Id, s.Name, CountyOf(s.Path), count, sum, PointIndex.SchoolIndex(sum, count), s.IsVocational);
        }).ToList();
        var countyRows = counties.Select(county =>
        {
            var inCounty = schoolRows.Where(s => schools[s.SchoolId].Path.StartsWith(county.Key, StringComparison.Ordinal)).ToList();
            var (count, sum) = (inCounty.Sum(s => s.ActiveTeachers), inCounty.Sum(s => s.ActivePoints));
            return new CountyIndexRow(null, county.Value.Id, county.Value.Name, inCounty.Count, count, sum, PointIndex.SchoolIndex(sum, count));
        }).ToList();
        var hasPoints = bySchool.Values.Any(s => s.Earning > 0 && schools.ContainsKey(s.SchoolId));

        // The page lists its teachers a page at a time (TeachersPageAsync); exports and the bulletin ask for all of them.
        var teacherRows = showsTeachers && hasPoints && query.IncludeTeachers
            ? (await TeacherPageAsync(db, caller, scopePath, query, period, 0, int.MaxValue, cancellationToken)).Rows
            : [];

        IReadOnlyList<WeekPoints> weeks = [];
        if (includeWeeks && hasPoints)
        {
            // A week still running (today's) is partial too.
            var today = ChinaTime.Today(clock);
            weeks = await WeeksAsync(db, query, scopePath, first, last < today ? last : today, inRange, cancellationToken);
        }
        var rankings = hasPoints
            ? new Rankings(scopeName, periodText, RankSchools(schoolRows), teacherRows, weeks) { Counties = RankCounties(countyRows) }
            : new Rankings(scopeName, periodText, [], [], []) { HasPoints = false };
        return rankings with
        {
            ShowsTeachers = showsTeachers,
            Category = query.Category,
            ExcludesVocational = query.ExcludeVocational,
            Year = query.Year,
            From = inRange ? first : null,
            To = inRange ? last : null,
            GeneratedAt = clock.GetUtcNow(),
            SchoolPaths = schools.Values.ToDictionary(s => s.Id, s => s.Path),
        };
    }

    /// <summary>
    /// One page of the rankings' teacher list (教师排名) and the number of teachers listed: ordered and cut in SQL over the
    /// totals (a year) or the month/day roll-ups (a date range) alone, ranks numbered over the whole list (ties share a
    /// rank), only the page's teachers named. The same teachers as <see cref="RankingsAsync"/>'s full list: the admins'
    /// own serving teachers in the scope.
    /// </summary>
    public async Task<Result<TeacherRankingPage>> TeachersPageAsync(Caller caller, RankingQuery query, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (query.From is { } from && query.To is { } to && from > to)
        {
            return ValidationError.For("To", "结束日期不能早于开始日期");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopePathAsync(db, caller, query, cancellationToken);
        if (!scope.Succeeded)
        {
            return scope.Error!;
        }
        if (!ShowsTeachers(caller, scope.Value!))
        {
            return new TeacherRankingPage([], 0);
        }
        var rules = await PointRuleSets.LoadAsync(db, query.Year, cancellationToken);
        return await TeacherPageAsync(db, caller, scope.Value!, query, PeriodPointsQuery(db, rules, query), Math.Max(0, page), pageSize, cancellationToken);
    }

    private static async Task<TeacherRankingPage> TeacherPageAsync(EduPortalDbContext db, Caller caller, string scopePath, RankingQuery query,
        PeriodSource period, int page, int pageSize, CancellationToken cancellationToken)
    {
        // The teachers listed: the scope's and the caller's subtree, whichever is narrower.
        var listed = caller.OrgPath.StartsWith(scopePath, StringComparison.Ordinal) ? caller.OrgPath : scopePath;
        var ranked = RankedTeachers(db, scopePath, listed, query, period);
        var all = pageSize == int.MaxValue;
        // Ties by school, then account: SQL sorts the totals (or roll-ups) alone and the names are looked up for the page.
        var ordered = ranked.OrderByDescending(r => r.Value).ThenByDescending(r => r.Total).ThenBy(r => r.SchoolId).ThenBy(r => r.TeacherId);
        var offset = all ? 0 : page * pageSize;
        // A later page also reads the rows just before it (as many as a page), in the same sorted read: its first row's
        // competition rank (1, 2, 2, 4) is 1 + the teachers above its measure = its position less the ties before it, and
        // ties longer than those rows are counted in a second pass only then.
        var lead = Math.Min(offset, pageSize);
        var window = all ? await ordered.ToListAsync(cancellationToken) : await ordered.Skip(offset - lead).Take(pageSize + lead).ToListAsync(cancellationToken);
        var before = window.Take(Math.Min(lead, window.Count)).ToList();
        var read = window.Skip(before.Count).ToList();
        var count = all ? read.Count : await ScopeTeachers(db, scopePath, listed, query.ExcludeVocational).CountAsync(cancellationToken);
        if (read.Count == 0)
        {
            return new TeacherRankingPage([], count);
        }
        var tiesBefore = before.Count - before.FindLastIndex(r => r.Value != read[0].Value) - 1;
        var firstRank = offset == 0 ? 1
            : tiesBefore < lead || offset == lead ? offset - tiesBefore + 1
            : await ranked.CountAsync(r => r.Value > read[0].Value, cancellationToken) + 1;
        var ids = read.Select(r => r.TeacherId).ToList();
        var people = ScopeTeachers(db, scopePath, listed, query.ExcludeVocational);
        if (!all)
        {
            people = people.Where(u => ids.Contains(u.Id));
        }
        var names = await people.Select(u => new { u.Id, u.RealName }).ToDictionaryAsync(u => u.Id, u => u.RealName, cancellationToken);
        var schoolIds = read.Select(r => r.SchoolId).Distinct().ToList();
        var schoolUnits = await db.OrgUnits.AsNoTracking().Where(o => schoolIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Path })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var countyNames = await db.OrgUnits.AsNoTracking().UnderRankingScope(caller.RankingCityPath()).Where(o => o.Kind == OrgUnitKind.County)
            .Select(o => new { o.Path, o.Name }).ToDictionaryAsync(o => o.Path, o => o.Name, StringComparer.Ordinal, cancellationToken);
        var rows = new List<TeacherPointsRow>(read.Count);
        var rank = firstRank;
        for (var i = 0; i < read.Count; i++)
        {
            var r = read[i];
            if (i > 0 && r.Value != read[i - 1].Value)
            {
                rank = offset + i + 1;
            }
            var school = schoolUnits.GetValueOrDefault(r.SchoolId);
            var countyName = school is not null && OrgUnit.AncestorPaths(school.Path) is { Count: > 1 } p ? countyNames.GetValueOrDefault(p[1]) ?? "" : "";
            rows.Add(new TeacherPointsRow(rank, r.TeacherId, names.GetValueOrDefault(r.TeacherId) ?? "", r.SchoolId, school?.Name ?? "", countyName, EmploymentStatus.Serving,
                r.Total, [r.SpaceBuilding, r.TeachingApplication, r.Interaction, r.TeacherTraining, r.CampusManagement]));
        }
        return new TeacherRankingPage(rows, count);
    }

    /// <summary>The serving point earners of the scope (narrowed to <paramref name="listed"/>), vocational schools left out when asked.</summary>
    private static IQueryable<ApplicationUser> ScopeTeachers(EduPortalDbContext db, string scopePath, string listed, bool excludeVocational)
    {
        var users = db.Users.AsNoTracking().PointEarnersUnder(scopePath).Serving();
        if (listed != scopePath)
        {
            users = users.Where(u => u.OrgUnit!.Path.StartsWith(listed));
        }
        // circular 001 §四(三)3: the award rankings are among 中小学校（不含职校）.
        return excludeVocational ? users.Where(u => !u.OrgUnit!.IsVocational) : users;
    }

    /// <summary>The scope's serving teachers with their period's points (0 when none) and the measure ranked.</summary>
    private static IQueryable<RankedTeacher> RankedTeachers(EduPortalDbContext db, string scopePath, string listed, RankingQuery query, PeriodSource period)
    {
        var category = query.Category;
        return WithPeriod(db, ScopeTeachers(db, scopePath, listed, query.ExcludeVocational), period).Select(m => new RankedTeacher
        {
            TeacherId = m.TeacherId,
            SchoolId = m.SchoolId,
            // 各指标排行: the total or one category's points (0 for a teacher without any in the period).
            Value = category == null ? m.Total
                : category == PointCategory.SpaceBuilding ? m.SpaceBuilding
                : category == PointCategory.TeachingApplication ? m.TeachingApplication
                : category == PointCategory.Interaction ? m.Interaction
                : category == PointCategory.TeacherTraining ? m.TeacherTraining
                : m.CampusManagement,
            Total = m.Total,
            SpaceBuilding = m.SpaceBuilding,
            TeachingApplication = m.TeachingApplication,
            Interaction = m.Interaction,
            TeacherTraining = m.TeacherTraining,
            CampusManagement = m.CampusManagement,
        });
    }

    /// <summary>
    /// Each of <paramref name="teachers"/> with their points of the period (0 when none): a keyed read joined by teacher,
    /// or the daily roll-up's year-to-date lookups driven by the teachers (two a teacher).
    /// </summary>
    private static IQueryable<PeriodPoints> WithPeriod(EduPortalDbContext db, IQueryable<ApplicationUser> teachers, PeriodSource period) =>
        period.Keyed is { } keyed
            ? from u in teachers
              join m in keyed on u.Id equals m.TeacherId into points
              from m in points.DefaultIfEmpty()
              select new PeriodPoints
              {
                  TeacherId = u.Id,
                  SchoolId = u.OrgUnitId,
                  Total = (int?)m!.Total ?? 0,
                  SpaceBuilding = (int?)m!.SpaceBuilding ?? 0,
                  TeachingApplication = (int?)m!.TeachingApplication ?? 0,
                  Interaction = (int?)m!.Interaction ?? 0,
                  TeacherTraining = (int?)m!.TeacherTraining ?? 0,
                  CampusManagement = (int?)m!.CampusManagement ?? 0,
              }
            : PointSpanSums.Of(db, teachers, period.Lookups).Select(s => new PeriodPoints
            {
                TeacherId = s.User.Id,
                SchoolId = s.User.OrgUnitId,
                Total = s.Points,
                SpaceBuilding = s.SpaceBuilding,
                TeachingApplication = s.TeachingApplication,
                Interaction = s.Interaction,
                TeacherTraining = s.TeacherTraining,
                CampusManagement = s.CampusManagement,
            });

    /// <summary>
    /// How a period's points are read: rows keyed by teacher (<see cref="Keyed"/>: the year's totals, or one whole month's
    /// roll-up rows), else the daily roll-up's year-to-date sums (<see cref="Lookups"/>).
    /// </summary>
    private sealed record PeriodSource(IQueryable<PeriodPoints>? Keyed, IReadOnlyList<PointPrefixLookup> Lookups);

    /// <summary>
    /// Each teacher's points of the period (composed into the rankings' SQL): the year's totals; one calendar month's
    /// <see cref="PointTeacherMonth"/> rows (one a teacher, read in order through their covering index); any other date
    /// range from the year-to-date sums of <see cref="PointTeacherDay"/> (<see cref="PointPrefixPlan"/>): two lookups a
    /// teacher, where the month/day plan grouped every day row of the months the range cuts (issue 16).
    /// </summary>
    private static PeriodSource PeriodPointsQuery(EduPortalDbContext db, PointRuleSet rules, RankingQuery query)
    {
        var year = rules.Year;
        if (query.From is null && query.To is null)
        {
            return new PeriodSource(db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year).Select(t => new PeriodPoints
            {
                TeacherId = t.TeacherId,
                Total = t.Total,
                SpaceBuilding = t.SpaceBuilding,
                TeachingApplication = t.TeachingApplication,
                Interaction = t.Interaction,
                TeacherTraining = t.TeacherTraining,
                CampusManagement = t.CampusManagement,
            }), []);
        }
        var (first, last) = (query.From ?? rules.StartDate, query.To ?? rules.EndDateExclusive.AddDays(-1));
        if (PointTeacherMonth.WholeMonthOf(rules, first, last) is { } month)
        {
            return new PeriodSource(db.PointTeacherMonths.AsNoTracking().Where(m => m.Year == year && m.Month == month).Select(m => new PeriodPoints
            {
                TeacherId = m.TeacherId,
                Total = m.Points,
                SpaceBuilding = m.SpaceBuilding,
                TeachingApplication = m.TeachingApplication,
                Interaction = m.Interaction,
                TeacherTraining = m.TeacherTraining,
                CampusManagement = m.CampusManagement,
            }), []);
        }
        var lookups = PointPrefixPlan.For([rules], first, last);
        return lookups.Count == 0
            ? new PeriodSource(db.PointTeacherTotals.AsNoTracking().Where(t => false).Select(t => new PeriodPoints { TeacherId = t.TeacherId }), [])
            : new PeriodSource(null, lookups);
    }

    private sealed class PeriodPoints
    {
        public string TeacherId { get; init; } = "";
        public int SchoolId { get; init; }
        public int Total { get; init; }
        public int SpaceBuilding { get; init; }
        public int TeachingApplication { get; init; }
        public int Interaction { get; init; }
        public int TeacherTraining { get; init; }
        public int CampusManagement { get; init; }
    }

    private sealed class RankedTeacher
    {
        public string TeacherId { get; init; } = "";
        public int SchoolId { get; init; }
        public int Value { get; init; }
        public int Total { get; init; }
        public int SpaceBuilding { get; init; }
        public int TeachingApplication { get; init; }
        public int Interaction { get; init; }
        public int TeacherTraining { get; init; }
        public int CampusManagement { get; init; }
    }

    /// <summary>
    /// Each teacher's points of the days <paramref name="first"/>–<paramref name="last"/> of the points year, total and per
    /// category, from the roll-ups the recompute writes with the awards, as the date-range rankings read them: one
    /// calendar month's <see cref="PointTeacherMonth"/> rows, or two lookups a teacher of the daily roll-up's year-to-date
    /// sums; the same sums as adding up the awards of the range. Every teacher with points in the year is listed.
    /// </summary>
    public static async Task<Dictionary<string, (int Total, int[] ByCategory)>> RangePointsAsync(EduPortalDbContext db, PointRuleSet rules,
        DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var year = rules.Year;
        var period = PeriodPointsQuery(db, rules, new RankingQuery(year, first, last));
        var rows = await (period.Keyed ?? WithPeriod(db, db.Users.AsNoTracking().Where(u => db.PointTeacherTotals.Any(t => t.TeacherId == u.Id && t.Year == year)), period))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.TeacherId, r =>
        {
            var categories = new int[PointCategories.All.Count];
            categories[(int)PointCategory.SpaceBuilding] = r.SpaceBuilding;
            categories[(int)PointCategory.TeachingApplication] = r.TeachingApplication;
            categories[(int)PointCategory.Interaction] = r.Interaction;
            categories[(int)PointCategory.TeacherTraining] = r.TeacherTraining;
            categories[(int)PointCategory.CampusManagement] = r.CampusManagement;
            return (r.Total, categories);
        }, StringComparer.Ordinal);
    }

    /// <summary>
    /// Points per Monday–Sunday week of the period. A week cut by the period's (or the year's) first or last day is
    /// marked partial, so the chart does not draw its few days as a drop.
    /// </summary>
    private static async Task<IReadOnlyList<WeekPoints>> WeeksAsync(EduPortalDbContext db, RankingQuery query, string scopePath,
        DateOnly from, DateOnly to, bool inRange, CancellationToken cancellationToken)
    {
        List<(DateOnly Day, int Points)> sums;
        // Exactly the ranked teachers (the scope's serving point earners, vocational schools out when the ranking leaves
        // them out): the trend adds up to the ranking's points, never a retired, departed or disabled account's, nor an
        // account's that no longer earns points (made a county admin, say), nor another scope's.
        var scopeIds = ScopeTeachers(db, scopePath, scopePath, query.ExcludeVocational).Select(u => u.Id);
        var year = query.Year;
        if (!inRange && query.Category is null && OrgUnit.AncestorPaths(scopePath).Count == 1)
        {
            // The city's year: every weekly row of the year summed per week over the (year, week, points) covering index,
            // less the rows of the few teachers with points this year who are not ranked (found from the year's totals:
            // a teacher with a weekly row has a total row), read by teacher. One statement, so one snapshot; at most 2 × 53
            // rows come back. Filtering ~1 M weekly rows by the ~19,000 ranked teachers instead reads each row's table entry.
            var all = db.PointTeacherWeeks.AsNoTracking().Where(w => w.Year == year)
                .GroupBy(w => w.WeekStart).Select(g => new { Week = g.Key, Points = g.Sum(w => w.Points) });
            var outside = db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year && !scopeIds.Contains(t.TeacherId)).Select(t => t.TeacherId);
            var theirs = db.PointTeacherWeeks.AsNoTracking().Where(w => w.Year + 0 == year && outside.Contains(w.TeacherId))
                .GroupBy(w => w.WeekStart).Select(g => new { Week = g.Key, Points = -g.Sum(w => w.Points) });
            sums = (await all.Concat(theirs).ToListAsync(cancellationToken)).Select(w => (w.Week, w.Points)).ToList();
        }
        else if (!inRange && query.Category is null)
        {
            // A county's year: one grouped read of the weekly roll-up (at most 53 rows come back), its rows found by teacher
            // (the key's prefix) through IN (the scope's teachers); the year is compared as an expression (`+ 0`) so
            // SQLite does not prefer the (year, week) index and scan the whole city's roll-up.
            var weekly = db.PointTeacherWeeks.AsNoTracking().Where(w => w.Year + 0 == year && scopeIds.Contains(w.TeacherId));
            sums = (await weekly.GroupBy(w => w.WeekStart).Select(g => new { Week = g.Key, Points = g.Sum(w => w.Points) }).ToListAsync(cancellationToken))
                .Select(w => (w.Week, w.Points)).ToList();
        }
        else
        {
            // A date range or one category: one grouped read of the daily roll-up (total and per category, one row a
            // teacher-day that earned any), each of the scope's teachers' days found through the key, never the awards.
            var rollup = db.PointTeacherDays.AsNoTracking().Where(d => d.Year == year && d.Day >= from && d.Day <= to);
            rollup = rollup.Where(d => scopeIds.Contains(d.TeacherId));
            var category = query.Category;
            sums = (await rollup.GroupBy(d => d.Day).Select(g => new
            {
                Day = g.Key,
                Points = g.Sum(d => category == null ? d.Points
                    : category == PointCategory.SpaceBuilding ? d.SpaceBuilding
                    : category == PointCategory.TeachingApplication ? d.TeachingApplication
                    : category == PointCategory.Interaction ? d.Interaction
                    : category == PointCategory.TeacherTraining ? d.TeacherTraining
                    : d.CampusManagement),
            }).ToListAsync(cancellationToken)).Select(d => (d.Day, d.Points)).ToList();
        }
        var weeks = sums.GroupBy(d => PointEngine.WeekStart(d.Day)).OrderBy(g => g.Key).Select(g => new WeekPoints(g.Key, g.Sum(d => d.Points)))
            .Where(w => query.Category is null || w.Points != 0).ToList();
        return MarkPartialWeeks(weeks, from, to);
    }

    /// <summary>A week that does not lie wholly inside [from, to] (the period's or the year's first and last days) is partial.</summary>
    public static List<WeekPoints> MarkPartialWeeks(IEnumerable<WeekPoints> weeks, DateOnly from, DateOnly to) =>
        weeks.Select(w => w with { IsPartial = w.WeekStart < from || w.WeekStart.AddDays(6) > to }).ToList();

    /// <summary>Export file name: what, scope, period (the year or the dates) and the time it was made (China time).</summary>
    public static string FileName(string kind, string scopeName, int year, DateOnly? from, DateOnly? to, DateTimeOffset generatedAt, string basis)
    {
        var period = from is { } f && to is { } t ? $"{f:yyyy-MM-dd}至{t:yyyy-MM-dd}" : $"{year}年度";
        var made = ChinaTime.ToChina(generatedAt).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join("_", new[] { kind, scopeName, period, basis, made }.Where(p => !string.IsNullOrEmpty(p))) + ".xlsx";
    }

    private static List<CountyIndexRow> RankCounties(IReadOnlyList<CountyIndexRow> rows)
    {
        var ranked = rows.Where(r => r.Index is not null).OrderByDescending(r => r.Index).ThenBy(r => r.CountyName, StringComparer.Ordinal).ToList();
        var ranks = PointIndex.CompetitionRanks(ranked.Select(r => r.Index!.Value).ToList());
        return ranked.Select((r, i) => r with { Rank = ranks[i] })
            .Concat(rows.Where(r => r.Index is null).OrderBy(r => r.CountyName, StringComparer.Ordinal))
            .ToList();
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

    private static List<TeacherPointsRow> RankTeachers(IReadOnlyList<TeacherPointsRow> rows, PointCategory? category = null)
    {
        int Measure(TeacherPointsRow r) => category is { } c ? r.ByCategory[(int)c] : r.Total;
        var ordered = rows.OrderByDescending(Measure).ThenByDescending(r => r.Total).ThenBy(r => r.SchoolName, StringComparer.Ordinal).ThenBy(r => r.RealName, StringComparer.Ordinal)
            .ThenBy(r => r.TeacherId, StringComparer.Ordinal).ToList();
        var ranks = PointIndex.CompetitionRanks(ordered.Select(r => (decimal)Measure(r)).ToList());
        return ordered.Select((r, i) => r with { Rank = ranks[i] }).ToList();
    }

    /// <summary>The school ranking as a workbook whose first line names scope, period and export time; a period without points says so.</summary>
    public static byte[] ExportSchools(Rankings rankings) => ExcelExport.Build("学校深度应用指数",
    [
        new ExcelColumn<SchoolIndexRow>("排名", r => r.Rank is { } rank ? rank : "—", 8),
        new ExcelColumn<SchoolIndexRow>("学校", r => r.SchoolName + (r.IsVocational ? "（职校）" : ""), 28),
        new ExcelColumn<SchoolIndexRow>("所属区县", r => r.CountyName, 16),
        new ExcelColumn<SchoolIndexRow>("在职教师数", r => r.ActiveTeachers, 12),
        new ExcelColumn<SchoolIndexRow>(rankings.Category is { } c ? $"{c.DisplayName()}积分总和" : "教师积分总和", r => r.ActivePoints, 14),
        new ExcelColumn<SchoolIndexRow>("学校深度应用指数", r => r.Index is { } index ? index : "—", 18),
    ], rankings.Schools, CaptionOf(rankings));

    public static byte[] ExportCounties(Rankings rankings) => ExcelExport.Build("区县深度应用指数",
    [
        new ExcelColumn<CountyIndexRow>("排名", r => r.Rank is { } rank ? rank : "—", 8),
        new ExcelColumn<CountyIndexRow>("区县", r => r.CountyName, 20),
        new ExcelColumn<CountyIndexRow>("学校数", r => r.Schools, 10),
        new ExcelColumn<CountyIndexRow>("在职教师数", r => r.ActiveTeachers, 12),
        new ExcelColumn<CountyIndexRow>(rankings.Category is { } c ? $"{c.DisplayName()}积分总和" : "教师积分总和", r => r.ActivePoints, 14),
        new ExcelColumn<CountyIndexRow>("区县深度应用指数", r => r.Index is { } index ? index : "—", 18),
    ], rankings.Counties, CaptionOf(rankings));

    public static byte[] ExportTeachers(Rankings rankings) => ExportTeachers(rankings.Teachers, "教师积分排名", CaptionOf(rankings));

    public static byte[] ExportTeachers(SchoolPoints school) => ExportTeachers(school.Teachers, "教师积分", school.Caption);

    private static string CaptionOf(Rankings rankings) => rankings.HasPoints ? rankings.Caption : $"{rankings.Caption} · 该时段没有积分";

    private static byte[] ExportTeachers(IReadOnlyList<TeacherPointsRow> rows, string sheetName, string caption) => ExcelExport.Build(sheetName, TeacherColumns, rows, caption);

    /// <summary>The per-teacher list's columns: the rankings page's export and the export centre's background list share them.</summary>
    public static IReadOnlyList<ExcelColumn<TeacherPointsRow>> TeacherColumns { get; } =
    [
        new ExcelColumn<TeacherPointsRow>("排名", r => r.CountsInIndex ? r.Rank : "—", 8),
        new ExcelColumn<TeacherPointsRow>("姓名", r => r.RealName, 12),
        new ExcelColumn<TeacherPointsRow>("学校", r => r.SchoolName, 28),
        new ExcelColumn<TeacherPointsRow>("所属区县", r => r.CountyName, 16),
        new ExcelColumn<TeacherPointsRow>("在职状态", r => r.Employment.DisplayName(), 10),
        new ExcelColumn<TeacherPointsRow>("积分", r => r.Total, 10),
        .. PointCategories.All.Select(c => new ExcelColumn<TeacherPointsRow>(c.DisplayName(), r => r.ByCategory[(int)c], 10)),
    ];
}
