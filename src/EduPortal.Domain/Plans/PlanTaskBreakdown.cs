namespace EduPortal.Domain.Plans;

/// <summary>
/// A broken-down task's completion (《任务分解书》, circular 004 §六(一)2): how many of its school tasks are completed and
/// overdue. The parent is 已完成 when every school task is; 逾期 when past its due date with any school unfinished;
/// 进行中 otherwise.
/// </summary>
public sealed record PlanTaskBreakdown(int Total, int Completed, int Overdue)
{
    public decimal Ratio => Total == 0 ? 0 : Math.Round((decimal)Completed / Total, 4);

    public string Label => $"{Completed}/{Total} 校完成";

    public static PlanTaskBreakdown Of(IEnumerable<PlanTask> children, DateOnly chinaToday)
    {
        var statuses = children.Select(c => c.StatusOn(chinaToday)).ToList();
        return new(statuses.Count, statuses.Count(s => s == PlanTaskStatus.Completed), statuses.Count(s => s == PlanTaskStatus.Overdue));
    }

    public PlanTaskStatus ParentStatus(PlanTask parent, DateOnly chinaToday) =>
        Total > 0 && Completed == Total ? PlanTaskStatus.Completed
        : chinaToday > parent.DueDate ? PlanTaskStatus.Overdue
        : Total > 0 ? PlanTaskStatus.InProgress
        : parent.StatusOn(chinaToday);
}
