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
                    from r in TermRollups(db, start, end)
                    join u in teachers on r.TeacherId equals u.Id
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
    /// The roll-up rows that make up the days <paramref name="start"/>–<paramref name="end"/>: the month rows of the calendar
    /// months inside the term and the day rows of the months it cuts. A term may span two points years (September to
    /// January): the rows of every year that can hold its days are read, each day belonging to one year's row only.
    /// </summary>
    private static IQueryable<TermRollup> TermRollups(EduPortalDbContext db, DateOnly start, DateOnly end)
    {
        var years = Enumerable.Range(start.Year - 1, end.Year - start.Year + 3).ToList();
        var firstWhole = start.Day == 1 ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var lastWholeEnd = end.AddDays(1).Day == 1 ? end : new DateOnly(end.Year, end.Month, 1).AddDays(-1);
        var days = new List<(DateOnly From, DateOnly To)>();
        var months = new List<DateOnly>();
        if (firstWhole > lastWholeEnd)
        {
            days.Add((start, end));
        }
        else
        {
            for (var month = firstWhole; month <= lastWholeEnd; month = month.AddMonths(1))
            {
                months.Add(month);
            }
            if (start < firstWhole)
            {
                days.Add((start, firstWhole.AddDays(-1)));
            }
            if (end > lastWholeEnd)
            {
                days.Add((lastWholeEnd.AddDays(1), end));
            }
        }
        var rows = db.PointTeacherMonths.AsNoTracking().Where(m => years.Contains(m.Year) && months.Contains(m.Month))
            .Select(m => new TermRollup { TeacherId = m.TeacherId, Points = m.Points, SignInDays = m.SignInDays });
        foreach (var (from, to) in days)
        {
            rows = rows.Concat(db.PointTeacherDays.AsNoTracking().Where(d => years.Contains(d.Year) && d.Day >= from && d.Day <= to)
                .Select(d => new TermRollup { TeacherId = d.TeacherId, Points = d.Points, SignInDays = d.SignInDays }));
        }
        return rows;
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
