using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.PostgreSql;

/// <summary>The points ledger's provider-neutral bulk writes and queries on a real server.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPointsTests(PostgreSqlPortalFactory portal)
{
    [PostgreSqlFact]
    public async Task Concurrent_copies_of_one_event_are_created_once_and_the_rest_already_recorded_on_postgresql()
    {
        await using (var db = await portal.DbAsync())
        {
            var teacherId = await db.Users.Where(u => u.UserName == DemoAccounts.Teacher).Select(u => u.Id).SingleAsync();
            var rows = Enumerable.Range(0, 10)
                .Select(i => new IncomingPointEvent(teacherId, "race-test", portal.Now.AddMinutes(-i), $"pg-race-{i}", null, null)).ToList();
            var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => portal.Service<PointEventStore>().RecordAsync("race-test", rows))));
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Single(results, r => r[i].Status == PointRowStatus.Created);
                Assert.All(results, r => Assert.Contains(r[i].Status, new[] { PointRowStatus.Created, PointRowStatus.Duplicate }));
            }
            Assert.Equal(10, await db.PointEvents.CountAsync(e => e.Source == "race-test"));
            await db.PointEvents.Where(e => e.Source == "race-test").ExecuteDeleteAsync();
        }
    }

    [PostgreSqlFact]
    public async Task The_seeded_year_recomputes_identically_and_my_points_and_rankings_read_it_on_postgresql()
    {
        // The year full of demo activity is recomputed; the event sent now is read back in the current year.
        var fullYear = portal.PointsYear;
        var year = portal.Today.Year;
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var key = (await portal.Service<PointApiKeyService>().IssueAsync(city, "PG 测试", "pg-test")).Value!;
        var apiKey = await portal.Service<PointIngestionService>().AuthenticateAsync(key);
        var result = (await portal.Service<PointIngestionService>().IngestAsync(apiKey!,
        [
            new ApiPointEvent { ExternalId = "PG-1", TeacherPhone = "13800000004", Type = PointTypes.Courseware, OccurredAt = portal.Now.AddHours(-2) },
            new ApiPointEvent { ExternalId = "PG-1", TeacherPhone = "13800000004", Type = PointTypes.Courseware, OccurredAt = portal.Now.AddHours(-2) },
        ])).Value!;
        Assert.Equal((1, 1), (result.Created, result.Rejected));
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();

        await using var db = await portal.DbAsync();
        var before = await db.PointAwards.Where(a => a.Year == fullYear).OrderBy(a => a.EventId).Select(a => new { a.EventId, a.Points, a.Reason }).ToListAsync();
        await portal.Service<PointRecomputation>().RecomputeYearAsync(fullYear);
        var after = await db.PointAwards.Where(a => a.Year == fullYear).OrderBy(a => a.EventId).Select(a => new { a.EventId, a.Points, a.Reason }).ToListAsync();
        Assert.True(before.Count > 1000);
        Assert.Equal(before, after);

        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var mine = (await portal.Service<PointQueryService>().MyPointsAsync(teacher, year)).Value!;
        Assert.Contains(mine.Details, d => d.TypeName == "课件制作" && d.Source == "PG 测试");
        var ranking = (await portal.Service<PointQueryService>().RankingsAsync(city, new RankingQuery(year, IncludeWeeks: true))).Value!;
        Assert.NotEmpty(ranking.Weeks);
        Assert.Single(ranking.Teachers, t => t.TeacherId == teacher.UserId);
    }

    [PostgreSqlFact]
    public async Task A_rule_edit_recomputed_with_batched_deletes_stores_exactly_a_fresh_rebuild_on_postgresql()
    {
        // The streamed recompute's compare reads the stored rows' columns through the model's type mappings and deletes
        // what changed 100 keys a statement (SQL built from the EF model): hundreds of rows a table here.
        var factory = portal.Service<IDbContextFactory<EduPortalDbContext>>();

        var outcome = await RuleEditRecompute.RunAsync(portal, new PointRecomputation(factory) { TeachersPerRun = 50 });

        Assert.Equal(12 * 45, outcome.CoursewareAwardsChanged);
        Assert.NotEqual(outcome.DaysBefore, outcome.Recomputed.Days.Count);
        outcome.Recomputed.AssertSameAs(outcome.Rebuilt);
    }

    [PostgreSqlFact]
    public async Task Range_sums_from_the_year_to_date_lookups_equal_the_awards_and_the_migrations_fill_rebuilds_them_on_postgresql()
    {
        var year = portal.PointsYear;
        await using var db = await portal.DbAsync();
        var rules = await PointRuleSets.LoadAsync(db, year);
        var (from, to) = (rules.StartDate.AddMonths(2).AddDays(9), rules.StartDate.AddMonths(3).AddDays(19));
        var expected = await db.PointAwards.Where(a => a.Day >= from && a.Day <= to).GroupBy(a => a.TeacherId)
            .Select(g => new { g.Key, Points = g.Sum(a => a.Points) }).ToDictionaryAsync(g => g.Key, g => g.Points);
        var read = await PointSpanSums.Of(db, db.Users.AsNoTracking().PointEarners(), PointPrefixPlan.For([rules], from, to))
            .Select(s => new { s.User.Id, s.Points }).ToListAsync();
        Assert.Contains(read, r => r.Points != 0);
        Assert.All(read, r => Assert.Equal(expected.GetValueOrDefault(r.Id), r.Points));

        var stored = await db.PointTeacherDays.AsNoTracking().OrderBy(d => d.TeacherId).ThenBy(d => d.Year).ThenBy(d => d.Day)
            .Select(d => new { d.TeacherId, d.Day, d.CumPoints, d.CumTeachingApplication, d.CumSignInDays }).ToListAsync();
        // The rows as an install had them before the columns (zeros), filled by the migration's statement; rolled back.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.PointTeacherDays.ExecuteUpdateAsync(s => s.SetProperty(d => d.CumPoints, 0).SetProperty(d => d.CumTeachingApplication, 0).SetProperty(d => d.CumSignInDays, 0));
            await db.Database.ExecuteSqlRawAsync(PointDayPrefixSql.FillFor(db.Database));
            Assert.Equal(stored, await db.PointTeacherDays.AsNoTracking().OrderBy(d => d.TeacherId).ThenBy(d => d.Year).ThenBy(d => d.Day)
                .Select(d => new { d.TeacherId, d.Day, d.CumPoints, d.CumTeachingApplication, d.CumSignInDays }).ToListAsync());
            await transaction.RollbackAsync();
        });
    }
}
