namespace EduPortal.Domain.Smartboards;

/// <summary>The network targets a school is checked against.</summary>
public static class NetworkTargets
{
    /// <summary>Circular 002 落地措施: 接入带宽不低于100M.</summary>
    public const int MinimumBandwidthMbps = 100;

    public static bool MeetsBandwidth(int? bandwidthMbps) => bandwidthMbps >= MinimumBandwidthMbps;

    /// <summary>
    /// Circular 004 三(一)1: 乡镇以上学校全部接入光纤，所有小学接入宽带 — a central school or above needs fibre; a school
    /// with primary grades needs at least broadband (fibre counts). Returns the missing access, or null when met.
    /// </summary>
    public static NetworkAccess? RequiredAccessMissing(SchoolTier tier, bool hasPrimaryGrades, NetworkAccess access)
    {
        if (tier == SchoolTier.CentralOrAbove && access != NetworkAccess.Fibre)
        {
            return NetworkAccess.Fibre;
        }
        if (hasPrimaryGrades && access == NetworkAccess.None)
        {
            return NetworkAccess.Broadband;
        }
        return null;
    }
}
