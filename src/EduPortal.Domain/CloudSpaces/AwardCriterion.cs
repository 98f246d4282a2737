namespace EduPortal.Domain.CloudSpaces;

/// <summary>One indicator of 附件1 优秀教师空间评价标准: its name, full marks and the evaluation elements (评价要素).</summary>
public sealed record AwardCriterion(string Key, string Name, int Max, IReadOnlyList<string> Elements);
