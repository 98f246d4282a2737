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
/// The weekly trend beside a ranking is the ranked teachers' points per week (circular 001 附件2 §二(2): retired and
/// departed teachers are out of the index). The city's year is read as every weekly row of the year less the rows of the
/// teachers outside the ranking, so a teacher the ranking leaves out must never reach the trend.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointTrendScopeTests(PortalFactory portal)
{
    [Fact]
    public async Task The_weekly_trend_adds_up_the_ranked_teachers_points_never_a_retired_departed_disabled_or_other_county_teachers()
    {
        var year = portal.PointsYear;
        var query = portal.Service<PointQueryService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        // Earlier tests leave teacher-years for the drain job; rebuild them now so awards and roll-ups agree while we read.
        await portal.Service<PointJobs>().RecomputeDirtyAsync();
        DateOnly first, end;
        List<string> leaving;
        await using (var db = await portal.DbAsync())
        {
            var rules = await PointRuleSets.LoadAsync(db, year);
            first = rules.StartDate.AddMonths(2).AddDays(9);
            end = rules.StartDate.AddMonths(4).AddDays(19);
            // Three serving teachers of the demo county with points in the range (so also in the year) leave the ranking:
            // one retires, one departs, one's account is disabled. Their points stay in the roll-ups.
            var inRange = db.PointAwards.Where(a => a.Year == year && a.Day >= first && a.Day <= end && a.Points > 0).Select(a => a.TeacherId);
            leaving = await db.Users.ActiveServing().PointEarnersUnder(county.OrgPath)
                .Where(u => u.Level == AdminLevel.Teacher && u.UserName != DemoAccounts.Teacher && inRange.Contains(u.Id))
                .OrderByDescending(u => u.Id).Select(u => u.Id).Take(3).ToListAsync();
            Assert.Equal(3, leaving.Count);
            await db.Users.Where(u => u.Id == leaving[0]).ExecuteUpdateAsync(s => s.SetProperty(u => u.Employment, EmploymentStatus.Retired));
            await db.Users.Where(u => u.Id == leaving[1]).ExecuteUpdateAsync(s => s.SetProperty(u => u.Employment, EmploymentStatus.Departed));
            await db.Users.Where(u => u.Id == leaving[2]).ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, AccountStatus.Disabled));
        }

        var cases = new (Caller Caller, RankingQuery Query)[]
        {
            (county, new RankingQuery(year)),
            (city, new RankingQuery(year)),
            (city, new RankingQuery(year, ExcludeVocational: true)),
            (county, new RankingQuery(year, first, end)),
            (city, new RankingQuery(year, first, end)),
        };
        foreach (var (caller, q) in cases)
        {
            var rankings = (await query.RankingsAsync(caller, q with { IncludeWeeks = true, IncludeTeachers = true })).Value!;
            var ranked = rankings.Teachers.Select(t => t.TeacherId).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(ranked);
            Assert.DoesNotContain(leaving, ranked.Contains);
            // The trend adds up to the ranked teachers' points of the period (a date range's trend stops at today).
            Assert.Equal(rankings.Teachers.Sum(t => t.Total), rankings.Weeks.Sum(w => w.Points));

            // Week by week: the awards of the ranked teachers, and of nobody else.
            var last = q.To is { } to && to < portal.Today ? to : q.To is null ? DateOnly.MaxValue : portal.Today;
            var from = q.From ?? DateOnly.MinValue;
            List<(DateOnly, int)> expected, outside;
            await using (var db = await portal.DbAsync())
            {
                var awards = await db.PointAwards.AsNoTracking().Where(a => a.Year == year && a.Points != 0 && a.Day >= from && a.Day <= last)
                    .Select(a => new { a.TeacherId, a.Day, a.Points }).ToListAsync();
                expected = Weekly(awards.Where(a => ranked.Contains(a.TeacherId)).Select(a => (a.Day, a.Points)));
                outside = Weekly(awards.Where(a => !ranked.Contains(a.TeacherId)).Select(a => (a.Day, a.Points)));
            }
            // Teachers outside the ranking earned points in the period: counting any of them would change the trend.
            Assert.NotEmpty(outside);
            Assert.Equal(expected, rankings.Weeks.Select(w => (w.WeekStart, w.Points)).Where(w => w.Points != 0).ToList());
        }
    }

    private static List<(DateOnly, int)> Weekly(IEnumerable<(DateOnly Day, int Points)> awards) =>
        awards.GroupBy(a => PointEngine.WeekStart(a.Day)).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(a => a.Points))).Where(w => w.Item2 != 0).ToList();
}
