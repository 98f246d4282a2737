namespace EduPortal.Domain.Smartboards;

/// <summary>
/// The tiers of circular 003 §二.4 "分级负责、责任到人": the school's own technicians first, then the township
/// centre's 教育技术服务组, then the county bureau (教体局) for what neither can solve.
/// </summary>
public enum RepairTier
{
    School = 1,
    Township = 2,
    Bureau = 3,
}

public static class RepairTiers
{
    public static readonly IReadOnlyList<RepairTier> All = [RepairTier.School, RepairTier.Township, RepairTier.Bureau];

    public static string DisplayName(this RepairTier tier) => tier switch
    {
        RepairTier.School => "学校",
        RepairTier.Township => "乡镇教育技术服务组",
        RepairTier.Bureau => "县教体局",
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };

    /// <summary>
    /// The tier a ticket goes to from <paramref name="tier"/>. A school directly under the county (局直学校) has no
    /// township centre, so its tickets go from the school straight to the bureau (circular 003 §二.4: "对于各乡镇区办
    /// 中心学校，局直各学校解决不了的问题，负责与教体局联系"). Null at the bureau: there is nobody above.
    /// </summary>
    public static RepairTier? Next(this RepairTier tier, bool schoolHasTownship) => tier switch
    {
        RepairTier.School => schoolHasTownship ? RepairTier.Township : RepairTier.Bureau,
        RepairTier.Township => RepairTier.Bureau,
        _ => null,
    };
}
