using EduPortal.Domain.Points;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.CloudSpaces;

/// <summary>
/// Compliance reads a term's points and sign-in days from the points roll-ups (issue 16), not the raw events: for every
/// teacher they must equal the term's awards and its distinct days with a 空间登录 event (circular 001 ⑦ and 附件2).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CloudSpaceLedgerRollupTests(PortalFactory portal)
{
    [Fact]
    public async Task Every_teachers_term_points_and_sign_in_days_from_the_rollups_equal_the_awards_and_the_sign_in_events()
    {
        await using var db = await portal.DbAsync();
        var last = UseTerm.Of(UseTerm.Of(portal.Today).Start.AddDays(-1));
        // The last term (September–January or February–July: it crosses a year or cuts months) of every school that opened it.
        var terms = await db.CloudSpaceTerms.AsNoTracking().Where(t => t.Start == last.Start).ToListAsync();
        Assert.NotEmpty(terms);
        terms = terms.Where(t => t.End == terms[0].End).ToList();
        var rows = await CloudSpaceChecklists.BuildAsync(db, terms, portal.Today, null, CancellationToken.None);
        Assert.NotEmpty(rows);
        var term = terms[0];
        var points = await db.PointAwards.Where(a => a.Day >= term.Start && a.Day <= term.End)
            .GroupBy(a => a.TeacherId).Select(g => new { g.Key, Points = g.Sum(a => a.Points) }).ToDictionaryAsync(g => g.Key, g => g.Points);
        var signIns = await db.PointEvents.Where(e => e.Type == PointTypes.Login && e.Day >= term.Start && e.Day <= term.End)
            .GroupBy(e => e.TeacherId).Select(g => new { g.Key, Days = g.Select(e => e.Day).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Days);
        var weeks = term.WeeksThrough(portal.Today);
        foreach (var row in rows)
        {
            Assert.Equal(points.GetValueOrDefault(row.TeacherId), row.Points);
            Assert.Equal(Math.Round((decimal)signIns.GetValueOrDefault(row.TeacherId) / weeks, 2), row.LoginsPerWeek);
        }
        Assert.True(rows.Count(r => r.LoginsPerWeek > 0) > rows.Count / 2, "most teachers signed in that term");
    }

    [Fact]
    public async Task One_schools_checklists_equal_its_rows_of_every_schools_read_and_the_compliance_counts_equal_the_checklists()
    {
        await using var db = await portal.DbAsync();
        var last = UseTerm.Of(UseTerm.Of(portal.Today).Start.AddDays(-1));
        var terms = await db.CloudSpaceTerms.AsNoTracking().Where(t => t.Start == last.Start).ToListAsync();
        Assert.NotEmpty(terms);
        string Key(TeacherChecklistRow r) => $"{r.SchoolId}|{r.TeacherId}|{r.Points}|{r.LoginsPerWeek}|{r.Checklist.Qualified}|{r.Checklist.MetCount}";
        var every = await CloudSpaceChecklists.BuildAsync(db, terms, portal.Today, null, CancellationToken.None);
        Assert.True(every.Any(r => r.Points > 0), "the term has points");
        foreach (var term in terms.Take(3))
        {
            var one = await CloudSpaceChecklists.BuildAsync(db, [term], portal.Today, null, CancellationToken.None);
            Assert.NotEmpty(one);
            Assert.All(one, r => Assert.Equal(term.SchoolId, r.SchoolId));
            Assert.Equal(every.Where(r => r.SchoolId == term.SchoolId).Select(Key).Order(), one.Select(Key).Order());
        }
        // The compliance page's counts: the same teachers and the same 合格 as the full checklists.
        var counts = await CloudSpaceChecklists.CountQualifiedAsync(db, terms, portal.Today, CancellationToken.None);
        var expected = every.GroupBy(r => r.SchoolId).ToDictionary(g => g.Key, g => (g.Count(), g.Count(r => r.Checklist.Qualified)));
        Assert.Equal(expected.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
    }
}
