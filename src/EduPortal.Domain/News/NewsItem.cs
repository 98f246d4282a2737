using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.News;

/// <summary>
/// A school news item (学校新闻). Circular 001 §四(二)1: "全体教师……将自己平时工作中的点滴，撰写成新闻稿件，发电子稿给空间管理员，
/// 发布到学校空间，同时，学校将择优推荐有宣传价值的优秀稿件到区级网站". A teacher submits it to the school's space admins (the
/// school-level admins over the school), who edit and publish it or return it with a reason; the school recommends a published
/// item to the county, whose admins feature it on the county's news page or decline it.
/// </summary>
public sealed class NewsItem : ISchoolScoped
{
    public const int MaxTitleLength = 60;
    public const int MaxBodyLength = 5000;
    public const int MaxReasonLength = 300;
    public const int MaxPhotos = 6;
    public const int MaxPhotoMegabytes = 10;
    /// <summary>Submissions (new items, not edits) one account may make per China day.</summary>
    public const int DailyLimit = 20;

    private NewsItem()
    {
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public string SchoolName { get; private set; } = "";
    public int CountyId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public NewsStatus Status { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedByName { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public NewsRecommendation Recommendation { get; private set; }
    public DateTimeOffset? RecommendedAt { get; private set; }
    public string? RecommendedByName { get; private set; }
    public DateTimeOffset? FeaturedAt { get; private set; }
    public string? CountyDecisionByName { get; private set; }
    public string? DeclineReason { get; private set; }
    public List<NewsPhoto> Photos { get; private set; } = [];

    /// <summary>A new item from a teacher (or admin) of <paramref name="school"/>, waiting for the school's space admin.</summary>
    public static Result<NewsItem> Submit(Caller caller, NewsSchool school, string? title, string? body, int photoCount, int sentToday,
        DateTimeOffset now)
    {
        if (caller.OrgKind != OrgUnitKind.School || caller.OrgUnitId != school.Id)
        {
            return new ForbiddenError("只有本校教师可以向学校投稿。");
        }
        if (sentToday >= DailyLimit)
        {
            return ValidationError.For(nameof(Title), $"每天最多投稿 {DailyLimit} 篇，请明天再投");
        }
        var error = Validate(title, body, photoCount);
        if (error is not null)
        {
            return error;
        }
        return new NewsItem
        {
            SchoolId = school.Id,
            SchoolPath = school.Path,
            SchoolName = school.Name,
            CountyId = school.CountyId,
            AuthorId = caller.UserId,
            AuthorName = caller.RealName,
            Title = title!.Trim(),
            Body = body!.Trim(),
            Status = NewsStatus.Pending,
            SubmittedAt = now,
        };
    }

    /// <summary>Title 1–60 characters, text 1–5000, at most <see cref="MaxPhotos"/> photos.</summary>
    public static ValidationError? Validate(string? title, string? body, int photoCount)
    {
        var t = title?.Trim() ?? "";
        var b = body?.Trim() ?? "";
        return new ValidationBuilder()
            .Check(t.Length > 0, nameof(Title), "请填写新闻标题")
            .Check(t.Length <= MaxTitleLength, nameof(Title), $"标题不能超过 {MaxTitleLength} 个字")
            .Check(b.Length > 0, nameof(Body), "请填写新闻正文")
            .Check(b.Length <= MaxBodyLength, nameof(Body), $"正文不能超过 {MaxBodyLength} 个字")
            .Check(photoCount <= MaxPhotos, nameof(Photos), $"每篇新闻最多 {MaxPhotos} 张照片")
            .Build();
    }

    public bool IsAuthor(Caller caller) => caller.UserId == AuthorId;

    /// <summary>The school's space admins: school-level admins whose unit covers the school (the school's own, or its township's).</summary>
    public bool IsSchoolAdmin(Caller caller) => caller.Level == AdminLevel.School && caller.Covers(SchoolPath);

    /// <summary>The admins of the county the school belongs to.</summary>
    public bool IsCountyAdmin(Caller caller) => caller.Level == AdminLevel.County && caller.OrgKind == OrgUnitKind.County && caller.Covers(SchoolPath);

    /// <summary>
    /// The author always; the school's teachers once it is published; admins over the school always; everyone of the same
    /// county once the county has featured it (the county's news page).
    /// </summary>
    public bool CanView(Caller caller, string? callerCountyPath) =>
        IsAuthor(caller)
        || (caller.IsAdmin && caller.Covers(SchoolPath))
        || (Status == NewsStatus.Published && caller.OrgUnitId == SchoolId)
        || (Recommendation == NewsRecommendation.Featured && callerCountyPath is not null && OrgUnit.PathContains(callerCountyPath, SchoolPath));

    /// <summary>The author while it waits or was returned; the school's space admin while it waits (the admin edits before publishing).</summary>
    public bool CanEdit(Caller caller) =>
        (IsAuthor(caller) && Status is NewsStatus.Pending or NewsStatus.Returned) || (IsSchoolAdmin(caller) && Status == NewsStatus.Pending);

    public NewsPermissions PermissionsFor(Caller caller, string? callerCountyPath) => new(
        CanView: CanView(caller, callerCountyPath),
        CanEdit: CanEdit(caller),
        CanPublish: IsSchoolAdmin(caller) && Status == NewsStatus.Pending,
        CanReturn: IsSchoolAdmin(caller) && Status == NewsStatus.Pending,
        CanRecommend: IsSchoolAdmin(caller) && Status == NewsStatus.Published && Recommendation == NewsRecommendation.None,
        CanFeature: IsCountyAdmin(caller) && Status == NewsStatus.Published && Recommendation == NewsRecommendation.Recommended,
        CanDecline: IsCountyAdmin(caller) && Status == NewsStatus.Published && Recommendation == NewsRecommendation.Recommended);

    /// <summary>
    /// Changes title and text (and the number of photos kept). The author's edit of a returned item resubmits it (待审核 again,
    /// the reason cleared); the admin's edit of a waiting item keeps it waiting until published.
    /// </summary>
    public Result Edit(Caller caller, string? title, string? body, int photoCount, DateTimeOffset now)
    {
        if (!CanEdit(caller))
        {
            return IsAuthor(caller) || IsSchoolAdmin(caller)
                ? new ConflictError($"该新闻{Status.DisplayName()}，不能再修改。")
                : new ForbiddenError("只有作者或本校空间管理员可以修改该新闻。");
        }
        var error = Validate(title, body, photoCount);
        if (error is not null)
        {
            return error;
        }
        Title = title!.Trim();
        Body = body!.Trim();
        if (Status == NewsStatus.Returned)
        {
            Status = NewsStatus.Pending;
            ReturnReason = null;
            SubmittedAt = now;
        }
        return Result.Success;
    }

    /// <summary>Adds a photo the upload pipeline stored; refused past <see cref="MaxPhotos"/>.</summary>
    public Result AddPhoto(Caller caller, string fileKey, string? thumbnailKey, string contentType, bool creating = false)
    {
        if (!creating && !CanEdit(caller))
        {
            return new ForbiddenError("该新闻不能再修改。");
        }
        if (Photos.Count >= MaxPhotos)
        {
            return ValidationError.For(nameof(Photos), $"每篇新闻最多 {MaxPhotos} 张照片");
        }
        Photos.Add(new NewsPhoto(fileKey, thumbnailKey, contentType, Photos.Count == 0 ? 0 : Photos.Max(p => p.Position) + 1));
        return Result.Success;
    }

    /// <summary>Removes a photo while the item may be edited; answers the removed photo so its files can be deleted.</summary>
    public Result<NewsPhoto> RemovePhoto(Caller caller, int photoId)
    {
        if (!CanEdit(caller))
        {
            return new ForbiddenError("该新闻不能再修改。");
        }
        var photo = Photos.FirstOrDefault(p => p.Id == photoId);
        if (photo is null)
        {
            return new NotFoundError("未找到该照片。");
        }
        Photos.Remove(photo);
        return photo;
    }

    /// <summary>The school's space admin publishes a waiting item to the school's news list.</summary>
    public Result Publish(Caller caller, DateTimeOffset now)
    {
        if (!IsSchoolAdmin(caller))
        {
            return new ForbiddenError("只有本校空间管理员可以发布新闻。");
        }
        if (Status != NewsStatus.Pending)
        {
            return new ConflictError($"该新闻{Status.DisplayName()}，不能发布。");
        }
        Status = NewsStatus.Published;
        PublishedAt = now;
        ReviewedAt = now;
        ReviewedByName = caller.RealName;
        return Result.Success;
    }

    /// <summary>The school's space admin returns a waiting item to its author with a reason.</summary>
    public Result Return(Caller caller, string? reason, DateTimeOffset now)
    {
        if (!IsSchoolAdmin(caller))
        {
            return new ForbiddenError("只有本校空间管理员可以退回新闻。");
        }
        if (Status != NewsStatus.Pending)
        {
            return new ConflictError($"该新闻{Status.DisplayName()}，不能退回。");
        }
        var r = reason?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(r.Length > 0, nameof(ReturnReason), "请填写退回原因")
            .Check(r.Length <= MaxReasonLength, nameof(ReturnReason), $"退回原因不能超过 {MaxReasonLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Status = NewsStatus.Returned;
        ReturnReason = r;
        ReviewedAt = now;
        ReviewedByName = caller.RealName;
        return Result.Success;
    }

    /// <summary>The school recommends a published item to the county (学校择优推荐到区级网站); once only.</summary>
    public Result Recommend(Caller caller, DateTimeOffset now)
    {
        if (!IsSchoolAdmin(caller))
        {
            return new ForbiddenError("只有本校空间管理员可以推荐新闻。");
        }
        if (Status != NewsStatus.Published || Recommendation != NewsRecommendation.None)
        {
            return new ConflictError(Status != NewsStatus.Published ? "只能推荐已发布的新闻。" : $"该新闻{Recommendation.DisplayName()}，不能再推荐。");
        }
        Recommendation = NewsRecommendation.Recommended;
        RecommendedAt = now;
        RecommendedByName = caller.RealName;
        return Result.Success;
    }

    /// <summary>The county's admins feature a recommended item on the county's news page.</summary>
    public Result Feature(Caller caller, DateTimeOffset now)
    {
        var refused = CountyDecisionRefusal(caller);
        if (refused is not null)
        {
            return refused;
        }
        Recommendation = NewsRecommendation.Featured;
        FeaturedAt = now;
        CountyDecisionByName = caller.RealName;
        return Result.Success;
    }

    /// <summary>The county's admins decline a recommended item (an optional reason the school sees).</summary>
    public Result Decline(Caller caller, string? reason)
    {
        var refused = CountyDecisionRefusal(caller);
        if (refused is not null)
        {
            return refused;
        }
        var r = reason?.Trim() ?? "";
        if (r.Length > MaxReasonLength)
        {
            return ValidationError.For(nameof(DeclineReason), $"原因不能超过 {MaxReasonLength} 个字");
        }
        Recommendation = NewsRecommendation.Declined;
        DeclineReason = r.Length == 0 ? null : r;
        CountyDecisionByName = caller.RealName;
        return Result.Success;
    }

    private Error? CountyDecisionRefusal(Caller caller)
    {
        if (!IsCountyAdmin(caller))
        {
            return new ForbiddenError("只有学校所在县区的管理员可以处理推荐的新闻。");
        }
        return Recommendation != NewsRecommendation.Recommended ? new ConflictError($"该新闻{Recommendation.DisplayName()}，不在待处理的推荐中。") : null;
    }
}
