namespace EduPortal.Domain.Plans;

/// <summary>One dated step of a target, e.g. 专任教师网络教研空间实名注册 ≥ 30% by year end (circular 004 §四 7, then ≥ 50% in §四 16).</summary>
public sealed class PlanTargetStep
{
    private PlanTargetStep()
    {
    }

    public PlanTargetStep(decimal value, DateOnly deadline)
    {
        Value = value;
        Deadline = deadline;
    }

    public int Id { get; private set; }
    public decimal Value { get; private set; }
    public DateOnly Deadline { get; private set; }
}
