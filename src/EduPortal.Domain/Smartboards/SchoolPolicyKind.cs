namespace EduPortal.Domain.Smartboards;

/// <summary>
/// The policies every school must have (circular 003 §一.4: "建立健全‘班班通’绩效考评制度…要建立‘班班通’设备维护和保养制度、
/// 网络安全与信息安全管理制度、日常应用管理制度等，落实责任部门和责任人").
/// </summary>
public enum SchoolPolicyKind
{
    Maintenance = 1,
    NetworkSecurity = 2,
    DailyUse = 3,
    Performance = 4,
}

public static class SchoolPolicyKinds
{
    public static readonly IReadOnlyList<SchoolPolicyKind> All = Enum.GetValues<SchoolPolicyKind>();

    public static string DisplayName(this SchoolPolicyKind kind) => kind switch
    {
        SchoolPolicyKind.Maintenance => "设备维护和保养制度",
        SchoolPolicyKind.NetworkSecurity => "网络与信息安全管理制度",
        SchoolPolicyKind.DailyUse => "日常应用管理制度",
        SchoolPolicyKind.Performance => "绩效考评制度",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The required kinds a school has not recorded, in the circular's order.</summary>
    public static IReadOnlyList<SchoolPolicyKind> Missing(IEnumerable<SchoolPolicyKind> recorded)
    {
        var have = recorded.ToHashSet();
        return All.Where(k => !have.Contains(k)).ToList();
    }
}
