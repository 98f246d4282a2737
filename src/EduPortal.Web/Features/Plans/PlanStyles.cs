using EduPortal.Domain.Plans;
using MudBlazor;

namespace EduPortal.Web.Features.Plans;

/// <summary>Colours and number formats shared by the plan pages.</summary>
public static class PlanStyles
{
    public static Color StatusColor(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Completed => Color.Success,
        PlanTaskStatus.Overdue => Color.Error,
        PlanTaskStatus.InProgress => Color.Info,
        _ => Color.Default,
    };

    public static Color TrajectoryColor(TrajectoryStatus status) => status switch
    {
        TrajectoryStatus.OnTrack or TrajectoryStatus.Achieved => Color.Success,
        TrajectoryStatus.AtRisk => Color.Warning,
        TrajectoryStatus.Missed => Color.Error,
        _ => Color.Default,
    };

    public static string Number(decimal? value, string unit) =>
        value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + (unit == "%" ? "%" : " " + unit) : "无数据";

    /// <summary>The rule the trajectory status follows, as shown next to every target.</summary>
    public const string TrajectoryRule = "判定规则：目标路径为从设定当日的基线值到各阶段截止日目标值的直线（基线已达到第一阶段目标的，路径从该阶段目标值起算）。阶段截止日已过而当日实际值未达到目标值为“未达成”；各阶段均已按期达到为“已达成”；否则实际值低于路径当日值为“进度滞后”，不低于为“进度正常”。";
}
