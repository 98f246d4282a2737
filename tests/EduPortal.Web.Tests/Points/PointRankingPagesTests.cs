using EduPortal.Data.Accounts;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// The rankings page lists its teachers a page at a time, ordered and cut in SQL (issue 16): every page must be its slice
/// of the full ranking, ranks and ties included, and never name a teacher outside the caller's jurisdiction. The year's
/// weekly trend is one grouped read of the weekly roll-up: it must equal the teachers' awards per week.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointRankingPagesTests(PortalFactory portal)
{
    private static string Key(TeacherPointsRow r) =>
        $"{r.Rank}|{r.TeacherId}|{r.RealName}|{r.SchoolId}|{r.SchoolName}|{r.CountyName}|{r.Total}|{string.Join(",", r.ByCategory)}";

    [Fact]
    public async Task Every_page_of_the_teacher_ranking_is_its_slice_of_the_full_ranking_with_shared_ranks_for_ties()
    {
        var year = portal.PointsYear;
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var query = portal.Service<PointQueryService>();
        var month = new DateOnly(year, 3, 1);
        RankingQuery[] queries =
        [
            new(year),
            new(year, month, month.AddMonths(1).AddDays(-1)),
            new(year, month.AddDays(9), month.AddMonths(1).AddDays(19), Category: PointCategory.TeachingApplication),
            new(year, ExcludeVocational: true, Category: PointCategory.SpaceBuilding),
        ];
        var sawTie = false;
        foreach (var q in queries)
        {
            var full = (await query.RankingsAsync(city, q)).Value!.Teachers;
            Assert.NotEmpty(full);
            int Measure(TeacherPointsRow r) => q.Category is { } c ? r.ByCategory[(int)c] : r.Total;
            // Competition ranks over the whole list: 1 + the teachers with more; equal measures share a rank.
            Assert.All(full, r => Assert.Equal(1 + full.Count(o => Measure(o) > Measure(r)), r.Rank));
            Assert.True(full.Zip(full.Skip(1)).All(p => Measure(p.First) >= Measure(p.Second)), "highest first");
            sawTie |= full.GroupBy(Measure).Any(g => g.Count() > 1);

            const int size = 7;
            var paged = new List<TeacherPointsRow>();
            for (var page = 0; page * size < full.Count + size; page++)
            {
                var one = (await query.TeachersPageAsync(city, q with { IncludeTeachers = false }, page, size)).Value!;
                Assert.Equal(full.Count, one.Count);
                Assert.Equal(full.Skip(page * size).Take(size).Select(Key), one.Rows.Select(Key));
                paged.AddRange(one.Rows);
            }
            Assert.Equal(full.Select(Key), paged.Select(Key));
        }
        Assert.True(sawTie, "the demo data has tied teachers, so shared ranks across pages are compared");
    }

    [Fact]
    public async Task A_county_admins_teacher_pages_name_only_their_own_countys_teachers()
    {
        var year = portal.PointsYear;
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var query = portal.Service<PointQueryService>();
        var other = await portal.OtherCountySchoolAsync();
        int cityId, otherCountyId;
        HashSet<int> ownSchools;
        await using (var db = await portal.DbAsync())
        {
            cityId = await db.OrgUnits.Where(o => o.Path == county.RankingCityPath()).Select(o => o.Id).SingleAsync();
            var otherCountyPath = OrgUnit.AncestorPaths(other.Path)[1];
            otherCountyId = await db.OrgUnits.Where(o => o.Path == otherCountyPath).Select(o => o.Id).SingleAsync();
            ownSchools = (await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(county.OrgPath)).Select(o => o.Id).ToListAsync()).ToHashSet();
        }
        // Their own county, and the whole city picked in the county picker: the list stays within their county.
        foreach (var q in new RankingQuery[] { new(year, IncludeTeachers: false), new(year, OrgUnitId: cityId, IncludeTeachers: false) })
        {
            var first = (await query.TeachersPageAsync(county, q, 0, 50)).Value!;
            Assert.NotEmpty(first.Rows);
            var all = (await query.TeachersPageAsync(county, q, 0, first.Count)).Value!;
            Assert.Equal(first.Count, all.Rows.Count);
            Assert.All(all.Rows, r => Assert.Contains(r.SchoolId, ownSchools));
        }
        // Another county: its schools are ranked publicly, its teachers never named.
        var neighbour = (await query.TeachersPageAsync(county, new RankingQuery(year, OrgUnitId: otherCountyId, IncludeTeachers: false), 0, 50)).Value!;
        Assert.Empty(neighbour.Rows);
        Assert.Equal(0, neighbour.Count);
        // A teacher is never shown named teachers either.
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        Assert.Empty((await query.TeachersPageAsync(teacher, new RankingQuery(year), 0, 50)).Value!.Rows);
    }

    [Fact]
    public async Task The_years_weekly_trend_equals_the_teachers_awards_per_week_for_a_county_and_the_city()
    {
        var year = portal.PointsYear;
        var query = portal.Service<PointQueryService>();
        foreach (var account in new[] { DemoAccounts.CountyAdmin, DemoAccounts.CityAdmin })
        {
            var caller = await portal.CallerAsync(account);
            var scopePath = caller.Level == Domain.Accounts.AdminLevel.County ? caller.OrgPath : caller.RankingCityPath();
            // Earlier tests on the shared portal leave teacher-years marked for the drain job (every minute), which rebuilds
            // awards and roll-ups together; rebuild them now so the job cannot change them between the two reads below.
            await portal.Service<PointJobs>().RecomputeDirtyAsync();
            List<(DateOnly, int)> expected;
            await using (var db = await portal.DbAsync())
            {
                var inScope = db.Users.PointEarnersUnder(scopePath).Serving().Select(u => u.Id);
                var awards = await db.PointAwards.AsNoTracking().Where(a => a.Year == year && a.Points != 0 && inScope.Contains(a.TeacherId))
                    .Select(a => new { a.Day, a.Points }).ToListAsync();
                expected = awards.GroupBy(a => PointEngine.WeekStart(a.Day)).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(a => a.Points)))
                    .Where(w => w.Item2 != 0).ToList();
            }
            Assert.NotEmpty(expected);
            var rankings = (await query.RankingsAsync(caller, new RankingQuery(year, IncludeWeeks: true, IncludeTeachers: false))).Value!;
            Assert.Equal(expected, rankings.Weeks.Select(w => (w.WeekStart, w.Points)).Where(w => w.Points != 0).ToList());
        }
    }
}
