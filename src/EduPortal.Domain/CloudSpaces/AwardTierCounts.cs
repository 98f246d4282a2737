namespace EduPortal.Domain.CloudSpaces;

/// <summary>How many 一/二/三等奖 an award gives, a round setting (the circular gives no district counts).</summary>
public sealed record AwardTierCounts(int First, int Second, int Third)
{
    public static AwardTierCounts Default { get; } = new(3, 6, 10);

    public int Total => First + Second + Third;

    public int CountOf(AwardTier tier) => tier switch
    {
        AwardTier.First => First,
        AwardTier.Second => Second,
        AwardTier.Third => Third,
        _ => 0,
    };
}
