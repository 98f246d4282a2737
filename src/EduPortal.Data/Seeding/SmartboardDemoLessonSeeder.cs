using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// Demo 观摩课、示范课 and county competitions, deterministic: every school of the demo county holds demo lessons this year
/// (every fourth school only one, so it is flagged below circular 003 §三.2's two), and some last year; the county's last
/// competition round with its results recorded and the current round open with entries (circular 004's June and December
/// rounds). Runs once (nothing when demo lessons exist), through the real domain rules.
/// </summary>
public sealed class SmartboardDemoLessonSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private static readonly (DemoLessonKind Kind, string Subject, string Topic)[] Lessons =
    [
        (DemoLessonKind.Observation, "数学", "一体机互动练习在“分数的初步认识”中的应用"),
        (DemoLessonKind.Model, "语文", "借助班班通资源上好古诗词朗读课"),
        (DemoLessonKind.Observation, "英语", "展台与录播在口语练习中的运用"),
        (DemoLessonKind.Model, "科学", "用交互课件演示“水的三态变化”"),
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.DemoLessons.AnyAsync(cancellationToken) || await db.LessonCompetitions.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var county = await db.Users.AsNoTracking().Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.CountyAdmin, cancellationToken);
        if (county?.OrgUnit is null)
        {
            return 0;
        }
        var today = ChinaTime.Today(clock);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var countyPath = county.OrgUnit.Path;
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(countyPath)).OrderBy(o => o.Path)
            .ToListAsync(cancellationToken);
        var people = (await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnit!.Path.StartsWith(countyPath) && u.OrgUnit.Kind == OrgUnitKind.School)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.RealName, u.Level, u.OrgUnitId }).ToListAsync(cancellationToken)).ToLookup(u => u.OrgUnitId);
        var rooms = (await db.Classrooms.AsNoTracking().Where(c => c.SchoolPath.StartsWith(countyPath)).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.SchoolId);
        var admins = new Dictionary<int, Caller>();
        var count = 0;
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var staff = people[school.Id].ToList();
            var admin = staff.FirstOrDefault(p => p.Level == AdminLevel.School);
            var teachers = staff.Where(p => p.Level == AdminLevel.Teacher).Select(p => new DemoLessonTeacher(p.Id, p.RealName, school.Id)).ToList();
            if (admin is null || teachers.Count == 0)
            {
                continue;
            }
            var caller = new Caller(admin.Id, admin.RealName, AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
            admins[school.Id] = caller;
            var info = new DemoLessonSchool(school.Id, school.Name, school.Path, county.OrgUnitId);
            // This year: every fourth school holds one lesson (below the rule), the others two or three; last year two each.
            var thisYear = i % 4 == 3 ? 1 : 2 + i % 2;
            var dates = Enumerable.Range(0, thisYear).Select(k => Max(today.AddDays(-(20 + 70 * k + i % 9)), yearStart))
                .Concat([Max(yearStart.AddDays(-10 - i % 20), today.AddDays(-DemoLesson.MaxBackdateDays)), Max(yearStart.AddDays(-60 - i % 20), today.AddDays(-DemoLesson.MaxBackdateDays))])
                .ToList();
            for (var k = 0; k < dates.Count; k++)
            {
                var (kind, subject, topic) = Lessons[(i + k) % Lessons.Length];
                var room = rooms[school.Id].Skip(k).FirstOrDefault();
                var recorded = DemoLesson.Record(caller, info, kind, teachers[(i + k) % teachers.Count], subject, topic, dates[k], room,
                    $"本校及周边学校教师 {18 + (i + k) % 20} 人听课，课后集体评课。", k == 0 ? "https://example.edu.cn/kl/" + (1000 + i) : null, clock);
                if (recorded.Succeeded)
                {
                    db.DemoLessons.Add(recorded.Value!);
                    count++;
                }
            }
        }
        var countyCaller = new Caller(county.Id, county.RealName, county.Level, county.OrgUnitId, county.OrgUnit.Name, county.OrgUnit.Path, county.OrgUnit.Kind,
            county.Capabilities);
        // The latest round held (June or December, circular 004) has its results; the round after it is open for entries.
        var (pastYear, pastPeriod) = today.Month >= 12 ? (today.Year, CompetitionPeriod.December)
            : today.Month >= 6 ? (today.Year, CompetitionPeriod.June) : (today.Year - 1, CompetitionPeriod.December);
        var (openYear, openPeriod) = pastPeriod == CompetitionPeriod.December ? (pastYear + 1, CompetitionPeriod.June) : (pastYear, CompetitionPeriod.December);
        var entrants = schools.Where(s => admins.ContainsKey(s.Id))
            .Select(s => (School: s, Teacher: people[s.Id].FirstOrDefault(p => p.Level == AdminLevel.Teacher)))
            .Where(x => x.Teacher is not null).Select(x => (x.School, Teacher: new DemoLessonTeacher(x.Teacher!.Id, x.Teacher.RealName, x.School.Id))).ToList();
        var past = Competition(countyCaller, pastYear, pastPeriod, entrants.Take(6).ToList(), admins);
        Competition(countyCaller, openYear, openPeriod, entrants.Skip(6).Take(3).ToList(), admins);
        await db.SaveChangesAsync(cancellationToken);
        if (past is not null && past.Entries.Count > 0)
        {
            var awards = CompetitionNames.Awards;
            past.RecordResults(countyCaller, past.Entries.Select((e, k) => (e.Id, Award: (CompetitionAward?)awards[Math.Min(k, awards.Count - 1)]))
                .ToDictionary(x => x.Id, x => x.Award), clock);
            await db.SaveChangesAsync(cancellationToken);
        }
        return count;
    }

    private LessonCompetition? Competition(Caller county, int year, CompetitionPeriod period, IReadOnlyList<(OrgUnit School, DemoLessonTeacher Teacher)> entrants,
        IReadOnlyDictionary<int, Caller> admins)
    {
        var opened = LessonCompetition.Open(county, year, period, $"{county.OrgUnitName}{year}年{period.DisplayName()}班班通应用学科竞赛", clock);
        if (!opened.Succeeded)
        {
            return null;
        }
        var competition = opened.Value!;
        string[] subjects = ["语文", "数学", "英语", "科学", "音乐", "美术"];
        for (var k = 0; k < entrants.Count; k++)
        {
            var (school, teacher) = entrants[k];
            competition.Enter(admins[school.Id], new DemoLessonSchool(school.Id, school.Name, school.Path, county.OrgUnitId), teacher, subjects[k % subjects.Length],
                $"{subjects[k % subjects.Length]}交互课堂课例《第{k + 1}单元复习》", clock);
        }
        db.LessonCompetitions.Add(competition);
        return competition;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
