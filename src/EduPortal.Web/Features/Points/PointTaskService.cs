using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.Points;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

/// <summary>
/// One row of 积分任务: a rule as a teacher reads it (Chinese only, no event code) and, for a teacher, how far this
/// week (today, this year) has gone against its cap.
/// </summary>
public sealed record PointTaskRow(
    PointCategory Category, string Name, string Description, bool Enabled, string PointsText, string CapText, string ConditionText,
    string? ProgressText, bool CapReached)
{
    public string CategoryName => Category.DisplayName();
}

/// <param name="IsTeacher">Only a school's teachers earn points: others see the table without progress.</param>
public sealed record PointTasks(int Year, DateOnly WeekStart, bool IsTeacher, int WeekPoints, int LoginStreak, IReadOnlyList<PointTaskRow> Rows);

/// <summary>How to earn points (circular 001 附件2 §一(一): 通过“任务列表”了解与学习具体应用操作并获取相应积分).</summary>
public sealed class PointTaskService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PointTasks> TasksAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var rules = await PointRuleSets.ForDayAsync(db, today, cancellationToken);
        var weekStart = PointEngine.WeekStart(today);
        var isTeacher = caller.OrgKind == OrgUnitKind.School && caller.Level <= AdminLevel.School;

        // Scored events of this year and of this week (a week that began in the previous year counts whole: caps hold per week).
        var scored = new List<(string Type, DateOnly Day, int Points)>();
        if (isTeacher)
        {
            // Also the last two months, so a login streak that began last year is counted whole.
            var first = new[] { weekStart, rules.StartDate, today.AddDays(-62) }.Min();
            var rows = await (from a in db.PointAwards.AsNoTracking().OwnedBy(caller)
                              where a.Day >= first && a.Day <= today && a.Points > 0
                              join e in db.PointEvents.AsNoTracking() on a.EventId equals e.Id
                              select new { e.Type, a.Day, a.Points }).ToListAsync(cancellationToken);
            scored = rows.Select(r => (r.Type, r.Day, r.Points)).ToList();
        }
        var loginDays = scored.Where(s => s.Type == PointTypes.Login).Select(s => s.Day).ToHashSet();
        var streak = 0;
        for (var day = loginDays.Contains(today) ? today : today.AddDays(-1); loginDays.Contains(day); day = day.AddDays(-1))
        {
            streak++;
        }

        var result = rules.Rules.Select(rule =>
        {
            string? progress = null;
            var reached = false;
            if (isTeacher && rule.Enabled)
            {
                var ofType = scored.Where(s => s.Type == rule.Type).ToList();
                var week = ofType.Count(s => s.Day >= weekStart);
                var year = ofType.Count(s => rules.Contains(s.Day));
                var todayCount = ofType.Count(s => s.Day == today);
                if (rule.IsDaily)
                {
                    progress = (todayCount > 0 ? "今日已得分" : "今日未登录") + (streak > 0 ? $"，已连续登录 {streak} 天" : "");
                    reached = todayCount > 0;
                }
                else if (rule.YearlyCap is { } yearCap)
                {
                    progress = $"本年 {year}/{yearCap}";
                    reached = year >= yearCap;
                }
                else if (rule.WeeklyCap is { } weekCap)
                {
                    progress = $"本周 {week}/{weekCap}";
                    reached = week >= weekCap;
                }
                else if (rule.DailyCap is { } dayCap)
                {
                    progress = $"今日 {todayCount}/{dayCap}";
                    reached = todayCount >= dayCap;
                }
                else
                {
                    progress = $"本周 {week} 次";
                }
            }
            return new PointTaskRow(rule.Category, rule.Name, rule.Description, rule.Enabled, PointsText(rule), CapText(rule), ConditionText(rule), progress, reached);
        }).ToList();
        var weekPoints = scored.Where(s => s.Day >= weekStart).Sum(s => s.Points);
        return new PointTasks(rules.Year, weekStart, isTeacher, weekPoints, streak, result);
    }

    public static string PointsText(PointRule rule) =>
        (rule.IsDaily ? $"{rule.Points} 分/天" : $"{rule.Points} 分/次")
        + (rule.StreakFromDay is { } from ? $"；连续登录第 {from} 天起 {rule.StreakPoints} 分/天" : "");

    public static string CapText(PointRule rule)
    {
        var caps = new List<string>();
        if (rule.IsDaily)
        {
            caps.Add("每天计 1 次");
        }
        else if (rule.DailyCap is { } day)
        {
            caps.Add($"每天最多 {day} 次");
        }
        if (rule.WeeklyCap is { } week)
        {
            caps.Add($"每周最多 {week} 次");
        }
        if (rule.YearlyCap is { } year)
        {
            caps.Add($"每年最多 {year} 次");
        }
        return caps.Count == 0 ? "不限" : string.Join("，", caps);
    }

    public static string ConditionText(PointRule rule)
    {
        if (rule.Threshold is not { } threshold)
        {
            return "—";
        }
        var text = $"{rule.QuantityName}不少于 {threshold} {rule.QuantityUnit}";
        if (rule.AlternativeThreshold is { } alternative)
        {
            text += $"，或{rule.AlternativeQuantityName}不少于 {alternative} {rule.AlternativeQuantityUnit}";
        }
        return text;
    }
}
