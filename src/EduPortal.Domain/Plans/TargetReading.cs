namespace EduPortal.Domain.Plans;

/// <summary>A target's actual value on a China date (a daily metric snapshot, or a hand-entered figure).</summary>
public readonly record struct TargetReading(DateOnly Date, decimal Value);
