using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// A rule edit recomputed by the streamed full-year path (overlapped runs, fingerprints, the narrow compare, the batched
/// delete) against a fresh rebuild of the same year into empty tables, for the SQLite and the PostgreSQL tests. A year
/// no other test or the demo data uses; twelve teachers with a sign-in and a 课件制作 every week for 45 weeks. The edit
/// switches 课件制作 off (or on again): every one of their 540 courseware awards changes, and the days and weeks that
/// only had courseware points disappear (or come back), so the recompute deletes and inserts hundreds of rows a table.
/// </summary>
internal static class RuleEditRecompute
{
    public const int Year = 2041;

    public sealed record Outcome(Snapshot Recomputed, Snapshot Rebuilt, int CoursewareAwardsChanged, int DaysBefore);

    public static async Task<Outcome> RunAsync(PortalFactory portal, PointRecomputation streamed)
    {
        var factory = portal.Service<IDbContextFactory<EduPortalDbContext>>();
        var rules = DefaultPointRules.For(Year);
        List<string> teachers;
        await using (var db = await portal.DbAsync())
        {
            teachers = await db.Users.ActiveServing().Where(u => u.Level == AdminLevel.Teacher).OrderBy(u => u.Id).Select(u => u.Id).Take(12).ToListAsync();
        }
        var china = TimeSpan.FromHours(8);
        var events = new List<IncomingPointEvent>();
        foreach (var teacher in teachers)
        {
            for (var week = 0; week < 45; week++)
            {
                var day = rules.StartDate.AddDays(7 * week);
                events.Add(new IncomingPointEvent(teacher, PointTypes.Login, new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), china), $"login-{teacher}-{week}"));
                var later = day.AddDays(2);
                events.Add(new IncomingPointEvent(teacher, PointTypes.Courseware, new DateTimeOffset(later.ToDateTime(new TimeOnly(10, 0)), china), $"cw-{teacher}-{week}"));
            }
        }
        await portal.Service<PointEventStore>().RecordAsync("rule-edit-test", events);
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        var before = await CoursewarePointsAsync(portal, teachers);
        int daysBefore;
        await using (var db = await portal.DbAsync())
        {
            daysBefore = await db.PointTeacherDays.CountAsync(d => d.Year == Year && teachers.Contains(d.TeacherId));
            // The edit: 课件制作 switched off (or on again when an earlier run left it off), as a new rule-set version.
            var current = await PointRuleSets.LoadAsync(db, Year);
            var set = new PointRuleSet
            {
                Year = current.Year,
                StartDate = current.StartDate,
                PointsPerHour = current.PointsPerHour,
                Rules = [.. current.Rules.Select(r => r.Type == PointTypes.Courseware ? r with { Enabled = !r.Enabled } : r)],
            };
            var version = await db.PointRuleSetVersions.Where(v => v.Year == Year).Select(v => (int?)v.Version).MaxAsync() ?? 0;
            db.PointRuleSetVersions.Add(PointRuleSetVersion.Create(set, version + 1, teachers[0], "测试", "课件制作开关", portal.Now.ToUniversalTime()).Value!);
            await db.SaveChangesAsync();
        }

        await streamed.RecomputeYearAsync(Year);
        var recomputed = await Snapshot.TakeAsync(portal, Year);
        var after = await CoursewarePointsAsync(portal, teachers);
        var changed = before.Zip(after).Count(p => p.First != p.Second);

        // A fresh rebuild: the year's derived rows dropped, then each teacher's year computed anew (the per-teacher path).
        await using (var db = await portal.DbAsync())
        {
            await db.PointAwards.Where(a => a.Year == Year).ExecuteDeleteAsync();
            await db.PointTeacherTotals.Where(t => t.Year == Year).ExecuteDeleteAsync();
            await db.PointTeacherWeeks.Where(w => w.Year == Year).ExecuteDeleteAsync();
            await db.PointTeacherDays.Where(d => d.Year == Year).ExecuteDeleteAsync();
            await db.PointTeacherMonths.Where(m => m.Year == Year).ExecuteDeleteAsync();
        }
        await new PointRecomputation(factory) { TeachersPerRun = int.MaxValue, SkipUnchanged = false }.RecomputeTeachersAsync(Year, teachers);
        return new Outcome(recomputed, await Snapshot.TakeAsync(portal, Year), changed, daysBefore);
    }

    private static async Task<List<(long EventId, int Points)>> CoursewarePointsAsync(PortalFactory portal, List<string> teachers)
    {
        await using var db = await portal.DbAsync();
        return (await (from a in db.PointAwards
                       join e in db.PointEvents on a.EventId equals e.Id
                       where a.Year == Year && e.Type == PointTypes.Courseware && teachers.Contains(a.TeacherId)
                       select new { a.EventId, a.Points }).ToListAsync())
            .OrderBy(a => a.EventId).Select(a => (a.EventId, a.Points)).ToList();
    }
}

/// <summary>
/// Every derived row of a year as text, each with every column the EF model maps (so columns added to a derived table
/// are compared too), sorted: two snapshots are equal exactly when the stored rows are.
/// </summary>
internal sealed record Snapshot(List<string> Awards, List<string> Totals, List<string> Weeks, List<string> Days, List<string> Months)
{
    public static async Task<Snapshot> TakeAsync(PortalFactory portal, int year)
    {
        await using var db = await portal.DbAsync();
        return new Snapshot(
            Rows(db, await db.PointAwards.AsNoTracking().Where(a => a.Year == year).ToListAsync()),
            Rows(db, await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year).ToListAsync()),
            Rows(db, await db.PointTeacherWeeks.AsNoTracking().Where(w => w.Year == year).ToListAsync()),
            Rows(db, await db.PointTeacherDays.AsNoTracking().Where(d => d.Year == year).ToListAsync()),
            Rows(db, await db.PointTeacherMonths.AsNoTracking().Where(m => m.Year == year).ToListAsync()));
    }

    private static List<string> Rows<TRow>(EduPortalDbContext db, List<TRow> rows)
    {
        var properties = db.Model.FindEntityType(typeof(TRow))!.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        return rows.Select(row => string.Join("|", properties.Select(p => $"{p.Name}={Convert.ToString(p.PropertyInfo!.GetValue(row), CultureInfo.InvariantCulture)}")))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Asserts each table's rows equal (one table at a time, so a failure names it).</summary>
    public void AssertSameAs(Snapshot expected)
    {
        Assert.Equal(expected.Awards, Awards);
        Assert.Equal(expected.Totals, Totals);
        Assert.Equal(expected.Weeks, Weeks);
        Assert.Equal(expected.Days, Days);
        Assert.Equal(expected.Months, Months);
    }
}
