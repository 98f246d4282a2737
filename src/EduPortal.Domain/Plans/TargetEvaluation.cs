namespace EduPortal.Domain.Plans;

/// <summary>A target evaluated on a China date: its status, the path's value and the latest actual on that date, and each step's outcome.</summary>
public sealed record TargetEvaluation(TrajectoryStatus Status, decimal Expected, decimal? Actual, IReadOnlyList<TargetStepResult> Steps);
