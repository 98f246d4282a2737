using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// The daily roll-up's year-to-date sums (issue 16, migration DailyPrefixSums): a span of days is two lookups a teacher
/// and points year, which must give exactly the awards' sums; the stored sums must be the running sums of the stored
/// rows (after a write too, and after the migration's fill); and on SQLite the table keeps its WITHOUT ROWID storage.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointDayPrefixTests(PortalFactory portal)
{
    [Fact]
    public async Task Span_sums_from_the_year_to_date_lookups_equal_the_awards_of_the_span_across_points_years_and_for_teachers_without_a_row_inside()
    {
        var year = portal.PointsYear;
        await using var db = await portal.DbAsync();
        var years = new List<PointRuleSet>();
        for (var y = year - 1; y <= year + 1; y++)
        {
            years.Add(await PointRuleSets.LoadAsync(db, y));
        }
        var rules = years[1];
        var start = rules.StartDate;
        var yearLast = rules.EndDateExclusive.AddDays(-1);
        (DateOnly From, DateOnly To)[] spans =
        [
            (start.AddMonths(2).AddDays(9), start.AddMonths(3).AddDays(19)), // cuts two months
            (start, start.AddMonths(1).AddDays(5)),                          // from the points year's first day
            (start.AddDays(-25), start.AddDays(20)),                         // crosses from the year before
            (yearLast.AddDays(-10), yearLast.AddDays(15)),                   // crosses into the next points year
            (start.AddDays(100), start.AddDays(100)),                        // one day: most teachers have no row inside
        ];
        var teachers = db.Users.AsNoTracking().PointEarners();
        var withoutRowInside = 0;
        var withPoints = 0;
        foreach (var (from, to) in spans)
        {
            var expected = await AwardSumsAsync(db, years, from, to);
            var read = await PointSpanSums.Of(db, teachers, PointPrefixPlan.For(years, from, to))
                .Select(s => new { s.User.Id, s.Points, s.SpaceBuilding, s.TeachingApplication, s.Interaction, s.TeacherTraining, s.CampusManagement, s.SignInDays })
                .ToListAsync();
            Assert.NotEmpty(read);
            foreach (var r in read)
            {
                var e = expected.GetValueOrDefault(r.Id) ?? new int[7];
                Assert.True(e[0] == r.Points, $"{from}–{to}: {r.Id} reads {r.Points}, the awards sum to {e[0]}");
                Assert.Equal(e, new[] { r.Points, r.SpaceBuilding, r.TeachingApplication, r.Interaction, r.TeacherTraining, r.CampusManagement, r.SignInDays });
            }
            Assert.Equal(expected.Values.Any(e => e[0] != 0), read.Any(r => r.Points != 0));
            withPoints += read.Any(r => r.Points != 0) ? 1 : 0;
            if (from == to)
            {
                // Teachers with rows before and after the day but none on it read 0 (the two lookups find the same row).
                var onTheDay = await db.PointTeacherDays.Where(d => d.Day == from).Select(d => d.TeacherId).ToListAsync();
                var around = await db.PointTeacherDays.Where(d => d.Year == year && d.Day < from).Select(d => d.TeacherId)
                    .Intersect(db.PointTeacherDays.Where(d => d.Year == year && d.Day > from).Select(d => d.TeacherId)).ToListAsync();
                var quiet = around.Except(onTheDay).ToHashSet();
                withoutRowInside = read.Count(r => quiet.Contains(r.Id));
                Assert.All(read.Where(r => quiet.Contains(r.Id)), r => Assert.Equal(0, r.Points));
            }
        }
        Assert.True(withoutRowInside > 0, "some teachers have rows before and after the day but none on it");
        Assert.True(withPoints >= 3, "most spans have points (a span reaching past today may have none)");
    }

    [Fact]
    public async Task The_migrations_fill_gives_every_stored_day_row_the_year_to_date_sums_the_recompute_wrote()
    {
        await using var db = await portal.DbAsync();
        var stored = await DaysAsync(db);
        Assert.Contains(stored, d => d.CumPoints > d.Points);
        // An install's rows as they were before the columns (zeros), filled by the migration's statement; rolled back.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.PointTeacherDays.ExecuteUpdateAsync(s => s.SetProperty(d => d.CumPoints, 0).SetProperty(d => d.CumSpaceBuilding, 0)
            .SetProperty(d => d.CumTeachingApplication, 0).SetProperty(d => d.CumInteraction, 0).SetProperty(d => d.CumTeacherTraining, 0)
            .SetProperty(d => d.CumCampusManagement, 0).SetProperty(d => d.CumSignInDays, 0));
        Assert.DoesNotContain(await DaysAsync(db), d => d.CumPoints != 0);
        await db.Database.ExecuteSqlRawAsync(PointDayPrefixSql.FillFor(db.Database));
        Assert.Equal(stored, await DaysAsync(db));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task An_event_recorded_on_an_earlier_day_moves_the_year_to_date_sums_of_every_later_row_and_the_range_ranking()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var query = portal.Service<PointQueryService>();
        var recorder = portal.Service<PointEventRecorder>();
        string teacherId;
        int year;
        await using (var db = await portal.DbAsync())
        {
            var school = await portal.DemoSchoolAsync();
            year = (await PointRuleSets.ForDayAsync(db, portal.Today.AddDays(-9))).Year;
            // A teacher with day rows after the day the event is recorded on (their year-to-date sums must move).
            var later = PointEngine.ChinaDay(portal.Now.AddDays(-9)); // the latest day tried below
            var active = db.PointTeacherDays.Where(d => d.Year == year && d.Day > later && d.Points > 0).Select(d => d.TeacherId);
            teacherId = await PortalFactory.ServingTeachers(db, school.Id).Where(u => u.UserName != DemoAccounts.Teacher && active.Contains(u.Id))
                .OrderBy(u => u.Id).Select(u => u.Id).Skip(1).FirstAsync();
        }
        // A range after the recorded day: its sums must not move (the later rows' year-to-date sums all shift together).
        int TotalOf(Rankings r) => r.Teachers.SingleOrDefault(t => t.TeacherId == teacherId)?.Total ?? 0;
        string? externalId = null;
        var earned = 0;
        RankingQuery after = null!, through = null!;
        int afterBefore = 0, throughBefore = 0;
        var day = default(DateOnly);
        // The first day and type whose caps the teacher has not reached yet scores (late in the year many are reached).
        foreach (var daysBack in new[] { 9, 16, 23, 30 })
        {
            var at = portal.Now.AddDays(-daysBack);
            day = PointEngine.ChinaDay(at);
            await using (var db = await portal.DbAsync())
            {
                year = (await PointRuleSets.ForDayAsync(db, day)).Year;
            }
            after = new RankingQuery(year, day.AddDays(1), portal.Today);
            through = new RankingQuery(year, day, portal.Today);
            (afterBefore, throughBefore) = (TotalOf((await query.RankingsAsync(city, after)).Value!), TotalOf((await query.RankingsAsync(city, through)).Value!));
            foreach (var type in new[] { PointTypes.TeachingArticle, PointTypes.Courseware, PointTypes.ResearchActivity, PointTypes.ClassActivity, PointTypes.ResourceSearch })
            {
                externalId = "prefix-" + Guid.NewGuid().ToString("N")[..8];
                await recorder.RecordAsync(teacherId, type, at, externalId);
                await using var db = await portal.DbAsync();
                var recorded = await db.PointEvents.SingleAsync(e => e.ExternalId == externalId);
                earned = (await db.PointAwards.SingleAsync(a => a.EventId == recorded.Id)).Points;
                if (earned > 0)
                {
                    break;
                }
                await recorder.RemoveAsync(teacherId, externalId);
            }
            if (earned > 0)
            {
                break;
            }
        }
        try
        {
            Assert.True(earned > 0, "one of the five scores on one of the days");
            Assert.Equal(throughBefore + earned, TotalOf((await query.RankingsAsync(city, through)).Value!));
            Assert.Equal(afterBefore, TotalOf((await query.RankingsAsync(city, after)).Value!));
            await using var db = await portal.DbAsync();
            var rows = await db.PointTeacherDays.AsNoTracking().Where(d => d.TeacherId == teacherId && d.Year == year).OrderBy(d => d.Day).ToListAsync();
            Assert.Contains(rows, r => r.Day > day);
            var running = 0;
            foreach (var row in rows)
            {
                running += row.Points;
                Assert.Equal(running, row.CumPoints);
            }
        }
        finally
        {
            await recorder.RemoveAsync(teacherId, externalId!);
        }
        Assert.Equal(throughBefore, TotalOf((await query.RankingsAsync(city, through)).Value!));
    }

    [Fact]
    public async Task On_sqlite_the_daily_rollup_is_a_without_rowid_table_with_no_index_besides_its_key()
    {
        await using var db = await portal.DbAsync();
        Assert.True(db.Database.IsSqlite());
        var sql = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'PointTeacherDays'").SingleAsync();
        // EF's SQLite migrations rebuild a table to alter it and would drop WITHOUT ROWID: a later migration touching the
        // table has to rebuild it WITHOUT ROWID again (see PointDayPrefixSql.SqliteWithoutRowid).
        Assert.Contains("WITHOUT ROWID", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PRIMARY KEY (\"TeacherId\", \"Year\", \"Day\")", sql, StringComparison.Ordinal);
        // Every index is one more B-tree entry for each of the recompute's day rows (~6 million at 10 M events).
        var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'PointTeacherDays'").ToListAsync();
        Assert.Empty(indexes);
    }

    private sealed record DayRow(string TeacherId, int Year, DateOnly Day, int Points, int CumPoints, int CumSpaceBuilding, int CumTeachingApplication,
        int CumInteraction, int CumTeacherTraining, int CumCampusManagement, int CumSignInDays);

    private static Task<List<DayRow>> DaysAsync(EduPortalDbContext db) =>
        db.PointTeacherDays.AsNoTracking().OrderBy(d => d.TeacherId).ThenBy(d => d.Year).ThenBy(d => d.Day)
            .Select(d => new DayRow(d.TeacherId, d.Year, d.Day, d.Points, d.CumPoints, d.CumSpaceBuilding, d.CumTeachingApplication, d.CumInteraction,
                d.CumTeacherTraining, d.CumCampusManagement, d.CumSignInDays))
            .ToListAsync();

    /// <summary>The awards of the span by teacher: total, the five categories (by the event's rule of the award's year) and the days with a sign-in.</summary>
    private static async Task<Dictionary<string, int[]>> AwardSumsAsync(EduPortalDbContext db, IReadOnlyList<PointRuleSet> years, DateOnly first, DateOnly last)
    {
        var rows = await (from a in db.PointAwards.AsNoTracking()
                          where a.Day >= first && a.Day <= last
                          join e in db.PointEvents.AsNoTracking() on a.EventId equals e.Id
                          select new { a.TeacherId, a.Year, a.Day, e.Type, a.Points }).ToListAsync();
        return rows.GroupBy(r => r.TeacherId).ToDictionary(g => g.Key, g =>
        {
            var sums = new int[7];
            foreach (var r in g)
            {
                sums[0] += r.Points;
                if (years.SingleOrDefault(y => y.Year == r.Year)?.Find(r.Type) is { } rule)
                {
                    sums[1 + (int)rule.Category] += r.Points;
                }
            }
            sums[6] = g.Where(r => r.Type == PointTypes.Login).Select(r => r.Day).Distinct().Count();
            return sums;
        });
    }
}
