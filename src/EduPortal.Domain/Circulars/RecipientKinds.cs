namespace EduPortal.Domain.Circulars;

/// <summary>
/// Recipients chosen by kind rather than one by one, as a circular's salutation names them (circular 000: "各中心校、初中、区直学校：").
/// Each kind is applied inside the issuer's subtree.
/// </summary>
[Flags]
public enum RecipientKinds
{
    None = 0,
    /// <summary>各县区教育局 (a city circular to its counties).</summary>
    Counties = 1,
    /// <summary>各中心校: township centre schools.</summary>
    Townships = 2,
    /// <summary>小学: schools whose stage includes primary grades.</summary>
    PrimarySchools = 4,
    /// <summary>初中: schools whose stage includes junior grades.</summary>
    JuniorSchools = 8,
    /// <summary>高中: schools whose stage includes senior grades.</summary>
    SeniorSchools = 16,
    /// <summary>区直学校: schools directly under a county, not under a township.</summary>
    CountyDirectSchools = 32,
    /// <summary>All schools of the subtree.</summary>
    AllSchools = 64,
}

public static class RecipientKindNames
{
    public static readonly IReadOnlyList<RecipientKinds> All =
    [
        RecipientKinds.Counties, RecipientKinds.Townships, RecipientKinds.PrimarySchools, RecipientKinds.JuniorSchools,
        RecipientKinds.SeniorSchools, RecipientKinds.CountyDirectSchools, RecipientKinds.AllSchools,
    ];

    public static string DisplayName(this RecipientKinds kind) => kind switch
    {
        RecipientKinds.Counties => "各县区教育局",
        RecipientKinds.Townships => "各中心校",
        RecipientKinds.PrimarySchools => "小学",
        RecipientKinds.JuniorSchools => "初中",
        RecipientKinds.SeniorSchools => "高中",
        RecipientKinds.CountyDirectSchools => "区直学校",
        RecipientKinds.AllSchools => "全部学校",
        RecipientKinds.None => "无",
        _ => string.Join("、", All.Where(k => kind.HasFlag(k)).Select(k => k.DisplayName())),
    };
}
