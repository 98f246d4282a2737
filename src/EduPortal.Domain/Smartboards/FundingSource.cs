namespace EduPortal.Domain.Smartboards;

/// <summary>Where the money for a device came from (经费来源).</summary>
public enum FundingSource
{
    /// <summary>薄改 (全面改善贫困地区义务教育薄弱学校基本办学条件; circular 004 names its resources).</summary>
    WeakSchoolImprovement = 1,
    /// <summary>自筹 (the school's own funds).</summary>
    SelfRaised = 2,
    /// <summary>上级拨款 (bureau or provincial special funds).</summary>
    Allocated = 3,
    /// <summary>社会捐赠.</summary>
    Donation = 4,
    /// <summary>其他.</summary>
    Other = 9,
}
