namespace EduPortal.Domain.CloudSpaces;

/// <summary>A teacher's seven verdicts of a term; all seven met is 合格 (circular 001 §四(二)2: 达到基本目标，视为合格).</summary>
public sealed record CloudSpaceChecklist(IReadOnlyList<CloudSpaceTargetResult> Results)
{
    public bool Qualified => Results.Count == CloudSpaceTargets.All.Count && Results.All(r => r.Met);
    public int MetCount => Results.Count(r => r.Met);
    public int ExceededCount => Results.Count(r => r.Exceeded);
    public CloudSpaceTargetResult this[CloudSpaceTarget target] => Results.Single(r => r.Target == target);
    public IEnumerable<CloudSpaceTargetResult> Unmet => Results.Where(r => !r.Met);
}
