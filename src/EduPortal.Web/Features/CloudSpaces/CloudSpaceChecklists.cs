using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>
/// Builds the checklists of many terms at once: the schools' serving teachers, their statistics, their profile gaps
/// from the account, and logins and points of the term from the deep-application ledger (circular 001 ⑦ and 附件2:
/// 空间登录 events, and the points awarded on the term's days). Callers apply jurisdiction to the terms they pass.
/// </summary>
public static class CloudSpaceChecklists
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

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
            var termFrom = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            var termTo = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
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
            // Both ledger reads seek the per-teacher indexes: awards (TeacherId, Year, Day, Points) by year, covering;
            // events (TeacherId, OccurredAt) by the term's instants, so only the term's events are read, not the year's.
            var points = await (
                    from a in db.PointAwards.AsNoTracking()
                    where a.Year >= start.Year && a.Year <= end.Year && a.Day >= start && a.Day <= end
                    join u in teachers on a.TeacherId equals u.Id
                    group a by a.TeacherId into g
                    select new { TeacherId = g.Key, Points = g.Sum(a => a.Points) })
                .ToDictionaryAsync(p => p.TeacherId, p => p.Points, cancellationToken);
            var logins = await (
                    from e in db.PointEvents.AsNoTracking()
                    where e.OccurredAt >= termFrom && e.OccurredAt < termTo && e.Type == PointTypes.Login && e.Day >= start && e.Day <= end
                    join u in teachers on e.TeacherId equals u.Id
                    group e.Day by e.TeacherId into g
                    select new { TeacherId = g.Key, Days = g.Distinct().Count() })
                .ToDictionaryAsync(p => p.TeacherId, p => p.Days, cancellationToken);
            foreach (var person in people)
            {
                var term = bySchool[person.OrgUnitId];
                var weeks = term.WeeksThrough(today);
                var loginsPerWeek = Math.Round((decimal)logins.GetValueOrDefault(person.Id) / weeks, 2);
                var termPoints = points.GetValueOrDefault(person.Id);
                statistics.TryGetValue(person.Id, out var statistic);
                var gaps = ProfileGaps(person.AvatarFileKey, person.PhoneNumber ?? person.Email, person.OrgUnitId, person.SubjectsText);
                var inputs = CloudSpaceStatistic.Inputs(statistic, gaps, loginsPerWeek, termPoints);
                rows.Add(new TeacherChecklistRow(term.Id, term.SchoolId, person.Id, person.RealName, person.PhoneNumber, CloudSpaceRules.Evaluate(inputs, term.Thresholds),
                    termPoints, loginsPerWeek, statistic is not null, statistic?.ManualTargets ?? 0));
            }
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
