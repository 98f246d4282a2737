using EduPortal.Data;
using EduPortal.Data.Accounts;
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
            var bySchool = period.ToDictionary(t => t.SchoolId);
            var schoolIds = bySchool.Keys.ToList();
            var (start, end) = period.Key;
            var teachers = db.Users.AsNoTracking().PointEarners().Serving().Where(u => schoolIds.Contains(u.OrgUnitId));
            if (onlyTeacherId is not null)
            {
                teachers = teachers.Where(u => u.Id == onlyTeacherId);
            }
            var people = await teachers
                .Select(u => new { u.Id, u.RealName, u.PhoneNumber, u.Email, u.AvatarFileKey, u.OrgUnitId, u.SubjectsText })
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
            // Points and sign-in days of the term from the points roll-ups the recompute keeps with the awards (one
            // month row a teacher for each calendar month the term covers whole, day rows for its cut months), never
            // the raw events: the same sums as the term's awards and its distinct days with a 空间登录 event.
            var ledger = await (
                    from r in TermRollups(db, teachers, start, end)
                    group r by r.TeacherId into g
                    select new { TeacherId = g.Key, Points = g.Sum(r => r.Points), SignInDays = g.Sum(r => r.SignInDays) })
                .ToDictionaryAsync(p => p.TeacherId, cancellationToken);
            foreach (var person in people)
            {
                var term = bySchool[person.OrgUnitId];
                var weeks = term.WeeksThrough(today);
                var own = ledger.GetValueOrDefault(person.Id);
                var loginsPerWeek = Math.Round((decimal)(own?.SignInDays ?? 0) / weeks, 2);
                var termPoints = own?.Points ?? 0;
                statistics.TryGetValue(person.Id, out var statistic);
                var gaps = ProfileGaps(person.AvatarFileKey, person.PhoneNumber ?? person.Email, person.OrgUnitId, person.SubjectsText);
                var inputs = CloudSpaceStatistic.Inputs(statistic, gaps, loginsPerWeek, termPoints);
                rows.Add(new TeacherChecklistRow(term.Id, term.SchoolId, person.Id, person.RealName, person.PhoneNumber, CloudSpaceRules.Evaluate(inputs, term.Thresholds),
                    termPoints, loginsPerWeek, statistic is not null, statistic?.ManualTargets ?? 0));
            }
        }
        return rows;
    }

    private sealed class TermRollup
    {
        public string TeacherId { get; init; } = "";
        public int Points { get; init; }
        public int SignInDays { get; init; }
    }

    /// <summary>
    /// The roll-up rows that make up the days <paramref name="start"/>–<paramref name="end"/> of <paramref name="teachers"/>, as
    /// <see cref="PointRollupPlan"/> plans them: the month rows of the calendar months inside the term (or most of one, less
    /// its days outside) and the day rows of the months it cuts. A term may span two points years (September to January): the
    /// rows of every year that can hold its days are read, each day belonging to one year's row only.
    /// </summary>
    /// <remarks>
    /// Each part is joined with the teachers inside the UNION ALL, not outside it: SQLite cannot push a join into a compound
    /// subquery, so one school's 40 teachers would otherwise read the whole city's roll-up rows of the term (16.7 → 128 ms,
    /// issue 16). Joined per part, a few teachers seek the rows by teacher (each index holds the teacher after the year and
    /// the period), the whole city reads the (year, period) range once.
    /// </remarks>
    private static IQueryable<TermRollup> TermRollups(EduPortalDbContext db, IQueryable<ApplicationUser> teachers, DateOnly start, DateOnly end)
    {
        var years = Enumerable.Range(start.Year - 1, end.Year - start.Year + 3).ToList();
        var plan = PointRollupPlan.For(start, end);
        var months = plan.WholeMonths;
        var rows = months.Count == 0 ? null
            : from u in teachers
              join m in db.PointTeacherMonths.AsNoTracking() on u.Id equals m.TeacherId
              where years.Contains(m.Year) && months.Contains(m.Month)
              select new TermRollup { TeacherId = m.TeacherId, Points = m.Points, SignInDays = m.SignInDays };
        foreach (var (first, last, sign) in plan.DayRanges)
        {
            var days = from u in teachers
                       join d in db.PointTeacherDays.AsNoTracking() on u.Id equals d.TeacherId
                       where years.Contains(d.Year) && d.Day >= first && d.Day <= last
                       select new TermRollup { TeacherId = d.TeacherId, Points = sign * d.Points, SignInDays = sign * d.SignInDays };
            rows = rows is null ? days : rows.Concat(days);
        }
        return rows ?? teachers.Where(u => false).Select(u => new TermRollup { TeacherId = u.Id });
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
