using EduPortal.Domain.Metrics;
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

    /// <summary>A step's goal with its comparison: "≥ 30%" for a figure that should rise, "≤ 5%" for one that should fall.</summary>
    public static string Goal(decimal value, PlanTargetRow target) => Goal(value, target.Unit, target.Direction);

    public static string Goal(decimal value, string unit, MetricDirection direction) =>
        (direction == MetricDirection.HigherIsBetter ? "≥ " : "≤ ") + Number(value, unit);

    /// <summary>The rule the trajectory status follows, as shown next to every target (bound or hand-entered alike).</summary>
    public const string TrajectoryRule = "判定规则：目标路径为从设定当日的基线值到各阶段截止日目标值的直线（基线已达到第一阶段目标的，路径从该阶段目标值起算）。阶段截止日已过而截止日前最后一个实际值未达到目标值为“未达成”；各阶段均已按期达到为“已达成”；否则最新实际值落后于路径当日值（越高越好的指标低于、越低越好的指标高于）为“进度滞后”，不落后为“进度正常”。";
}
