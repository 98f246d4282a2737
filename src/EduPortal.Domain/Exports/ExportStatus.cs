namespace EduPortal.Domain.Exports;

/// <summary>Where a background export stands (我的导出).</summary>
public enum ExportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Expired = 4,
}

public static class ExportStatusNames
{
    public static string DisplayName(this ExportStatus status) => status switch
    {
        ExportStatus.Queued => "排队中",
        ExportStatus.Running => "进行中",
        ExportStatus.Completed => "已完成",
        ExportStatus.Failed => "失败",
        ExportStatus.Expired => "已过期",
        _ => "排队中",
    };

    /// <summary>Queued or running: counts against the per-user limit.</summary>
    public static bool IsActive(this ExportStatus status) => status is ExportStatus.Queued or ExportStatus.Running;
}
