namespace EduPortal.Domain.CloudSpaces;

public static class AwardTiers
{
    public static IReadOnlyList<AwardTier> Prizes { get; } = [AwardTier.First, AwardTier.Second, AwardTier.Third];

    public static string DisplayName(this AwardTier tier) => tier switch
    {
        AwardTier.First => "一等奖",
        AwardTier.Second => "二等奖",
        AwardTier.Third => "三等奖",
        AwardTier.None => "未获奖",
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };
}
