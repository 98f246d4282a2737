using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// Cloud-space terms for every demo school: last term finished (every teacher's statistics imported) and the current
/// term in progress (about three teachers in four imported so far). Teachers who sign in regularly mostly meet the
/// statistics' targets, the others miss one or two by a visible amount, so with avatars (seeded on the accounts) and
/// the points ledger some teachers are 合格 and schools' rates spread; the demo teacher misses ① (原创文章 30%，低于
/// 35%) this term.
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
        // Sign-in days per teacher in each term, from the points ledger (seeded before): regular users build their spaces.
        async Task<Dictionary<string, int>> LoginDaysAsync(UseTerm term) => await db.PointEvents.AsNoTracking()
            .Where(e => e.Type == PointTypes.Login && e.Day >= term.Start && e.Day <= term.End)
            .GroupBy(e => e.TeacherId).Select(g => new { g.Key, Days = g.Select(e => e.Day).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Days, StringComparer.Ordinal, cancellationToken);
        var lastLogins = await LoginDaysAsync(last);
        var currentLogins = await LoginDaysAsync(current);
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
                db.CloudSpaceStatistics.Add(Figures(lastTerm, teacher.Id, now, demoTeacher: false,
                    regular: lastLogins.GetValueOrDefault(teacher.Id) >= 2 * lastTerm.WeeksThrough(today)));
                // The current term is in progress: one teacher in four has no statistics yet; the demo teacher always has.
                var isDemoTeacher = teacher.UserName == DemoAccounts.Teacher;
                if (isDemoTeacher || _random.Next(4) > 0)
                {
                    db.CloudSpaceStatistics.Add(Figures(currentTerm, teacher.Id, now, isDemoTeacher,
                        regular: currentLogins.GetValueOrDefault(teacher.Id) >= 2 * currentTerm.WeeksThrough(today)));
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return finished.Select(t => t.Id).ToList();
    }

    /// <summary>
    /// One teacher's figures for a term. Teachers who sign in regularly (≥ 2 days a week in the points ledger, circular
    /// 001 ⑦) mostly build their space fully; the others more often fall short on one or two targets, each by a visible
    /// amount (a missing album, 3 videos short of …). The demo teacher misses ① (原创文章 30%，低于 35%).
    /// </summary>
    private CloudSpaceStatistic Figures(CloudSpaceTerm term, string teacherId, DateTimeOffset at, bool demoTeacher, bool regular)
    {
        var statistic = CloudSpaceStatistic.For(term.Id, term.SchoolId, teacherId, at);
        var roll = _random.NextDouble();
        var missCount = regular ? (roll < 0.7 ? 0 : roll < 0.9 ? 1 : 2) : (roll < 0.3 ? 0 : roll < 0.7 ? 1 : 2);
        var missed = new HashSet<CloudSpaceTarget>();
        CloudSpaceTarget[] fromStatistics = [CloudSpaceTarget.Articles, CloudSpaceTarget.Resources, CloudSpaceTarget.Album, CloudSpaceTarget.Homepage, CloudSpaceTarget.Apps];
        while (missed.Count < missCount)
        {
            missed.Add(fromStatistics[_random.Next(fromStatistics.Length)]);
        }
        if (demoTeacher)
        {
            missed = [CloudSpaceTarget.Articles];
        }
        var t = term.Thresholds;
        int Above(int threshold) => threshold + _random.Next(0, 6);
        int Below(int threshold) => Math.Max(0, threshold - 1 - _random.Next(0, Math.Max(1, threshold / 2)));

        var articles = demoTeacher ? 10 : 8 + _random.Next(20);
        var originalShare = missed.Contains(CloudSpaceTarget.Articles) ? 0.15 + _random.NextDouble() * 0.15 : t.ArticleOriginalPercent / 100.0 + 0.02 + _random.NextDouble() * 0.35;
        var originalArticles = demoTeacher ? 3
            : missed.Contains(CloudSpaceTarget.Articles) ? (int)Math.Floor(articles * originalShare) : Math.Min(articles, (int)Math.Ceiling(articles * originalShare));

        var courseware = Above(t.Courseware);
        var plans = Above(t.LessonPlans);
        var videos = Above(t.Videos);
        var other = Above(t.OtherResources);
        var resourceShare = t.ResourceOriginalPercent / 100.0 + 0.02 + _random.NextDouble() * 0.4;
        var shareShort = false;
        if (missed.Contains(CloudSpaceTarget.Resources))
        {
            // 有一项没达到视为不合格: one count short, or too little original work.
            switch (_random.Next(5))
            {
                case 0: courseware = Below(t.Courseware); break;
                case 1: plans = Below(t.LessonPlans); break;
                case 2: videos = Below(t.Videos); break;
                case 3: other = Below(t.OtherResources); break;
                default: resourceShare = 0.1 + _random.NextDouble() * 0.15; shareShort = true; break;
            }
        }
        var resources = courseware + plans + videos + other;
        var originalResources = shareShort ? (int)Math.Floor(resources * resourceShare) : Math.Min(resources, (int)Math.Ceiling(resources * resourceShare));

        var photos = Above(t.Photos) + _random.Next(0, 20);
        var albums = Above(t.Albums);
        if (missed.Contains(CloudSpaceTarget.Album))
        {
            if (_random.Next(2) == 0)
            {
                photos = Below(t.Photos);
            }
            else
            {
                albums = Math.Max(1, Below(t.Albums));
            }
        }
        bool header = true, background = true;
        var modules = Above(t.HomepageModules);
        if (missed.Contains(CloudSpaceTarget.Homepage))
        {
            switch (_random.Next(3))
            {
                case 0: header = false; break;
                case 1: background = false; break;
                default: modules = Below(t.HomepageModules); break;
            }
        }
        var apps = missed.Contains(CloudSpaceTarget.Apps) ? Below(t.Apps) : Above(t.Apps);
        statistic.ApplyImport(new CloudSpaceInputs
        {
            Articles = articles,
            OriginalArticles = originalArticles,
            Courseware = courseware,
            LessonPlans = plans,
            Videos = videos,
            OtherResources = other,
            OriginalResources = originalResources,
            Photos = photos,
            Albums = albums,
            HeaderSet = header,
            BackgroundSet = background,
            HomepageModules = modules,
            Apps = apps,
        }, at);
        return statistic;
    }
}
