namespace EduPortal.Domain.Plans;

/// <summary>Where a target stands against its path (rule in <see cref="PlanTarget.Evaluate"/>).</summary>
public enum TrajectoryStatus
{
    NoData = 0,
    OnTrack = 1,
    AtRisk = 2,
    Missed = 3,
    Achieved = 4,
}

public static class TrajectoryStatuses
{
    public static string DisplayName(this TrajectoryStatus status) => status switch
    {
        TrajectoryStatus.NoData => "无数据",
        TrajectoryStatus.OnTrack => "进度正常",
        TrajectoryStatus.AtRisk => "进度滞后",
        TrajectoryStatus.Missed => "未达成",
        TrajectoryStatus.Achieved => "已达成",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
