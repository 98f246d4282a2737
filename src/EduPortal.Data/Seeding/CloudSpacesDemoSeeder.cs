using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// Cloud-space terms for every demo school: last term finished (every teacher's statistics imported) and the current
/// term in progress (about three teachers in four imported so far). Figures sit around the circular 001 thresholds so
/// met and unmet targets with their reasons both show; the demo teacher misses ① (原创文章 30%，低于 35%) this term.
/// Deterministic; nothing when terms exist. Returns the finished terms, whose award the module then assesses.
/// </summary>
public sealed class CloudSpacesDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private readonly Random _random = new(20261201);

    public async Task<IReadOnlyList<int>> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.CloudSpaceTerms.AnyAsync(cancellationToken))
        {
            return [];
        }
        var today = ChinaTime.Today(clock);
        var current = UseTerm.Of(today);
        var last = UseTerm.Of(current.Start.AddDays(-1));
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        var admins = await db.Users.AsNoTracking().Where(u => u.Level == AdminLevel.School).GroupBy(u => u.OrgUnitId)
            .Select(g => new { SchoolId = g.Key, Id = g.Min(u => u.Id) }).ToDictionaryAsync(a => a.SchoolId, a => a.Id!, cancellationToken);
        var teachers = (await db.Users.AsNoTracking().PointEarners().Serving().OrderBy(u => u.Id).Select(u => new { u.Id, u.OrgUnitId, u.UserName })
            .ToListAsync(cancellationToken)).ToLookup(u => u.OrgUnitId);
        var now = clock.GetUtcNow();
        var finished = new List<CloudSpaceTerm>();
        foreach (var school in schools)
        {
            var openedBy = admins.GetValueOrDefault(school.Id) ?? "system-seed";
            var lastTerm = CloudSpaceTerm.Open(school.Id, school.Path, last, openedBy, now.AddDays(last.Start.DayNumber - today.DayNumber + 3));
            var currentTerm = CloudSpaceTerm.Open(school.Id, school.Path, current, openedBy, now.AddDays(Math.Min(0, current.Start.DayNumber - today.DayNumber + 3)));
            db.CloudSpaceTerms.AddRange(lastTerm, currentTerm);
            await db.SaveChangesAsync(cancellationToken);
            finished.Add(lastTerm);
            foreach (var teacher in teachers[school.Id])
            {
                db.CloudSpaceStatistics.Add(Figures(lastTerm, teacher.Id, now, demoTeacher: false));
                // The current term is in progress: one teacher in four has no statistics yet; the demo teacher always has.
                var isDemoTeacher = teacher.UserName == DemoAccounts.Teacher;
                if (isDemoTeacher || _random.Next(4) > 0)
                {
                    db.CloudSpaceStatistics.Add(Figures(currentTerm, teacher.Id, now, isDemoTeacher));
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return finished.Select(t => t.Id).ToList();
    }

    private CloudSpaceStatistic Figures(CloudSpaceTerm term, string teacherId, DateTimeOffset at, bool demoTeacher)
    {
        var statistic = CloudSpaceStatistic.For(term.Id, term.SchoolId, teacherId, at);
        // Most figures at or above the thresholds; now and then one below, so reasons show.
        int Around(int threshold) => Math.Max(0, threshold + _random.Next(-2, 8));
        var articles = 8 + _random.Next(20);
        var original = demoTeacher ? 3 : (int)Math.Round(articles * (0.25 + _random.NextDouble() * 0.4));
        if (demoTeacher)
        {
            articles = 10;
        }
        var courseware = Around(5);
        var plans = Around(4);
        var videos = Around(2);
        var other = Around(3);
        var total = courseware + plans + videos + other;
        statistic.ApplyImport(new CloudSpaceInputs
        {
            Articles = articles,
            OriginalArticles = original,
            Courseware = courseware,
            LessonPlans = plans,
            Videos = videos,
            OtherResources = other,
            OriginalResources = (int)Math.Round(total * (0.25 + _random.NextDouble() * 0.5)),
            Photos = Around(15),
            Albums = Math.Max(1, Around(3) / 2 + 1),
            HeaderSet = _random.Next(10) > 0,
            BackgroundSet = _random.Next(12) > 0,
            HomepageModules = Around(4),
            Apps = Math.Max(0, 3 + _random.Next(-1, 4)),
        }, at);
        return statistic;
    }
}
