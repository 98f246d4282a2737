using EduPortal.Domain.Common;

namespace EduPortal.Domain.Points;

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

    private const int DaysBeforeFirstWeekEnds = 7;

    /// <summary>
    /// How many days before a year's start the engine needs to see: the days of a first week that began in the
    /// previous year and, for login streaks, at least the days that decide the streak bonus (a longer run is
    /// followed further back only for the teachers whose run fills this window).
    /// </summary>
    public static DateOnly PriorWindowStart(PointRuleSet rules)
    {
        // A first week has at most 6 days before the start; a streak bonus from day N needs the N - 1 days before.
        var streakDays = rules.Rules.Where(r => r.IsDaily).Select(r => (r.StreakFromDay ?? 1) - 1).DefaultIfEmpty(0).Max();
        return rules.StartDate.AddDays(-Math.Max(streakDays, DaysBeforeFirstWeekEnds));
    }

    /// <summary>
    /// Awards the events of one points year. <paramref name="before"/> are the teacher's events of the days before
    /// the year with what they earned there: they award nothing here (their points stay in their own year) but
    /// a week straddling the year's start keeps its weekly caps across it, and a login streak running into the
    /// year carries on (only a missed day restarts it, not 1 January). Yearly caps count the year's own events.
    /// </summary>
    public static IReadOnlyList<PointAwardResult> Award(PointRuleSet rules, IEnumerable<PointEventInput> events, IEnumerable<PointPriorEvent>? before = null)
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

        if (before is not null)
        {
            CarryIn(rules, rulesByType, before, perWeek, lastLoginDay, streaks);
        }

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

    private static void CarryIn(PointRuleSet rules, Dictionary<string, PointRule> rulesByType, IEnumerable<PointPriorEvent> before,
        Dictionary<(string, int), int> perWeek, Dictionary<string, DateOnly> lastLoginDay, Dictionary<string, int> streaks)
    {
        var firstWeek = WeekStart(rules.StartDate);
        var loginDays = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var prior in before)
        {
            if (prior.Day >= rules.StartDate)
            {
                continue;
            }
            // The part of the first week that lies in the previous year: what scored there counts towards the week's cap.
            if (prior.Day >= firstWeek && prior.Points > 0)
            {
                var key = (prior.Type, firstWeek.DayNumber);
                perWeek[key] = perWeek.GetValueOrDefault(key) + 1;
            }
            if (rulesByType.TryGetValue(prior.Type, out var rule) && rule.IsDaily)
            {
                if (!loginDays.TryGetValue(prior.Type, out var days))
                {
                    loginDays[prior.Type] = days = [];
                }
                days.Add(prior.Day);
            }
        }
        // A streak is a run of days with a sign-in ending the day before the year starts.
        foreach (var (type, days) in loginDays)
        {
            var run = 0;
            for (var day = rules.StartDate.AddDays(-1); days.Contains(day); day = day.AddDays(-1))
            {
                run++;
            }
            if (run > 0)
            {
                lastLoginDay[type] = rules.StartDate.AddDays(-1);
                streaks[type] = run;
            }
        }
    }

    public static bool ThresholdMet(PointRule rule, PointEventInput e) =>
        rule.Threshold is not { } threshold
        || (e.Quantity ?? 0) >= threshold
        || (rule.AlternativeThreshold is { } alternative && (e.SecondaryQuantity ?? 0) >= alternative);

    private static string ThresholdReason(PointRule rule, PointEventInput e)
    {
        // The measured quantity shows its unit too: "使用时长未满 15 分钟（本次 12 分钟）".
        var reason = $"{rule.QuantityName}未满 {WithUnit(rule.Threshold ?? 0, rule.QuantityUnit)}（本次 {WithUnit(e.Quantity ?? 0, rule.QuantityUnit)}）";
        if (rule.AlternativeThreshold is { } alternative)
        {
            reason += $"，且{rule.AlternativeQuantityName}未满 {WithUnit(alternative, rule.AlternativeQuantityUnit)}（本次 {WithUnit(e.SecondaryQuantity ?? 0, rule.AlternativeQuantityUnit)}）";
        }
        return reason;
    }

    private static string WithUnit(int value, string unit) => unit.Length == 0 ? $"{value}" : $"{value} {unit}";

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
