namespace EduPortal.Domain.Smartboards;

public static class FundingSources
{
    public static readonly IReadOnlyList<FundingSource> All =
        [FundingSource.WeakSchoolImprovement, FundingSource.SelfRaised, FundingSource.Allocated, FundingSource.Donation, FundingSource.Other];

    public static string DisplayName(this FundingSource source) => source switch
    {
        FundingSource.WeakSchoolImprovement => "薄改",
        FundingSource.SelfRaised => "自筹",
        FundingSource.Allocated => "上级拨款",
        FundingSource.Donation => "社会捐赠",
        FundingSource.Other => "其他",
        _ => "其他",
    };

    public static FundingSource? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        foreach (var source in All)
        {
            if (source.DisplayName() == trimmed)
            {
                return source;
            }
        }
        return trimmed switch
        {
            "全面改薄" or "改薄" or "薄改项目" => FundingSource.WeakSchoolImprovement,
            "学校自筹" => FundingSource.SelfRaised,
            "专项" or "专项资金" or "财政拨款" => FundingSource.Allocated,
            "捐赠" => FundingSource.Donation,
            _ => null,
        };
    }
}
