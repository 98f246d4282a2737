using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>
/// Builds the checklists of many terms at once: the schools' serving teachers, their statistics, their profile gaps
/// from the account, and logins and points of the term from the deep-application ledger's roll-ups (circular 001 ⑦ and
/// 附件2: days with a 空间登录 event, and the points awarded on the term's days). Callers apply jurisdiction to the terms they pass.
/// </summary>
public static class CloudSpaceChecklists
{
    public static async Task<List<TeacherChecklistRow>> BuildAsync(EduPortalDbContext db, IReadOnlyList<CloudSpaceTerm> terms, DateOnly today,
        string? onlyTeacherId, CancellationToken cancellationToken)
    {
        var rows = new List<TeacherChecklistRow>();
        // Terms of one period share their dates: one read of the ledger per period.
        foreach (var period in terms.GroupBy(t => (t.Start, t.End)))
        {
            var read = await ReadPeriodAsync(db, period.ToList(), onlyTeacherId, names: true, cancellationToken);
            foreach (var person in read.People)
            {
                var term = read.Terms[person.OrgUnitId];
                var (inputs, points, loginsPerWeek, statistic) = read.InputsOf(person, term, today);
                rows.Add(new TeacherChecklistRow(term.Id, term.SchoolId, person.Id, person.RealName ?? "", person.PhoneNumber, CloudSpaceRules.Evaluate(inputs, term.Thresholds),
                    points, loginsPerWeek, statistic is not null, statistic?.ManualTargets ?? 0));
            }
        }
        return rows;
    }

    /// <summary>
    /// Per school of <paramref name="terms"/>, its serving teachers and how many are 合格 (all seven targets met): what the
    /// compliance page shows, from the same inputs as <see cref="BuildAsync"/> without the verdicts' texts or the names.
    /// </summary>
    public static async Task<Dictionary<int, (int Teachers, int Qualified)>> CountQualifiedAsync(EduPortalDbContext db, IReadOnlyList<CloudSpaceTerm> terms,
        DateOnly today, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<int, (int Teachers, int Qualified)>();
        foreach (var period in terms.GroupBy(t => (t.Start, t.End)))
        {
            var read = await ReadPeriodAsync(db, period.ToList(), null, names: false, cancellationToken);
            foreach (var person in read.People)
            {
                var term = read.Terms[person.OrgUnitId];
                var (inputs, _, _, _) = read.InputsOf(person, term, today);
                var (teachers, qualified) = figures.GetValueOrDefault(term.SchoolId);
                figures[term.SchoolId] = (teachers + 1, qualified + (CloudSpaceRules.Qualified(inputs, term.Thresholds) ? 1 : 0));
            }
        }
        return figures;
    }

    private sealed class Person
    {
        public string Id { get; init; } = "";
        public string? RealName { get; init; }
        public string? PhoneNumber { get; init; }
        public string? Email { get; init; }
        public string? AvatarFileKey { get; init; }
        public int OrgUnitId { get; init; }
        public string SubjectsText { get; init; } = "";

        /// <summary>Points of the term (the awards on its days).</summary>
        public int Points { get; init; }

        /// <summary>Days of the term with a 空间登录 event.</summary>
        public int SignInDays { get; init; }
    }

    /// <summary>One period's serving teachers of the terms' schools, their statistics and their points and sign-in days of the term.</summary>
    private sealed record PeriodRead(Dictionary<int, CloudSpaceTerm> Terms, List<Person> People, Dictionary<string, CloudSpaceStatistic> Statistics)
    {
        public (CloudSpaceInputs Inputs, int Points, decimal LoginsPerWeek, CloudSpaceStatistic? Statistic) InputsOf(Person person, CloudSpaceTerm term, DateOnly today)
        {
            var own = (person.Points, person.SignInDays);
            var loginsPerWeek = Math.Round((decimal)own.SignInDays / term.WeeksThrough(today), 2);
            Statistics.TryGetValue(person.Id, out var statistic);
            // ② from the account only when the platform's figure was not confirmed by hand.
            IReadOnlyList<string> gaps = statistic?.ProfileConfirmed is null
                ? ProfileGaps(person.AvatarFileKey, person.PhoneNumber ?? person.Email, person.OrgUnitId, person.SubjectsText)
                : [];
            return (CloudSpaceStatistic.Inputs(statistic, gaps, loginsPerWeek, own.Points), own.Points, loginsPerWeek, statistic);
        }
    }

    private static async Task<PeriodRead> ReadPeriodAsync(EduPortalDbContext db, List<CloudSpaceTerm> period, string? onlyTeacherId, bool names,
        CancellationToken cancellationToken)
    {
        var bySchool = period.ToDictionary(t => t.SchoolId);
        var schoolIds = bySchool.Keys.ToList();
        var (start, end) = (period[0].Start, period[0].End);
        var teachers = db.Users.AsNoTracking().PointEarners().Serving().Where(u => schoolIds.Contains(u.OrgUnitId));
        if (onlyTeacherId is not null)
        {
            teachers = teachers.Where(u => u.Id == onlyTeacherId);
        }
        // Points and sign-in days of the term from the points roll-ups the recompute keeps with the awards, never the raw
        // events: the same sums as the term's awards and its distinct days with a 空间登录 event. Read with the accounts, from
        // the daily roll-up's year-to-date sums (PointPrefixPlan): two lookups a teacher and points year, the second
        // year's only through the term's end (an autumn term crosses into the next points year), where the month/day plan
        // grouped the city's ~225,000 month and day rows of a term (issue 16).
        var years = new List<PointRuleSet>();
        for (var year = start.Year - 1; year <= end.Year; year++)
        {
            years.Add(await PointRuleSets.LoadAsync(db, year, cancellationToken));
        }
        var lookups = PointPrefixPlan.For(years, start, end);
        var people = await PointSpanSums.Of(db, teachers, lookups)
            .Select(s => new Person
            {
                Id = s.User.Id,
                RealName = names ? s.User.RealName : null,
                PhoneNumber = s.User.PhoneNumber,
                Email = s.User.Email,
                AvatarFileKey = s.User.AvatarFileKey,
                OrgUnitId = s.User.OrgUnitId,
                SubjectsText = s.User.SubjectsText,
                Points = s.Points,
                SignInDays = s.SignInDays,
            })
            .ToListAsync(cancellationToken);
        var termIds = period.Select(t => t.Id).ToList();
        var statistics = new Dictionary<string, CloudSpaceStatistic>(StringComparer.Ordinal);
        var statisticQuery = db.CloudSpaceStatistics.AsNoTracking().Where(s => termIds.Contains(s.TermId));
        if (onlyTeacherId is not null)
        {
            statisticQuery = statisticQuery.Where(s => s.TeacherId == onlyTeacherId);
        }
        foreach (var statistic in await statisticQuery.ToListAsync(cancellationToken))
        {
            statistics[statistic.TeacherId] = statistic;
        }
        return new PeriodRead(bySchool, people, statistics);
    }

    /// <summary>
    /// What the account lacks for ② (circular 001 ②: 头像、学校、学科、绑定邮箱或手机号), the same four items as
    /// <see cref="TeacherProfile.IsComplete"/>.
    /// </summary>
    public static IReadOnlyList<string> ProfileGaps(string? avatarKey, string? contact, int orgUnitId, string subjectsText)
    {
        var profile = new TeacherProfile(avatarKey, contact, orgUnitId, subjectsText);
        if (profile.IsComplete)
        {
            return [];
        }
        var gaps = new List<string>();
        if (string.IsNullOrEmpty(avatarKey))
        {
            gaps.Add("头像");
        }
        if (string.IsNullOrWhiteSpace(contact))
        {
            gaps.Add("绑定手机号或邮箱");
        }
        if (orgUnitId <= 0)
        {
            gaps.Add("所在学校");
        }
        if (Domain.Accounts.Subjects.Parse(subjectsText).Known.Count == 0)
        {
            gaps.Add("任教学科");
        }
        return gaps;
    }
}
