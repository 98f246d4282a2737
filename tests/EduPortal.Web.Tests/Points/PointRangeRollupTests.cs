using EduPortal.Data.Accounts;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// Date-range rankings read the monthly roll-up (one whole month) or the daily roll-up's year-to-date sums (any other
/// range, issue 16): their figures must be exactly the sums of the awards of the range, for the total, each category, category rankings and the rankings without vocational schools.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointRangeRollupTests(PortalFactory portal)
{
    [Fact]
    public async Task Date_range_rankings_from_the_rollups_equal_the_sums_of_the_awards_of_the_range()
    {
        var year = portal.PointsYear;
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var query = portal.Service<PointQueryService>();
        PointRuleSet rules;
        await using (var db = await portal.DbAsync())
        {
            rules = await PointRuleSets.LoadAsync(db, year);
        }
        var start = rules.StartDate;
        (DateOnly From, DateOnly To)[] ranges =
        [
            (start.AddMonths(2), start.AddMonths(3).AddDays(-1)),              // one whole month
            (start.AddMonths(2).AddDays(9), start.AddMonths(3).AddDays(19)),   // a month's end and the next one's start
            (start.AddMonths(4).AddDays(1), start.AddMonths(5).AddDays(-2)),   // most of a month: the month less its edges
            (start.AddDays(-20), start.AddMonths(1).AddDays(12)),              // begins before the points year
            (start, rules.EndDateExclusive.AddDays(-1)),                       // the whole year, month by month
            (start.AddMonths(6).AddDays(3), start.AddMonths(6).AddDays(3)),    // one day
            (start, start.AddMonths(1).AddDays(5)),                            // from the year's first day (one lookup a teacher)
            (start.AddMonths(2), start.AddMonths(5).AddDays(-1)),              // three whole months
        ];
        var checkedPoints = 0;
        foreach (var (from, to) in ranges)
        {
            var expected = await AwardSumsAsync(year, rules, from, to);
            foreach (var (category, noVocational) in new (PointCategory?, bool)[] { (null, false), (PointCategory.TeachingApplication, false), (null, true), (PointCategory.SpaceBuilding, true) })
            {
                var rankings = (await query.RankingsAsync(city, new RankingQuery(year, from, to, Category: category, ExcludeVocational: noVocational))).Value!;
                if (!rankings.HasPoints)
                {
                    Assert.DoesNotContain(expected.Values, e => (category is { } c ? e.ByCategory[(int)c] : e.Total) != 0);
                    continue;
                }
                Assert.NotEmpty(rankings.Teachers);
                foreach (var teacher in rankings.Teachers)
                {
                    var (total, byCategory) = expected.GetValueOrDefault(teacher.TeacherId, (0, new int[PointCategories.All.Count]));
                    Assert.True(total == teacher.Total, $"{from}–{to}: {teacher.RealName} has {teacher.Total}, the awards sum to {total}");
                    Assert.Equal(byCategory, teacher.ByCategory);
                    checkedPoints += total;
                }
                int Measure(TeacherPointsRow t) => category is { } c ? t.ByCategory[(int)c] : t.Total;
                var bySchool = rankings.Teachers.GroupBy(t => t.SchoolId).ToDictionary(g => g.Key, g => g.Sum(Measure));
                Assert.All(rankings.Schools, s => Assert.Equal(bySchool.GetValueOrDefault(s.SchoolId), s.ActivePoints));
            }
        }
        Assert.True(checkedPoints > 0, "the demo year has points in the ranges compared");
    }

    [Fact]
    public async Task A_recorded_event_counts_in_the_date_range_ranking_at_once_and_leaves_it_when_taken_back()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var query = portal.Service<PointQueryService>();
        var recorder = portal.Service<PointEventRecorder>();
        string teacherId;
        int year;
        await using (var db = await portal.DbAsync())
        {
            var school = await portal.DemoSchoolAsync();
            teacherId = await db.Users.Where(u => u.OrgUnitId == school.Id && u.Level == AdminLevel.Teacher
                    && u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving && u.UserName != DemoAccounts.Teacher)
                .OrderBy(u => u.Id).Select(u => u.Id).Skip(1).FirstAsync();
            year = (await PointRuleSets.ForDayAsync(db, portal.Today)).Year;
        }
        var range = new RankingQuery(year, portal.Today.AddDays(-3), portal.Today);
        int TotalOf(Rankings r) => r.Teachers.SingleOrDefault(t => t.TeacherId == teacherId)?.Total ?? 0;
        var before = TotalOf((await query.RankingsAsync(city, range)).Value!);

        // The first of these whose weekly cap the teacher has not reached yet this week scores.
        string? externalId = null;
        var earned = 0;
        foreach (var type in new[] { PointTypes.TeachingArticle, PointTypes.Courseware, PointTypes.ResearchActivity, PointTypes.ClassActivity, PointTypes.ResourceSearch })
        {
            externalId = "rollup-" + Guid.NewGuid().ToString("N")[..8];
            await recorder.RecordAsync(teacherId, type, portal.Now.AddMinutes(-1), externalId);
            await using var db = await portal.DbAsync();
            var recorded = await db.PointEvents.SingleAsync(e => e.ExternalId == externalId);
            earned = (await db.PointAwards.SingleAsync(a => a.EventId == recorded.Id)).Points;
            if (earned > 0)
            {
                break;
            }
            await recorder.RemoveAsync(teacherId, externalId);
        }
        Assert.True(earned > 0, "one of the five scores");
        Assert.Equal(before + earned, TotalOf((await query.RankingsAsync(city, range)).Value!));

        await recorder.RemoveAsync(teacherId, externalId!);
        Assert.Equal(before, TotalOf((await query.RankingsAsync(city, range)).Value!));
    }

    [Fact]
    public async Task A_drain_batch_spanning_most_teachers_is_streamed_in_runs_and_rebuilds_the_same_awards_and_rollups()
    {
        var year = portal.PointsYear;
        // Runs of 40 teachers: the demo district's every teacher is "a batch spanning the district".
        var streaming = new PointRecomputation(portal.Service<IDbContextFactory<EduPortal.Data.EduPortalDbContext>>()) { TeachersPerRun = 40 };
        await using var db = await portal.DbAsync();
        var teachers = await db.PointTeacherTotals.Where(t => t.Year == year).Select(t => t.TeacherId).ToListAsync();
        Assert.True(teachers.Count > 80, "more than two runs");
        var awards = await db.PointAwards.Where(a => a.Year == year).OrderBy(a => a.EventId).Select(a => new { a.EventId, a.Points, a.Reason }).ToListAsync();
        var days = await db.PointTeacherDays.Where(d => d.Year == year).OrderBy(d => d.TeacherId).ThenBy(d => d.Day)
            .Select(d => new { d.TeacherId, d.Day, d.Points, d.SpaceBuilding, d.TeachingApplication }).ToListAsync();
        var months = await db.PointTeacherMonths.Where(m => m.Year == year).OrderBy(m => m.TeacherId).ThenBy(m => m.Month)
            .Select(m => new { m.TeacherId, m.Month, m.Points, m.Interaction, m.TeacherTraining, m.CampusManagement }).ToListAsync();
        Assert.NotEmpty(days);

        await streaming.RecomputeTeachersAsync(year, teachers);

        Assert.Equal(awards, await db.PointAwards.Where(a => a.Year == year).OrderBy(a => a.EventId).Select(a => new { a.EventId, a.Points, a.Reason }).ToListAsync());
        Assert.Equal(days, await db.PointTeacherDays.Where(d => d.Year == year).OrderBy(d => d.TeacherId).ThenBy(d => d.Day)
            .Select(d => new { d.TeacherId, d.Day, d.Points, d.SpaceBuilding, d.TeachingApplication }).ToListAsync());
        Assert.Equal(months, await db.PointTeacherMonths.Where(m => m.Year == year).OrderBy(m => m.TeacherId).ThenBy(m => m.Month)
            .Select(m => new { m.TeacherId, m.Month, m.Points, m.Interaction, m.TeacherTraining, m.CampusManagement }).ToListAsync());
    }

    [Fact]
    public async Task The_weekly_trend_of_a_date_range_and_of_one_category_from_the_daily_rollup_equals_the_awards_of_those_weeks()
    {
        var year = portal.PointsYear;
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var query = portal.Service<PointQueryService>();
        await using var db = await portal.DbAsync();
        var rules = await PointRuleSets.LoadAsync(db, year);
        var first = rules.StartDate.AddMonths(2).AddDays(9);
        var end = rules.StartDate.AddMonths(4).AddDays(19);
        // The trend stops at today (a range reaching past it reads no later day).
        var last = end < portal.Today ? end : portal.Today;
        // The ranked teachers: the county's serving point earners.
        var countyTeachers = await db.Users.PointEarnersUnder(county.OrgPath).Serving().Select(u => u.Id).ToListAsync();
        var awards = await (from a in db.PointAwards.AsNoTracking()
                            where a.Year == year && a.Day >= first && a.Day <= last && a.Points != 0 && countyTeachers.Contains(a.TeacherId)
                            join e in db.PointEvents.AsNoTracking() on a.EventId equals e.Id
                            select new { a.Day, e.Type, a.Points }).ToListAsync();
        Assert.NotEmpty(awards);
        foreach (var category in new PointCategory?[] { null, PointCategory.TeachingApplication, PointCategory.Interaction })
        {
            var expected = awards.Where(a => category is null || rules.Find(a.Type)?.Category == category)
                .GroupBy(a => PointEngine.WeekStart(a.Day)).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(a => a.Points))).ToList();
            var rankings = (await query.RankingsAsync(county, new RankingQuery(year, first, end, IncludeWeeks: true, Category: category))).Value!;
            Assert.Equal(expected, rankings.Weeks.Select(w => (w.WeekStart, w.Points)).ToList());
        }
    }

    /// <summary>What the rankings summed before the roll-ups: every award of the range, by the category of its event's rule.</summary>
    private async Task<Dictionary<string, (int Total, int[] ByCategory)>> AwardSumsAsync(int year, PointRuleSet rules, DateOnly first, DateOnly last)
    {
        await using var db = await portal.DbAsync();
        var sums = await (from a in db.PointAwards.AsNoTracking()
                          where a.Year == year && a.Day >= first && a.Day <= last && a.Points != 0
                          join e in db.PointEvents.AsNoTracking() on a.EventId equals e.Id
                          group a by new { a.TeacherId, e.Type } into g
                          select new { g.Key.TeacherId, g.Key.Type, Points = g.Sum(a => a.Points) }).ToListAsync();
        return sums.GroupBy(s => s.TeacherId).ToDictionary(g => g.Key, g =>
        {
            var byCategory = new int[PointCategories.All.Count];
            foreach (var row in g)
            {
                if (rules.Find(row.Type) is { } rule)
                {
                    byCategory[(int)rule.Category] += row.Points;
                }
            }
            return (g.Sum(r => r.Points), byCategory);
        });
    }
}
