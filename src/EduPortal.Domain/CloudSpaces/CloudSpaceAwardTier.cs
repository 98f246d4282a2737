namespace EduPortal.Domain.CloudSpaces;

/// <summary>The school's award for excellent teacher spaces (学校优秀教师空间, circular 001 §四(二)2).</summary>
public enum CloudSpaceAwardTier
{
    None = 0,
    First = 1,
    Second = 2,
    Third = 3,
}

public static class CloudSpaceAwardTiers
{
    public static string DisplayName(this CloudSpaceAwardTier tier) => tier switch
    {
        CloudSpaceAwardTier.First => "一等奖",
        CloudSpaceAwardTier.Second => "二等奖",
        CloudSpaceAwardTier.Third => "三等奖",
        _ => "未获奖",
    };
}
