using EduPortal.Domain.News;

namespace EduPortal.Web.Features.News;

/// <summary>A news item's form: title and text (photos come as <see cref="PhotoUpload"/>s).</summary>
public sealed class NewsInput
{
    public string? Title { get; set; }
    public string? Body { get; set; }
}

/// <summary>A photo chosen in the form, read into memory when picked (at most <see cref="NewsItem.MaxPhotoMegabytes"/> MB).</summary>
public sealed record PhotoUpload(string FileName, long Length, byte[] Content);

public sealed record NewsPhotoView(int Id, bool HasThumbnail);

/// <summary>One line of a news list.</summary>
public sealed record NewsRow(int Id, string Title, string SchoolName, string AuthorName, NewsStatus Status, NewsRecommendation Recommendation,
    DateTimeOffset SubmittedAt, DateTimeOffset? PublishedAt, int? CoverPhotoId, string Excerpt);

public sealed record NewsDetail(NewsItem Item, NewsPermissions Permissions, IReadOnlyList<NewsPhotoView> Photos);

/// <summary>What the home page shows: returned items for the author, the review queue for the school, recommendations for the county.</summary>
public sealed record NewsHomeSummary(int MyReturned, int PendingReview, int AwaitingCounty);

/// <summary>Counts for one school or one teacher over a period (submitted/published/recommended/featured in the period).</summary>
public sealed record NewsCountRow(string Name, string SchoolName, int Submitted, int Published, int Recommended, int Featured);

public sealed record NewsCounts(DateOnly From, DateOnly To, IReadOnlyList<NewsCountRow> Schools, IReadOnlyList<NewsCountRow> Teachers)
{
    public string PeriodLabel => $"{Domain.Common.ChinaTime.FormatDate(From)} 至 {Domain.Common.ChinaTime.FormatDate(To)}";
}
