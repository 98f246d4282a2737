namespace EduPortal.Domain.Plans;

/// <summary>
/// A step's outcome: <see cref="Reached"/> is true/false once its deadline has passed (the last reading on or before the
/// deadline against the value) and null while it is still ahead.
/// </summary>
public sealed record TargetStepResult(PlanTargetStep Step, bool? Reached, decimal? ActualAtDeadline);
