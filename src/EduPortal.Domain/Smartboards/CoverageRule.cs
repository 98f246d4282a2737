namespace EduPortal.Domain.Smartboards;

/// <summary>When a class counts as equipped (班班通 coverage).</summary>
public static class CoverageRule
{
    /// <summary>
    /// Target: every class. Circular 003 (preamble: 已完成1650个班级…占82.9%，2011年11月底将完成全部班级的建设任务)
    /// and circular 002 (确保每个班级均配备交互式多媒体设备).
    /// </summary>
    public const double TargetRate = 1.0;

    /// <summary>
    /// A class is equipped when its own room (普通教室) holds an interactive device (交互式一体机 or 电子白板) that is
    /// installed: in use, or under repair (it comes back to the room). Idle and scrapped devices do not count.
    /// </summary>
    public static bool Counts(DeviceType type, DeviceStatus status) =>
        type.IsInteractive() && status is DeviceStatus.InUse or DeviceStatus.UnderRepair;
}
