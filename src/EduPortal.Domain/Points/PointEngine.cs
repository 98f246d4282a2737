using EduPortal.Domain.Common;

namespace EduPortal.Domain.Points;

/// <summary>A raw event as the engine sees it: what happened, when, and from where.</summary>
public readonly record struct PointEventInput(
    long Id, string Type, DateTimeOffset OccurredAt, string Source, string ExternalId, int? Quantity = null, int? SecondaryQuantity = null);

/// <summary>What one event earned, with the reason whenever it earned nothing or less than the row's points.</summary>
public readonly record struct PointAwardResult(long EventId, DateOnly Day, string Type, PointCategory? Category, int Points, string? Reason);

/// <summary>
/// Awards a teacher's raw events of one points year. Pure and deterministic: events are ordered by
/// (time, source, external id), so the same events give the same awards whatever order they arrived in,
/// and recomputing a year from the raw events reproduces the stored awards exactly.
/// </summary>
public static class PointEngine
{
    private static readonly Comparison<(PointEventInput Event, DateOnly Day)> Order = (a, b) =>
    {
        var byTime = a.Event.OccurredAt.UtcTicks.CompareTo(b.Event.OccurredAt.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }
        var bySource = string.CompareOrdinal(a.Event.Source, b.Event.Source);
        return bySource != 0 ? bySource : string.CompareOrdinal(a.Event.ExternalId, b.Event.ExternalId);
    };

    /// <summary>The China calendar day of an instant (circular 001's days and weeks are local).</summary>
    public static DateOnly ChinaDay(DateTimeOffset instant) => DateOnly.FromDateTime(ChinaTime.ToChina(instant).DateTime);

    /// <summary>Monday of the Monday–Sunday week holding the day.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static IReadOnlyList<PointAwardResult> Award(PointRuleSet rules, IEnumerable<PointEventInput> events)
    {
        var ordered = new List<(PointEventInput Event, DateOnly Day)>();
        foreach (var e in events)
        {
            var day = ChinaDay(e.OccurredAt);
            if (rules.Contains(day))
            {
                ordered.Add((e, day));
            }
        }
        ordered.Sort(Order);

        var rulesByType = new Dictionary<string, PointRule>(StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            rulesByType[rule.Type] = rule;
        }
        // Awarded counts per (type, period): caps count events that scored, in that period, for this teacher.
        var perDay = new Dictionary<(string, int), int>();
        var perWeek = new Dictionary<(string, int), int>();
        var perYear = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastLoginDay = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var streaks = new Dictionary<string, int>(StringComparer.Ordinal);

        var awards = new List<PointAwardResult>(ordered.Count);
        foreach (var (e, day) in ordered)
        {
            if (!rulesByType.TryGetValue(e.Type, out var rule))
            {
                awards.Add(new(e.Id, day, e.Type, null, 0, "未知的计分项目，不计分"));
                continue;
            }
            if (!rule.Enabled)
            {
                awards.Add(new(e.Id, day, e.Type, rule.Category, 0, $"{rule.Name}本年度不计分"));
                continue;
            }

            var points = rule.Points;
            string? reason = null;
            if (rule.IsDaily)
            {
                // circular 001 附件2 空间登录: several sign-ins a day count once; a missed day restarts the streak.
                if (lastLoginDay.TryGetValue(e.Type, out var last) && last == day)
                {
                    awards.Add(new(e.Id, day, e.Type, rule.Category, 0, "当天已计登录分，每天只计一次"));
                    continue;
                }
                var streak = lastLoginDay.TryGetValue(e.Type, out last) && last.AddDays(1) == day ? streaks[e.Type] + 1 : 1;
                lastLoginDay[e.Type] = day;
                streaks[e.Type] = streak;
                if (streak >= rule.StreakFromDay)
                {
                    points = rule.StreakPoints;
                    reason = $"连续登录第 {streak} 天，第 {rule.StreakFromDay} 天起每天 {rule.StreakPoints} 分";
                }
                else if (streak > 1)
                {
                    reason = $"连续登录第 {streak} 天";
                }
            }

            if (!ThresholdMet(rule, e))
            {
                awards.Add(new(e.Id, day, e.Type, rule.Category, 0, ThresholdReason(rule, e)));
                continue;
            }

            var weekKey = (e.Type, WeekStart(day).DayNumber);
            var dayKey = (e.Type, day.DayNumber);
            var yearCount = perYear.GetValueOrDefault(e.Type);
            var weekCount = perWeek.GetValueOrDefault(weekKey);
            var dayCount = perDay.GetValueOrDefault(dayKey);
            var capReason =
                rule.YearlyCap is { } yearCap && yearCount >= yearCap ? $"本年度{rule.Name}已达上限 {yearCap} 次" :
                rule.WeeklyCap is { } weekCap && weekCount >= weekCap ? $"本周{rule.Name}已达上限 {weekCap} 次" :
                rule.DailyCap is { } dayCap && dayCount >= dayCap ? $"今日{rule.Name}已达上限 {dayCap} 次" :
                null;
            if (capReason is not null)
            {
                awards.Add(new(e.Id, day, e.Type, rule.Category, 0, capReason));
                continue;
            }
            perYear[e.Type] = yearCount + 1;
            perWeek[weekKey] = weekCount + 1;
            perDay[dayKey] = dayCount + 1;
            awards.Add(new(e.Id, day, e.Type, rule.Category, points, reason));
        }
        return awards;
    }

    public static bool ThresholdMet(PointRule rule, PointEventInput e) =>
        rule.Threshold is not { } threshold
        || (e.Quantity ?? 0) >= threshold
        || (rule.AlternativeThreshold is { } alternative && (e.SecondaryQuantity ?? 0) >= alternative);

    private static string ThresholdReason(PointRule rule, PointEventInput e)
    {
        var reason = $"{rule.QuantityName}未满 {rule.Threshold} {rule.QuantityUnit}（本次 {e.Quantity ?? 0}）";
        if (rule.AlternativeThreshold is { } alternative)
        {
            reason += $"，且{rule.AlternativeQuantityName}未满 {alternative} {rule.AlternativeQuantityUnit}（本次 {e.SecondaryQuantity ?? 0}）";
        }
        return reason;
    }

    /// <summary>Total and per-category points of a year's awards (index = <see cref="PointCategory"/>).</summary>
    public static (int Total, int[] ByCategory) Summarize(IEnumerable<PointAwardResult> awards)
    {
        var byCategory = new int[PointCategories.All.Count];
        var total = 0;
        foreach (var award in awards)
        {
            total += award.Points;
            if (award.Category is { } category)
            {
                byCategory[(int)category] += award.Points;
            }
        }
        return (total, byCategory);
    }
}

/// <summary>Index and rank rules shared by the rankings pages (circular 001 附件2 §二).</summary>
public static class PointIndex
{
    /// <summary>
    /// School index = the school's teachers' points / its teachers, retired and departed teachers left out of
    /// both (circular 001 附件2 §二(2)); null when no active teacher is left (shown as "—").
    /// </summary>
    public static decimal? SchoolIndex(int activeTeachersPoints, int activeTeachers) =>
        activeTeachers <= 0 ? null : Math.Round((decimal)activeTeachersPoints / activeTeachers, 2, MidpointRounding.AwayFromZero);

    /// <summary>Competition ranks (1, 2, 2, 4) of values sorted descending; equal values share a rank.</summary>
    public static int[] CompetitionRanks(IReadOnlyList<decimal> descending)
    {
        var ranks = new int[descending.Count];
        for (var i = 0; i < descending.Count; i++)
        {
            ranks[i] = i > 0 && descending[i] == descending[i - 1] ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }

    public static string Format(decimal? index) => index is { } value ? value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
