using EduPortal.Domain.Common;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// A round's scoring settings: the total under which an expert must write a comment, from how many experts the
/// highest and lowest scores are dropped (0 = never), and the tier counts of every award.
/// </summary>
public sealed record AwardSettings(int CommentBelow, int TrimFromExperts, AwardTierCounts Tiers)
{
    public const int DefaultCommentBelow = 60;
    public const int DefaultTrimFromExperts = 5;
    public const int MaxTierCount = 200;

    public static AwardSettings Default { get; } = new(DefaultCommentBelow, DefaultTrimFromExperts, AwardTierCounts.Default);

    public ValidationError? Validate() => new ValidationBuilder()
        .Check(CommentBelow >= 0 && CommentBelow <= AwardRubric.MaxTotal, nameof(CommentBelow), $"评语门槛须在 0 到 {AwardRubric.MaxTotal} 分之间")
        .Check(TrimFromExperts == 0 || TrimFromExperts >= 3, nameof(TrimFromExperts), "去掉最高分和最低分至少需要 3 位专家（填 0 表示不去掉）")
        .Check(TrimFromExperts <= 50, nameof(TrimFromExperts), "专家人数门槛不能超过 50")
        .Check(Tiers.First is >= 0 and <= MaxTierCount, "First", $"一等奖名额须在 0 到 {MaxTierCount} 之间")
        .Check(Tiers.Second is >= 0 and <= MaxTierCount, "Second", $"二等奖名额须在 0 到 {MaxTierCount} 之间")
        .Check(Tiers.Third is >= 0 and <= MaxTierCount, "Third", $"三等奖名额须在 0 到 {MaxTierCount} 之间")
        .Check(Tiers.Total > 0, "First", "至少设置一个获奖名额")
        .Build();
}
