namespace EduPortal.Domain.Smartboards;

/// <summary>
/// The safety checklist of circular 003 §二.3: ageing wiring and overload first ("重点检查线路老化及超负载运行情况"),
/// then the physical measures (防火、防盗、防雷、防潮、防尘、防静电) and the network measures
/// (防毒、防黄、防黑、防系统漏洞、防各种有害信息).
/// </summary>
public enum SafetyCheckItem
{
    AgeingWiring = 1,
    Overload = 2,
    Fire = 10,
    Theft = 11,
    Lightning = 12,
    Moisture = 13,
    Dust = 14,
    Static = 15,
    Virus = 20,
    Pornography = 21,
    Hacking = 22,
    SystemVulnerability = 23,
    HarmfulInformation = 24,
}

public enum SafetyCheckGroup
{
    /// <summary>安全用电（重点）.</summary>
    Electrical = 1,
    Physical = 2,
    Network = 3,
}

public static class SafetyCheckItems
{
    /// <summary>In the order the inspection form lists them: the two priority items first.</summary>
    public static readonly IReadOnlyList<SafetyCheckItem> All = Enum.GetValues<SafetyCheckItem>();

    public static SafetyCheckGroup Group(this SafetyCheckItem item) => (int)item switch
    {
        < 10 => SafetyCheckGroup.Electrical,
        < 20 => SafetyCheckGroup.Physical,
        _ => SafetyCheckGroup.Network,
    };

    public static bool IsPriority(this SafetyCheckItem item) => item.Group() == SafetyCheckGroup.Electrical;

    public static string DisplayName(this SafetyCheckItem item) => item switch
    {
        SafetyCheckItem.AgeingWiring => "线路老化",
        SafetyCheckItem.Overload => "超负载运行",
        SafetyCheckItem.Fire => "防火",
        SafetyCheckItem.Theft => "防盗",
        SafetyCheckItem.Lightning => "防雷",
        SafetyCheckItem.Moisture => "防潮",
        SafetyCheckItem.Dust => "防尘",
        SafetyCheckItem.Static => "防静电",
        SafetyCheckItem.Virus => "防毒",
        SafetyCheckItem.Pornography => "防黄",
        SafetyCheckItem.Hacking => "防黑",
        SafetyCheckItem.SystemVulnerability => "防系统漏洞",
        SafetyCheckItem.HarmfulInformation => "防各种有害信息",
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public static string DisplayName(this SafetyCheckGroup group) => group switch
    {
        SafetyCheckGroup.Electrical => "安全用电（重点检查）",
        SafetyCheckGroup.Physical => "设备安全",
        SafetyCheckGroup.Network => "网络与信息安全",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };
}
