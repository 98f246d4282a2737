namespace EduPortal.Domain.Smartboards;

public static class NetworkAccesses
{
    public static readonly IReadOnlyList<NetworkAccess> All = [NetworkAccess.None, NetworkAccess.Broadband, NetworkAccess.Fibre];

    public static string DisplayName(this NetworkAccess access) => access switch
    {
        NetworkAccess.None => "未接入",
        NetworkAccess.Broadband => "宽带",
        NetworkAccess.Fibre => "光纤",
        _ => "未接入",
    };
}
