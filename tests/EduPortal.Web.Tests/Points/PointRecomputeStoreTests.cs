using EduPortal.Data;
using EduPortal.Data.Points;
using EduPortal.Domain.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// The full-year recompute (issue 16: streamed in runs of consecutive teachers, rows written in key order, a large
/// SQLite page cache for its connection) stores exactly what the per-teacher recompute stores, and leaves nothing of
/// an earlier computation behind.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointRecomputeStoreTests(PortalFactory portal)
{
    [Fact]
    public async Task A_full_year_rebuild_stores_exactly_the_awards_totals_weeks_days_and_months_of_the_per_teacher_recompute_and_no_stale_rows()
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
        // with points the events no longer give, and a total of a teacher with no event this year.
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
            db.PointTeacherTotals.Add(new PointTeacherTotal { TeacherId = "stale-teacher-without-events", Year = year, Total = 99 });
            await db.SaveChangesAsync();
        }

        // The whole year streamed in runs of 7 consecutive teachers.
        await new PointRecomputation(factory) { TeachersPerRun = 7 }.RecomputeYearAsync(year);
        var rebuilt = await SnapshotAsync(year);

        Assert.Equal(expected.Awards, rebuilt.Awards);
        Assert.Equal(expected.Totals, rebuilt.Totals);
        Assert.Equal(expected.Weeks, rebuilt.Weeks);
        Assert.Equal(expected.Days, rebuilt.Days);
        Assert.Equal(expected.Months, rebuilt.Months);
        Assert.DoesNotContain(rebuilt.Totals, t => t.StartsWith("stale-teacher", StringComparison.Ordinal));
    }

    private sealed record Snapshot(List<string> Awards, List<string> Totals, List<string> Weeks, List<string> Days, List<string> Months);

    private async Task<Snapshot> SnapshotAsync(int year)
    {
        await using var db = await portal.DbAsync();
        var awards = (await db.PointAwards.AsNoTracking().Where(a => a.Year == year).ToListAsync())
            .Select(a => $"{a.TeacherId}|{a.EventId}|{a.Day}|{a.Points}|{a.Reason}");
        var totals = (await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year).ToListAsync())
            .Select(t => $"{t.TeacherId}|{t.Total}|{t.SpaceBuilding}|{t.TeachingApplication}|{t.Interaction}|{t.TeacherTraining}|{t.CampusManagement}|{t.EventCount}");
        var weeks = (await db.PointTeacherWeeks.AsNoTracking().Where(w => w.Year == year).ToListAsync()).Select(w => $"{w.TeacherId}|{w.WeekStart}|{w.Points}");
        var days = (await db.PointTeacherDays.AsNoTracking().Where(d => d.Year == year).ToListAsync()).Select(Period);
        var months = (await db.PointTeacherMonths.AsNoTracking().Where(m => m.Year == year).ToListAsync()).Select(Period);
        static List<string> Sorted(IEnumerable<string> rows) => rows.Order(StringComparer.Ordinal).ToList();
        return new Snapshot(Sorted(awards), Sorted(totals), Sorted(weeks), Sorted(days), Sorted(months));
    }

    private static string Period(PointTeacherPeriod p) =>
        $"{p.TeacherId}|{p.Start}|{p.Points}|{p.SpaceBuilding}|{p.TeachingApplication}|{p.Interaction}|{p.TeacherTraining}|{p.CampusManagement}|{p.SignInDays}"
        + (p is PointTeacherDay d
            ? $"|{d.CumPoints}|{d.CumSpaceBuilding}|{d.CumTeachingApplication}|{d.CumInteraction}|{d.CumTeacherTraining}|{d.CumCampusManagement}|{d.CumSignInDays}"
            : "");
}
