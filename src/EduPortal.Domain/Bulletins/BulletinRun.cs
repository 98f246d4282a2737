namespace EduPortal.Domain.Bulletins;

public enum BulletinRunState
{
    Queued = 1,
    Running = 2,
    Done = 3,
    Failed = 4,
}

/// <summary>
/// One on-demand build of a week's bulletin (生成本周通报), run as a background job; the page polls its progress. Stored,
/// so the progress is visible whichever instance runs the job.
/// </summary>
public sealed class BulletinRun
{
    private BulletinRun()
    {
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public DateOnly WeekStart { get; private set; }
    public string RequestedById { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public BulletinRunState State { get; private set; }
    public int Step { get; private set; }
    public int Steps { get; private set; }
    public string StepText { get; private set; } = "";
    public string? Message { get; private set; }
    public int? BulletinId { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsFinished => State is BulletinRunState.Done or BulletinRunState.Failed;

    public static BulletinRun Queue(int unitId, BulletinWeek week, string requestedById, DateTimeOffset at) => new()
    {
        UnitId = unitId,
        WeekStart = week.Monday,
        RequestedById = requestedById,
        RequestedAt = at,
        State = BulletinRunState.Queued,
        StepText = "排队中",
    };

    public void Advance(int step, int steps, string text)
    {
        State = BulletinRunState.Running;
        Step = step;
        Steps = steps;
        StepText = text;
    }

    public void Finish(int bulletinId, DateTimeOffset at)
    {
        State = BulletinRunState.Done;
        Step = Steps;
        StepText = "已完成";
        BulletinId = bulletinId;
        FinishedAt = at;
    }

    public void Fail(string message, DateTimeOffset at)
    {
        State = BulletinRunState.Failed;
        Message = message;
        FinishedAt = at;
    }

    /// <summary>0–100 for the progress bar.</summary>
    public int Percent => State == BulletinRunState.Done ? 100 : Steps == 0 ? 0 : Math.Min(99, 100 * Step / Steps);
}
