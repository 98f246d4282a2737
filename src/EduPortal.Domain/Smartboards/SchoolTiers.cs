using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

public static class SchoolTiers
{
    public static string DisplayName(this SchoolTier tier) => tier switch
    {
        SchoolTier.CentralOrAbove => "中心小学及以上",
        SchoolTier.Village => "村小/教学点",
        _ => "中心小学及以上",
    };

    /// <summary>
    /// The tier a school gets until someone sets it: a primary school under a township centre whose name does not
    /// say 中心 is a village school; every other school is a central school or above.
    /// </summary>
    public static SchoolTier Default(SchoolStage stage, string name, bool underTownship) =>
        underTownship && stage == SchoolStage.Primary && !name.Contains("中心", StringComparison.Ordinal)
            ? SchoolTier.Village
            : SchoolTier.CentralOrAbove;
}
