namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// One target's verdict for one teacher: met or not with the reason a person reads (原创文章 30%，低于 35%), and whether
/// every figure of the target is above its threshold (counted as "exceeded" for the school's award).
/// </summary>
public sealed record CloudSpaceTargetResult(CloudSpaceTarget Target, bool Met, string Reason, bool Exceeded = false, bool MissingData = false)
{
    public const string NoData = "未提供数据";
}
