namespace EduPortal.Domain.Plans;

/// <summary>
/// A task's status. <see cref="Overdue"/> is never stored: a task is overdue when it is not completed and the China
/// date is past its due date (<see cref="PlanTask.StatusOn"/>).
/// </summary>
public enum PlanTaskStatus
{
    NotStarted = 0,
    InProgress = 1,
    Completed = 2,
    Overdue = 3,
}

public static class PlanTaskStatuses
{
    public static string DisplayName(this PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "未开始",
        PlanTaskStatus.InProgress => "进行中",
        PlanTaskStatus.Completed => "已完成",
        PlanTaskStatus.Overdue => "逾期",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
