using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Data.Seeding;

/// <summary>
/// A year of deep-application activity for the demo city, deterministic (fixed seed): sign-in streaks and
/// the other rows of the table with numbers around their thresholds, so caps, streaks and "未满" reasons
/// all show. The activity covers the 52 weeks up to yesterday (so a sign-in today visibly earns today's point),
/// which spans two calendar years on any date: in early January last year is full and this year has begun.
/// Awards are then derived by the recomputation, exactly as in production.
/// </summary>
public sealed class PointsDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    public const string DemoSource = "cloud-space";
    private readonly Random _random = new(20260501);

    public async Task<long> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.PointEvents.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var today = ChinaTime.Today(clock);
        var firstWeek = PointEngine.WeekStart(today.AddDays(-7 * 52));
        var rules = DefaultPointRules.For(today.Year);
        var teachers = await db.Users.AsNoTracking().PointEarners().OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken);
        var others = rules.Rules.Where(r => r.Type is not (PointTypes.Login or PointTypes.LabRecordPublished)).ToArray();
        var teaching = others.Where(r => r.Points >= 5).ToArray();
        var now = clock.GetUtcNow();
        var events = new List<PointEvent>();
        var sequence = 0;
        DateTimeOffset At(DateOnly day, int hour, int minute) =>
            new(day.Year, day.Month, day.Day, hour, minute, 0, TimeSpan.FromHours(8));
        void Add(string teacherId, string type, DateTimeOffset at, int? quantity = null, int? secondary = null)
        {
            var login = type == PointTypes.Login;
            var day = PointEngine.ChinaDay(at);
            events.Add(PointEvent.Create(teacherId, type, at, login ? PointSources.Portal : DemoSource,
                login ? $"login-{teacherId}-{day:yyyyMMdd}" : $"seed-{++sequence:D7}", quantity, secondary, now));
        }
        int? QuantityFor(PointRule rule) => rule.Threshold is { } t ? Math.Max(0, t + _random.Next(-4, 12)) : null;

        foreach (var teacher in teachers)
        {
            var demo = teacher.UserName == DemoAccounts.Teacher;
            // One teacher in four uses the space every week, teaching with its apps, enough for the cloud-space target
            // ⑦ (circular 001: ≥ 2 sign-ins a week, ≥ 500 points a term); the others now and then.
            var regular = !demo && _random.Next(4) == 0;
            var activity = demo ? 0.5 : regular ? 0.85 + _random.NextDouble() * 0.15 : 0.03 + _random.NextDouble() * 0.37;
            for (var week = firstWeek; week < today; week = week.AddDays(7))
            {
                if (_random.NextDouble() < activity)
                {
                    // A burst of consecutive sign-ins (the streak rule needs runs of days).
                    var start = week.AddDays(_random.Next(0, 7));
                    var length = _random.Next(regular ? 2 : 1, demo ? 9 : regular ? 7 : 6);
                    for (var d = start; d < start.AddDays(length) && d < today; d = d.AddDays(1))
                    {
                        if (d >= firstWeek)
                        {
                            Add(teacher.Id, PointTypes.Login, At(d, 7 + _random.Next(0, 3), _random.Next(60)));
                        }
                    }
                }
                if (_random.NextDouble() < activity)
                {
                    var count = _random.Next(regular ? 9 : 1, demo ? 8 : regular ? 17 : 4);
                    for (var i = 0; i < count; i++)
                    {
                        var day = week.AddDays(_random.Next(0, 5));
                        if (day < today)
                        {
                            var rule = regular ? teaching[_random.Next(teaching.Length)] : others[_random.Next(others.Length)];
                            Add(teacher.Id, rule.Type, At(day, 8 + _random.Next(0, 9), _random.Next(60)), QuantityFor(rule), _random.Next(0, 8));
                        }
                    }
                }
            }
            if (demo)
            {
                // The demo teacher signed in every day of the last ten days, so today's sign-in scores 2 points (in the
                // first days of January too: a streak runs on across the new year), and shared more resources this
                // week than the cap allows.
                for (var d = today.AddDays(-10); d < today; d = d.AddDays(1))
                {
                    Add(teacher.Id, PointTypes.Login, At(d, 7, 50));
                }
                var monday = PointEngine.WeekStart(today.AddDays(-1));
                for (var i = 0; i < 6 && monday.AddDays(i % 2) < today; i++)
                {
                    Add(teacher.Id, PointTypes.ResourceShare, At(monday.AddDays(i % 2), 9 + i, 5));
                }
                Add(teacher.Id, PointTypes.InteractiveLesson, At(today.AddDays(-2), 10, 0), 12);
            }
        }
        // The demo teacher's extra sign-ins may repeat a burst day: keep one event per external id.
        var unique = events.GroupBy(e => (e.Source, e.ExternalId)).Select(g => g.First()).ToList();
        await db.InTransactionAsync(ct => PointBulkInsert.EventsAsync(db, db.Database.CurrentTransaction!.GetDbTransaction(), unique, ct), cancellationToken);
        // The demo platform's key record, so its events show the platform's name; its plain key is thrown away.
        db.PointApiKeys.Add(PointApiKey.Issue("人人通空间（演示）", DemoSource, "系统", now).Value.Key);
        await db.SaveChangesAsync(cancellationToken);
        var options = (DbContextOptions<EduPortalDbContext>)db.GetService<IDbContextOptions>();
        var recomputation = new PointRecomputation(new OptionsFactory(options));
        // Oldest year first: a year's first week and login streak read the last days of the year before.
        for (var year = firstWeek.Year; year <= today.Year; year++)
        {
            await recomputation.RecomputeYearAsync(year, cancellationToken: cancellationToken);
        }
        return unique.Count;
    }

    /// <summary>
    /// The calendar year holding most of the seeded 52 weeks: this year from July on, last year before. Tests that
    /// need a year full of demo activity read this, so they hold on any date the suite runs.
    /// </summary>
    public static int FullestYear(DateOnly today) => today.DayOfYear > 182 ? today.Year : today.Year - 1;

    private sealed class OptionsFactory(DbContextOptions<EduPortalDbContext> options) : IDbContextFactory<EduPortalDbContext>
    {
        public EduPortalDbContext CreateDbContext() => new(options);
    }
}
