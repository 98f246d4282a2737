namespace EduPortal.Domain.Smartboards;

/// <summary>
/// Where a school stands in the rural hierarchy, which decides the staffing and fibre rules of circular 004
/// (中心小学以上学校 / 乡镇以上学校 against 完小、村小、教学点).
/// </summary>
public enum SchoolTier
{
    /// <summary>中心小学及以上 (township centre schools, middle schools, schools directly under the bureau).</summary>
    CentralOrAbove = 1,
    /// <summary>村完小、村小、教学点.</summary>
    Village = 2,
}
