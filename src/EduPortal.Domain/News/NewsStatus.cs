namespace EduPortal.Domain.News;

/// <summary>Where a school news item stands with the school's space admin (circular 001 §四(二)1).</summary>
public enum NewsStatus
{
    /// <summary>Sent to the school's space admin (待审核).</summary>
    Pending = 0,
    /// <summary>On the school's news list (已发布).</summary>
    Published = 1,
    /// <summary>Sent back to the author with a reason (已退回); the author edits and resubmits.</summary>
    Returned = 2,
}

/// <summary>Where a published item stands on its way to the county's news page.</summary>
public enum NewsRecommendation
{
    None = 0,
    /// <summary>Recommended by the school to the county (已推荐).</summary>
    Recommended = 1,
    /// <summary>Featured by the county on its news page (已精选).</summary>
    Featured = 2,
    /// <summary>Not taken by the county (未采用).</summary>
    Declined = 3,
}

public static class NewsNames
{
    public static string DisplayName(this NewsStatus status) => status switch
    {
        NewsStatus.Pending => "待审核",
        NewsStatus.Published => "已发布",
        NewsStatus.Returned => "已退回",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string DisplayName(this NewsRecommendation recommendation) => recommendation switch
    {
        NewsRecommendation.None => "未推荐",
        NewsRecommendation.Recommended => "已推荐到县区",
        NewsRecommendation.Featured => "县区精选",
        NewsRecommendation.Declined => "县区未采用",
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation)),
    };
}
