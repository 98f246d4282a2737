namespace EduPortal.Domain.Points;

/// <summary>
/// Provenance of point events (issue 10): every rule declares which origins may supply its events, a rule may
/// name the platform keys (by their source) allowed to post it, and nobody imports events for their own account.
/// One pure check used by the ingestion API and the import.
/// </summary>
public static class PointProvenance
{
    /// <summary>
    /// The shipped origins of an event type. The portal's own events (空间登录 and 信息完善 as the portal records
    /// them at sign-in, 实验课发布) come only from the portal: anything else behind them would be a claim nobody
    /// can check. The cloud platform's events (circular 001 附件2, the other rows) come from its keys or an import.
    /// </summary>
    public static PointEventOrigins DefaultOrigins(string type) => type switch
    {
        PointTypes.Login or PointTypes.ProfileComplete or PointTypes.LabRecordPublished => PointEventOrigins.Portal,
        _ => PointEventOrigins.Platform | PointEventOrigins.Import,
    };

    /// <summary>Chinese names of origins, for the rule table and messages.</summary>
    public static string DisplayName(this PointEventOrigins origins)
    {
        var parts = new List<string>();
        if (origins.HasFlag(PointEventOrigins.Portal))
        {
            parts.Add("本平台记录");
        }
        if (origins.HasFlag(PointEventOrigins.Platform))
        {
            parts.Add("接入平台");
        }
        if (origins.HasFlag(PointEventOrigins.Import))
        {
            parts.Add("表格导入");
        }
        return parts.Count == 0 ? "不接受任何来源" : string.Join("、", parts);
    }

    /// <summary>
    /// Whether an event of <paramref name="rule"/> for <paramref name="teacherId"/> may come from
    /// <paramref name="origin"/>; null when it may, else the reason in Chinese.
    /// <paramref name="platformSource"/> is the posting key's source (API only); <paramref name="importerId"/>
    /// the importing admin's account id (import only).
    /// </summary>
    public static string? Check(PointRule rule, PointEventOrigins origin, string teacherId, string? platformSource = null, string? importerId = null)
    {
        if (origin == PointEventOrigins.Import && importerId is not null && string.Equals(importerId, teacherId, StringComparison.Ordinal))
        {
            return "不能为自己的账号导入积分事件";
        }
        if (!rule.AllowedOrigins.HasFlag(origin))
        {
            var from = rule.AllowedOrigins.DisplayName();
            return origin switch
            {
                PointEventOrigins.Import => $"“{rule.Name}”不接受表格导入（来源：{from}）",
                PointEventOrigins.Platform => $"“{rule.Name}”不接受接入平台提交（来源：{from}）",
                _ => $"“{rule.Name}”不接受本平台记录（来源：{from}）",
            };
        }
        if (origin == PointEventOrigins.Platform && rule.PlatformSources is { Count: > 0 } sources
            && !sources.Contains(platformSource ?? "", StringComparer.OrdinalIgnoreCase))
        {
            return $"该密钥（来源 {platformSource}）不能提交“{rule.Name}”事件";
        }
        return null;
    }
}
