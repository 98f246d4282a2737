using EduPortal.Domain.Common;

namespace EduPortal.Domain.Circulars;

/// <summary>
/// A dated step of a circular's timeline (circular 000 §二: 4月21日前完成…注册 is a deadline, 活动开展（4月23日起） a start),
/// shown to recipients as a countdown.
/// </summary>
public sealed class CircularMilestone
{
    public const int MaxLabelLength = 30;

    private CircularMilestone()
    {
    }

    public CircularMilestone(string label, DateOnly date, bool isDeadline)
    {
        Label = label.Trim();
        Date = date;
        IsDeadline = isDeadline;
    }

    public int Id { get; private set; }
    /// <summary>What happens, e.g. 注册 or 记录.</summary>
    public string Label { get; private set; } = "";
    public DateOnly Date { get; private set; }
    /// <summary>A deadline (截止) rather than a start (起).</summary>
    public bool IsDeadline { get; private set; }

    /// <summary>"注册 截止 4月21日" / "记录 自4月23日起".</summary>
    public string Describe() => IsDeadline ? $"{Label} 截止 {Date.Month}月{Date.Day}日" : $"{Label} 自{Date.Month}月{Date.Day}日起";

    /// <summary>The countdown a recipient sees on the home page for the China date <paramref name="today"/>.</summary>
    public string Countdown(DateOnly today)
    {
        var days = Date.DayNumber - today.DayNumber;
        if (IsDeadline)
        {
            return days switch
            {
                > 0 => $"距{Label}截止还有 {days} 天",
                0 => $"今天{Label}截止",
                _ => $"{Label}已逾期 {-days} 天",
            };
        }
        return days switch
        {
            > 0 => $"距{Label}开始还有 {days} 天",
            0 => $"{Label}今天开始",
            _ => $"{Label}已开始",
        };
    }

    /// <summary>Overdue: a deadline that has passed.</summary>
    public bool IsOverdue(DateOnly today) => IsDeadline && Date < today;

    public static ValidationBuilder Validate(ValidationBuilder builder, int index, string? label, DateOnly? date)
    {
        var trimmed = label?.Trim() ?? "";
        return builder
            .Check(trimmed.Length > 0, $"Milestones[{index}].Label", "请填写节点名称（如：注册）")
            .Check(trimmed.Length <= MaxLabelLength, $"Milestones[{index}].Label", $"节点名称不能超过 {MaxLabelLength} 个字")
            .Check(date is not null, $"Milestones[{index}].Date", "请选择日期");
    }
}
