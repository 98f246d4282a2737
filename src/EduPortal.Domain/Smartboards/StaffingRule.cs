namespace EduPortal.Domain.Smartboards;

/// <summary>How many full-time technicians a school needs.</summary>
public static class StaffingRule
{
    public const int ClassesPerTechnician = 12;

    /// <summary>
    /// Circular 003 §二.4: 12个班以上的学校要有专职电教管理员 (a school with ≥ 12 classes needs one full-time admin).
    /// Circular 004 §三(五)2: 中心小学以上学校应至少配备专职电教维护人员1人，12个班以上规模的学校按每增加12个班增配1人
    /// (a central school or above needs at least one, and one more for each further 12 classes: 24 → 2, 36 → 3).
    /// The requirement is the larger of the two.
    /// </summary>
    public static int RequiredFullTime(int classes, SchoolTier tier)
    {
        if (classes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classes));
        }
        var circular003 = classes >= ClassesPerTechnician ? 1 : 0;
        var circular004 = tier == SchoolTier.CentralOrAbove ? Math.Max(1, classes / ClassesPerTechnician) : 0;
        return Math.Max(circular003, circular004);
    }

    /// <summary>Missing full-time technicians (0 when the school meets the rule).</summary>
    public static int Shortfall(int classes, SchoolTier tier, int fullTimeTechnicians) =>
        Math.Max(0, RequiredFullTime(classes, tier) - Math.Max(0, fullTimeTechnicians));
}
