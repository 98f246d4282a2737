using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces.Awards;

/// <summary>The demo expert reviewer's login (password as the other demo accounts).</summary>
public static class AwardDemoAccounts
{
    /// <summary>评审专家 at the demo county's second junior school (school_admin2's), so never conflicted with the demo school.</summary>
    public const string Expert = "expert";
}

/// <summary>
/// Demo award rounds of the demo county, deterministic (fixed random seed), driven through the domain's transitions
/// with days inside each phase: the latest round whose review has ended, scored by five experts (four where one is of
/// the entry's own school) and published with winners; and, when the portal's clock is inside 报名 … 表彰 of this year,
/// the current round with nominations (and assignments once 专家评选 has begun).
/// </summary>
public sealed class AwardDemoSeeder(EduPortalDbContext db, TimeProvider clock, AwardRoundService awards)
{
    private readonly Random _random = new(20260521);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var county = await db.Users.Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.CountyAdmin, cancellationToken);
        var other = await db.Users.Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.OtherSchoolAdmin, cancellationToken);
        if (county is null || other is null || await db.AwardRounds.AnyAsync(cancellationToken))
        {
            return;
        }
        var countyCaller = (await CallerAccessor.LoadAsync(db, county.Id, cancellationToken))!;
        var experts = await SeedExpertsAsync(county, other, cancellationToken);
        var schools = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.School && !o.IsVocational && o.Path.StartsWith(county.OrgUnit!.Path))
            .OrderBy(o => o.Path).Take(10).ToListAsync(cancellationToken);

        var today = ChinaTime.Today(clock);
        var latest = today > AwardSchedule.Default(today.Year).ReviewEnd ? today.Year : today.Year - 1;
        var finished = await SeedRoundAsync(countyCaller, latest, schools, experts, scoreAll: true, cancellationToken);
        // The deep-application awards from the points index (nothing when the demo ledger has no points that year).
        await awards.ComputeDeepAsync(countyCaller, finished.Id, cancellationToken);
        await AwardRoundService.RankAsync(db, finished, cancellationToken);
        var schedule = finished.Schedule;
        finished.Publish(countyCaller, schedule.CommendationStart, At(schedule.CommendationStart, 10));
        await db.SaveChangesAsync(cancellationToken);

        var current = AwardSchedule.Default(today.Year);
        if (today >= current.NominationStart && today <= current.CommendationEnd && latest != today.Year)
        {
            var round = await SeedRoundAsync(countyCaller, today.Year, schools.Take(6).ToList(), experts, scoreAll: false, cancellationToken);
            await AwardRoundService.RankAsync(db, round, cancellationToken);
        }
    }

    /// <summary>A China-time hour of a day, stored in UTC (PostgreSQL takes only UTC offsets).</summary>
    private static DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    private async Task<List<Caller>> SeedExpertsAsync(ApplicationUser county, ApplicationUser other, CancellationToken cancellationToken)
    {
        var countyPath = county.OrgUnit!.Path;
        var schools = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(countyPath)).OrderBy(o => o.Path).Skip(1).Take(3).ToListAsync(cancellationToken);
        var homes = new List<OrgUnit> { other.OrgUnit!, county.OrgUnit! };
        homes.AddRange(schools);
        string[] names = ["严专家", "教研员陶老师", "柳专家", "池专家", "庞专家"];
        var now = clock.GetUtcNow();
        var callers = new List<Caller>();
        for (var i = 0; i < names.Length; i++)
        {
            var home = homes[i % homes.Count];
            var userName = i == 0 ? AwardDemoAccounts.Expert : $"expert{i + 1}";
            var user = new ApplicationUser
            {
                // Not "demo-…": tests pick the demo city's school teachers by that prefix, and one expert works at the county.
                Id = $"expert-demo-{userName}",
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                PhoneNumber = $"13600000{i + 1:D3}",
                PhoneNumberConfirmed = true,
                RealName = names[i],
                OrgUnitId = home.Id,
                Level = AdminLevel.Teacher,
                Status = AccountStatus.Active,
                Employment = EmploymentStatus.Serving,
                Capabilities = Capability.ExpertReviewer,
                RegisteredAt = now.AddDays(-400),
                SecurityStamp = $"demo-award-stamp-{userName}",
                ConcurrencyStamp = $"demo-award-concurrency-{userName}",
                LockoutEnabled = true,
                PasswordHash = county.PasswordHash,
                SubjectsText = "信息技术",
            };
            db.Users.Add(user);
            callers.Add(new Caller(user.Id, user.RealName, user.Level, home.Id, home.Name, home.Path, home.Kind, user.Capabilities));
        }
        await db.SaveChangesAsync(cancellationToken);
        return callers;
    }

    private async Task<AwardRound> SeedRoundAsync(Caller county, int year, IReadOnlyList<OrgUnit> schools, IReadOnlyList<Caller> experts, bool scoreAll,
        CancellationToken cancellationToken)
    {
        var round = AwardRound.Create(county, year, At(new DateOnly(year, 5, 10), 9)).Value!;
        db.AwardRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        var schedule = round.Schedule;
        var today = ChinaTime.Today(clock);
        var nominationDay = scoreAll ? schedule.NominationStart.AddDays(3) : (today < schedule.NominationEnd ? today : schedule.NominationEnd);
        var entries = new List<AwardEntry>();
        foreach (var (school, index) in schools.Select((s, i) => (s, i)))
        {
            var admin = new Caller($"seed-{school.Id}", "校级管理员", AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
            var teachers = await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnitId == school.Id && u.Level == AdminLevel.Teacher)
                .OrderBy(u => u.Id).Take(index % 3 == 0 ? 2 : 1).Select(u => new { u.Id, u.RealName }).ToListAsync(cancellationToken);
            var at = At(nominationDay, 9).AddMinutes(index * 17);
            foreach (var teacher in teachers)
            {
                var nominee = new AwardNominee(school.Id, school.Path, school.Name, teacher.Id, teacher.RealName);
                entries.Add(AwardEntry.Nominate(round, admin, new AwardNomination(AwardKind.TeacherSpace, teacher.Id, $"https://yun.example.cn/space/{teacher.Id}",
                    "空间栏目完整，坚持用空间备课授课"), nominee, nominationDay, at).Value!);
            }
            if (index % 2 == 0)
            {
                entries.Add(AwardEntry.Nominate(round, admin, new AwardNomination(AwardKind.SchoolSpace, null, $"https://yun.example.cn/school/{school.Id}", "学校空间常态发布校园新闻"),
                    new AwardNominee(school.Id, school.Path, school.Name), nominationDay, at.AddMinutes(5)).Value!);
            }
        }
        db.AwardEntries.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        if (!scoreAll && today < schedule.ReviewStart)
        {
            return round;
        }
        var assignDay = schedule.NominationEnd;
        var assignments = new List<(AwardAssignment Assignment, Caller Expert)>();
        foreach (var entry in entries)
        {
            foreach (var expert in experts)
            {
                var assigned = AwardAssignment.Assign(round, county, entry, new AwardExpert(expert.UserId, expert.RealName, expert.OrgPath, expert.OrgUnitName, expert.Capabilities),
                    assignDay, At(assignDay, 16));
                if (assigned.Succeeded)
                {
                    assignments.Add((assigned.Value!, expert));
                }
            }
        }
        db.AwardAssignments.AddRange(assignments.Select(a => a.Assignment));
        await db.SaveChangesAsync(cancellationToken);
        var quality = entries.ToDictionary(e => e.Id, _ => 55 + _random.Next(40));
        var lastScoreDay = scoreAll ? schedule.ReviewEnd : (today < schedule.ReviewEnd ? today : schedule.ReviewEnd);
        foreach (var (assignment, expert) in assignments)
        {
            // In the current round the demo expert leaves their sheets for the visitor to fill.
            if (!scoreAll && expert.UserId.EndsWith(AwardDemoAccounts.Expert, StringComparison.Ordinal))
            {
                continue;
            }
            var total = Math.Clamp(quality[assignment.EntryId] + _random.Next(-8, 9), 30, 100);
            var input = Split(total, round.CommentBelow);
            var day = schedule.ReviewStart.AddDays(_random.Next(Math.Max(1, lastScoreDay.DayNumber - schedule.ReviewStart.DayNumber + 1)));
            db.AwardScores.Add(AwardScore.Submit(round, expert, assignment, input, day, At(day, 15)).Value!);
        }
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    /// <summary>A total spread over the four indicators of 附件1 in proportion to their full marks.</summary>
    private static AwardScoreInput Split(int total, int commentBelow)
    {
        var layout = Math.Min(10, (int)Math.Round(total * 0.1));
        var effect = Math.Min(20, (int)Math.Round(total * 0.2));
        var innovation = Math.Min(20, (int)Math.Round(total * 0.2));
        var application = Math.Clamp(total - layout - effect - innovation, 0, 50);
        var sum = layout + application + effect + innovation;
        return new AwardScoreInput(layout, application, effect, innovation,
            sum < commentBelow ? "空间栏目不全，原创资源偏少，师生互动记录不足。" : null);
    }
}
