using EduPortal.Data;
using EduPortal.Data.Points;
using EduPortal.Domain.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// The full-year recompute (issue 16: streamed in runs of consecutive teachers, the next run read and awarded while one
/// is written, rows written in key order, only the difference written, unchanged teacher-years skipped by their
/// fingerprint, a large SQLite page cache for its connection) stores exactly what the per-teacher recompute stores,
/// and leaves nothing of an earlier computation behind.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointRecomputeStoreTests(PortalFactory portal)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_full_year_rebuild_overlapped_or_run_after_run_stores_exactly_the_rows_of_the_per_teacher_recompute_and_no_stale_rows(bool overlap)
    {
        var year = portal.PointsYear;
        var factory = portal.Service<IDbContextFactory<EduPortalDbContext>>();
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        List<string> teachers;
        PointRuleSet rules;
        await using (var db = await portal.DbAsync())
        {
            rules = await PointRuleSets.LoadAsync(db, year);
            teachers = await db.PointEvents.Where(e => e.Day >= rules.StartDate && e.Day < rules.EndDateExclusive).Select(e => e.TeacherId).Distinct().ToListAsync();
        }
        Assert.True(teachers.Count > 20, "the demo year has many teachers with events");

        // Per teacher: chunks of teachers whose events are sought one teacher at a time (never the streaming path).
        await new PointRecomputation(factory) { TeachersPerRun = int.MaxValue }.RecomputeTeachersAsync(year, teachers);
        var expected = await SnapshotAsync(year);
        Assert.NotEmpty(expected.Awards);
        Assert.NotEmpty(expected.Days);

        // What an earlier computation (other rules) may have left: an award of a taken-back event, a day, week and month
        // with points the events no longer give (and that computation's fingerprint), and a total of a teacher with no
        // event this year.
        var teacher = teachers[0];
        var lastDay = rules.EndDateExclusive.AddDays(-1);
        await using (var db = await portal.DbAsync())
        {
            await db.PointAwards.Where(a => a.TeacherId == teacher && a.Year == year && a.Day == lastDay).ExecuteDeleteAsync();
            await db.PointTeacherDays.Where(d => d.TeacherId == teacher && d.Year == year && d.Day == lastDay).ExecuteDeleteAsync();
            await db.PointTeacherWeeks.Where(w => w.TeacherId == teacher && w.Year == year && w.WeekStart == PointEngine.WeekStart(lastDay)).ExecuteDeleteAsync();
            db.PointAwards.Add(new PointAward { EventId = long.MaxValue - 7, TeacherId = teacher, Year = year, Day = lastDay, Points = 99, Reason = "旧规则" });
            db.PointTeacherDays.Add(new PointTeacherDay { TeacherId = teacher, Year = year, Day = lastDay, Points = 99, SpaceBuilding = 99 });
            db.PointTeacherWeeks.Add(new PointTeacherWeek { TeacherId = teacher, Year = year, WeekStart = PointEngine.WeekStart(lastDay), Points = 99 });
            await db.PointTeacherMonths.Where(m => m.TeacherId == teacher && m.Year == year).ExecuteUpdateAsync(s => s.SetProperty(m => m.Points, m => m.Points + 99));
            await db.PointTeacherTotals.Where(t => t.TeacherId == teacher && t.Year == year).ExecuteUpdateAsync(s => s.SetProperty(t => t.Fingerprint, "EARLIER-RULES"));
            db.PointTeacherTotals.Add(new PointTeacherTotal { TeacherId = "stale-teacher-without-events", Year = year, Total = 99 });
            await db.SaveChangesAsync();
        }

        // The whole year streamed in runs of 7 consecutive teachers, the next run read while one is written or not.
        var progress = new LastProgress();
        await new PointRecomputation(factory) { TeachersPerRun = 7, OverlapRuns = overlap }.RecomputeYearAsync(year, progress);
        var rebuilt = await SnapshotAsync(year);

        rebuilt.AssertSameAs(expected);
        Assert.DoesNotContain(rebuilt.Totals, t => t.Contains("TeacherId=stale-teacher", StringComparison.Ordinal));
        // Every teacher-year with points but the one with the earlier computation's fingerprint was left unread.
        Assert.Equal(expected.Totals.Count - 1, progress.Last.TeachersUnchanged);
    }

    [Fact]
    public async Task A_teacher_year_whose_fingerprint_is_unchanged_is_left_unread_and_one_whose_fingerprint_differs_is_rewritten()
    {
        var year = portal.PointsYear;
        var factory = portal.Service<IDbContextFactory<EduPortalDbContext>>();
        await new PointRecomputation(factory).RecomputeYearAsync(year);
        var expected = await SnapshotAsync(year);
        string same, other;
        await using (var db = await portal.DbAsync())
        {
            var two = await db.PointTeacherDays.Where(d => d.Year == year).Select(d => d.TeacherId).Distinct().OrderBy(t => t).Take(2).ToListAsync();
            (same, other) = (two[0], two[1]);
            // Both teachers' days are changed behind the recompute's back; only the second's fingerprint says so.
            await db.PointTeacherDays.Where(d => d.Year == year && (d.TeacherId == same || d.TeacherId == other))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Points, d => d.Points + 1000));
            await db.PointTeacherTotals.Where(t => t.TeacherId == other && t.Year == year).ExecuteUpdateAsync(s => s.SetProperty(t => t.Fingerprint, (string?)null));
        }

        await new PointRecomputation(factory) { TeachersPerRun = 7 }.RecomputeYearAsync(year);
        await using (var db = await portal.DbAsync())
        {
            Assert.True(await db.PointTeacherDays.AnyAsync(d => d.Year == year && d.TeacherId == same && d.Points >= 1000), "the unchanged fingerprint's rows are not read");
            Assert.False(await db.PointTeacherDays.AnyAsync(d => d.Year == year && d.TeacherId == other && d.Points >= 1000), "the differing fingerprint's rows are compared and rewritten");
        }

        // Without skipping, every teacher-year is compared again, and the rows are exactly the engine's.
        await new PointRecomputation(factory) { TeachersPerRun = 7, SkipUnchanged = false }.RecomputeYearAsync(year);
        (await SnapshotAsync(year)).AssertSameAs(expected);
    }

    [Fact]
    public async Task A_rule_edit_recomputed_in_overlapped_runs_stores_exactly_a_fresh_rebuild_and_drops_the_rows_the_rules_no_longer_give()
    {
        var factory = portal.Service<IDbContextFactory<EduPortalDbContext>>();

        var outcome = await RuleEditRecompute.RunAsync(portal, new PointRecomputation(factory) { TeachersPerRun = 50 });

        Assert.Equal(12 * 45, outcome.CoursewareAwardsChanged);
        Assert.NotEqual(outcome.DaysBefore, outcome.Recomputed.Days.Count);
        outcome.Recomputed.AssertSameAs(outcome.Rebuilt);
    }

    private Task<Snapshot> SnapshotAsync(int year) => Snapshot.TakeAsync(portal, year);

    /// <summary>Keeps the last report, on the reporting thread.</summary>
    private sealed class LastProgress : IProgress<RecomputeProgress>
    {
        public RecomputeProgress Last { get; private set; }

        public void Report(RecomputeProgress value) => Last = value;
    }
}
