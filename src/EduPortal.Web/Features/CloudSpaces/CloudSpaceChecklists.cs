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
    /// <summary>
    /// Up to this many schools a period's roll-up rows are found teacher by teacher (each teacher's key); more read the
    /// period's rows of the whole city in (year, period) order once. Measured in SQLite on the large district (issue 16),
    /// by teacher against the city's rows: one school 3 against 213 ms, a county's 50 schools 67 against 150 ms, the
    /// city's 500 schools 440 against 110 ms.
    /// </summary>
    public const int SchoolsReadByTeacher = 100;

    public static Task<List<TeacherChecklistRow>> BuildAsync(EduPortalDbContext db, IReadOnlyList<CloudSpaceTerm> terms, DateOnly today,
        string? onlyTeacherId, CancellationToken cancellationToken) => BuildAsync(db, terms, today, onlyTeacherId, null, cancellationToken);

    /// <param name="readByTeacher">Tests force either read of the roll-ups (null: by the number of schools).</param>
    internal static async Task<List<TeacherChecklistRow>> BuildAsync(EduPortalDbContext db, IReadOnlyList<CloudSpaceTerm> terms, DateOnly today,
        string? onlyTeacherId, bool? readByTeacher, CancellationToken cancellationToken)
    {
        var rows = new List<TeacherChecklistRow>();
        // Terms of one period share their dates: one read of the ledger per period.
        foreach (var period in terms.GroupBy(t => (t.Start, t.End)))
        {
            var read = await ReadPeriodAsync(db, period.ToList(), onlyTeacherId, names: true, readByTeacher, cancellationToken);
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
            var read = await ReadPeriodAsync(db, period.ToList(), null, names: false, null, cancellationToken);
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
    }

    /// <summary>One period's serving teachers of the terms' schools, their statistics and their points and sign-in days of the term.</summary>
    private sealed record PeriodRead(Dictionary<int, CloudSpaceTerm> Terms, List<Person> People, Dictionary<string, CloudSpaceStatistic> Statistics,
        Dictionary<string, (int Points, int SignInDays)> Ledger)
    {
        public (CloudSpaceInputs Inputs, int Points, decimal LoginsPerWeek, CloudSpaceStatistic? Statistic) InputsOf(Person person, CloudSpaceTerm term, DateOnly today)
        {
            var own = Ledger.GetValueOrDefault(person.Id);
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
        bool? readByTeacher, CancellationToken cancellationToken)
    {
        var bySchool = period.ToDictionary(t => t.SchoolId);
        var schoolIds = bySchool.Keys.ToList();
        var (start, end) = (period[0].Start, period[0].End);
        var teachers = db.Users.AsNoTracking().PointEarners().Serving().Where(u => schoolIds.Contains(u.OrgUnitId));
        if (onlyTeacherId is not null)
        {
            teachers = teachers.Where(u => u.Id == onlyTeacherId);
        }
        var people = await teachers
            .Select(u => new Person
            {
                Id = u.Id,
                RealName = names ? u.RealName : null,
                PhoneNumber = u.PhoneNumber,
                Email = u.Email,
                AvatarFileKey = u.AvatarFileKey,
                OrgUnitId = u.OrgUnitId,
                SubjectsText = u.SubjectsText,
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
        // Points and sign-in days of the term from the points roll-ups the recompute keeps with the awards, never the raw
        // events: the same sums as the term's awards and its distinct days with a 空间登录 event. Grouped in SQL: the city's
        // ~225,000 rows of a term come back as one row a teacher (streaming them into a dictionary measured slower).
        var byTeacher = readByTeacher ?? (onlyTeacherId is not null || schoolIds.Count <= SchoolsReadByTeacher);
        var ledger = (await TermRollups(db, byTeacher ? teachers : null, start, end)
                .GroupBy(r => r.TeacherId)
                .Select(g => new { TeacherId = g.Key, Points = g.Sum(r => r.Points), SignInDays = g.Sum(r => r.SignInDays) })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => r.TeacherId, r => (r.Points, r.SignInDays), StringComparer.Ordinal);
        return new PeriodRead(bySchool, people, statistics, ledger);
    }

    private sealed class TermRollup
    {
        public string TeacherId { get; init; } = "";
        public int Points { get; init; }
        public int SignInDays { get; init; }
    }

    /// <summary>
    /// The roll-up rows that make up the days <paramref name="start"/>–<paramref name="end"/>, as <see cref="PointRollupPlan"/>
    /// plans them: the month rows of the calendar months inside the term (or most of one, less its days outside) and the day
    /// rows of the months it cuts. A term may span two points years (September to February): the rows of every year that
    /// can hold its days are read, each day belonging to one year's row only.
    /// </summary>
    /// <remarks>
    /// With <paramref name="teachers"/> (a school or a county), each part is joined with them inside the UNION ALL (SQLite
    /// cannot push a join into a compound subquery) and the year is compared as an expression (<c>Year + 0</c>), so the rows
    /// are found through each teacher's key (teacher, year, period) rather than the (year, period) index, which would read
    /// the whole city's rows of the term: the checklist of one school went from 16.7 to 128 ms that way (issue 16). Without
    /// them (many schools), every row of the term is read in (year, period) order and the caller keeps its teachers' sums.
    /// </remarks>
    private static IQueryable<TermRollup> TermRollups(EduPortalDbContext db, IQueryable<ApplicationUser>? teachers, DateOnly start, DateOnly end)
    {
        var years = Enumerable.Range(start.Year - 1, end.Year - start.Year + 3).ToList();
        var plan = PointRollupPlan.For(start, end);
        var months = plan.WholeMonths;
        IQueryable<PointTeacherMonth> monthRows = db.PointTeacherMonths.AsNoTracking();
        monthRows = teachers is null
            ? monthRows.Where(m => years.Contains(m.Year) && months.Contains(m.Month))
            : from u in teachers
              join m in monthRows on u.Id equals m.TeacherId
              where years.Contains(m.Year + 0) && months.Contains(m.Month)
              select m;
        var rows = months.Count == 0 ? null : monthRows.Select(m => new TermRollup { TeacherId = m.TeacherId, Points = m.Points, SignInDays = m.SignInDays });
        foreach (var (first, last, sign) in plan.DayRanges)
        {
            IQueryable<PointTeacherDay> dayRows = db.PointTeacherDays.AsNoTracking();
            dayRows = teachers is null
                ? dayRows.Where(d => years.Contains(d.Year) && d.Day >= first && d.Day <= last)
                : from u in teachers
                  join d in dayRows on u.Id equals d.TeacherId
                  where years.Contains(d.Year + 0) && d.Day >= first && d.Day <= last
                  select d;
            var days = dayRows.Select(d => new TermRollup { TeacherId = d.TeacherId, Points = sign * d.Points, SignInDays = sign * d.SignInDays });
            rows = rows is null ? days : rows.Concat(days);
        }
        return rows ?? db.PointTeacherDays.AsNoTracking().Where(d => false).Select(d => new TermRollup { TeacherId = d.TeacherId });
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
