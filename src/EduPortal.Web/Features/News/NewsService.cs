using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.News;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.News;

/// <summary>
/// School news (circular 001 §四(二)1): teachers submit, the school's space admins publish or return and recommend to the
/// county, the county features or declines. Every read starts from <see cref="NewsJurisdiction"/>, every change is audited,
/// photos go through the one upload pipeline (content-checked, re-encoded, thumbnails).
/// </summary>
public sealed class NewsService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, UploadPipeline uploads)
{
    public static readonly UploadPolicy PhotoPolicy = new("news-photos", UploadPolicy.Photo.Allowed, NewsItem.MaxPhotoMegabytes * 1024L * 1024, true);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A teacher's new item with its photos; a refused photo or field saves nothing (stored photos are removed again).</summary>
    public async Task<Result<int>> SubmitAsync(Caller caller, NewsInput input, IReadOnlyList<PhotoUpload> photos, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == caller.OrgUnitId, cancellationToken);
        if (school is null || !school.IsSchool)
        {
            return new ForbiddenError("只有学校的教师可以投稿。");
        }
        var since = StartOfChinaDay();
        var sentToday = await db.NewsItems.CountAsync(n => n.AuthorId == caller.UserId && n.SubmittedAt >= since, cancellationToken);
        var countyPath = OrgUnit.AncestorPaths(school.Path)[1];
        var countyId = await db.OrgUnits.Where(o => o.Path == countyPath).Select(o => o.Id).SingleAsync(cancellationToken);
        var created = NewsItem.Submit(caller, new NewsSchool(school.Id, school.Name, school.Path, countyId), input.Title, input.Body, photos.Count, sentToday, clock.GetUtcNow());
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var item = created.Value!;
        var stored = await StorePhotosAsync(photos, cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Error!;
        }
        foreach (var photo in stored.Value!)
        {
            item.AddPhoto(caller, photo.Key, photo.ThumbnailKey, photo.Kind.ContentType(), creating: true);
        }
        try
        {
            return await db.AddAuditedAsync(Result<NewsItem>.Ok(item), n => n.Id, n => db.Audit(caller, clock, AuditActions.NewsSubmitted, nameof(NewsItem), Key(n.Id),
                n.SchoolPath, $"{caller.RealName}向{n.SchoolName}投稿新闻“{n.Title}”（{n.Photos.Count} 张照片）"), cancellationToken);
        }
        catch
        {
            await DeleteAsync(stored.Value!);
            throw;
        }
    }

    /// <summary>
    /// Edits title, text and photos (the author while waiting or returned — a returned item is resubmitted; the school's space
    /// admin while waiting). With <paramref name="publish"/> the admin's edit publishes in the same save.
    /// </summary>
    public async Task<Result> EditAsync(Caller caller, int id, NewsInput input, IReadOnlyList<PhotoUpload> added, IReadOnlyCollection<int> removed,
        bool publish = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.NewsItems.VisibleTo(caller).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (item is null)
        {
            return new NotFoundError();
        }
        var wasReturned = item.Status == NewsStatus.Returned;
        var kept = item.Photos.Count(p => !removed.Contains(p.Id));
        var before = new { item.Title, item.Body, Photos = item.Photos.Count };
        var now = clock.GetUtcNow();
        var edited = item.Edit(caller, input.Title, input.Body, kept + added.Count, now);
        if (!edited.Succeeded)
        {
            return edited;
        }
        if (publish && item.PermissionsFor(caller, NewsJurisdiction.CountyPathOf(caller)) is { CanPublish: false })
        {
            return item.Publish(caller, now);
        }
        var removedPhotos = new List<NewsPhoto>();
        foreach (var photoId in removed)
        {
            if (item.RemovePhoto(caller, photoId) is { Succeeded: true, Value: { } photo })
            {
                removedPhotos.Add(photo);
            }
        }
        var stored = await StorePhotosAsync(added, cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Error!;
        }
        foreach (var photo in stored.Value!)
        {
            item.AddPhoto(caller, photo.Key, photo.ThumbnailKey, photo.Kind.ContentType());
        }
        if (publish)
        {
            item.Publish(caller, now);
        }
        var action = publish ? AuditActions.NewsPublished : AuditActions.NewsEdited;
        db.Audit(caller, clock, action, nameof(NewsItem), Key(item.Id), item.SchoolPath,
            publish ? $"修改并发布新闻“{item.Title}”" : wasReturned ? $"修改并重新提交新闻“{item.Title}”" : $"修改新闻“{item.Title}”",
            before: before, after: new { item.Title, item.Body, Photos = item.Photos.Count });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await DeleteAsync(stored.Value!);
            throw;
        }
        foreach (var photo in removedPhotos)
        {
            await uploads.DeleteAsync(new StoredUpload(photo.FileKey, photo.ThumbnailKey, FileKind.Jpeg, 0, null, null), CancellationToken.None);
        }
        return Result.Success;
    }

    public Task<Result> PublishAsync(Caller caller, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.NewsPublished, n => n.Publish(caller, clock.GetUtcNow()), n => $"发布新闻“{n.Title}”到{n.SchoolName}新闻列表", cancellationToken);

    public Task<Result> ReturnAsync(Caller caller, int id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.NewsReturned, n => n.Return(caller, reason, clock.GetUtcNow()), n => $"退回新闻“{n.Title}”：{n.ReturnReason}", cancellationToken);

    public Task<Result> RecommendAsync(Caller caller, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.NewsRecommended, n => n.Recommend(caller, clock.GetUtcNow()), n => $"推荐新闻“{n.Title}”到县区", cancellationToken);

    public Task<Result> FeatureAsync(Caller caller, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.NewsFeatured, n => n.Feature(caller, clock.GetUtcNow()), n => $"将{n.SchoolName}新闻“{n.Title}”设为县区精选", cancellationToken);

    public Task<Result> DeclineAsync(Caller caller, int id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.NewsDeclined, n => n.Decline(caller, reason), n => $"未采用{n.SchoolName}推荐的新闻“{n.Title}”{(n.DeclineReason is null ? "" : "：" + n.DeclineReason)}",
            cancellationToken);

    private async Task<Result> ChangeAsync(Caller caller, int id, string action, Func<NewsItem, Result> change, Func<NewsItem, string> summary,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.NewsItems.VisibleTo(caller).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (item is null)
        {
            return new NotFoundError();
        }
        var before = new { Status = item.Status.ToString(), Recommendation = item.Recommendation.ToString() };
        var result = change(item);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, action, nameof(NewsItem), Key(item.Id), item.SchoolPath, summary(item), before: before,
            after: new { Status = item.Status.ToString(), Recommendation = item.Recommendation.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<NewsDetail>> GetAsync(Caller caller, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.NewsItems.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (item is null)
        {
            return new NotFoundError();
        }
        return new NewsDetail(item, item.PermissionsFor(caller, NewsJurisdiction.CountyPathOf(caller)),
            item.Photos.OrderBy(p => p.Position).Select(p => new NewsPhotoView(p.Id, p.ThumbnailKey is not null)).ToList());
    }

    /// <summary>The school's news list: published items the caller may see (a school's own; an admin's subtree), newest first.</summary>
    public async Task<IReadOnlyList<NewsRow>> PublishedAsync(Caller caller, int? schoolId = null, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = db.NewsItems.AsNoTracking().VisibleTo(caller).Where(n => n.Status == NewsStatus.Published);
        items = caller.IsAdmin ? items.Where(n => n.SchoolPath.StartsWith(caller.OrgPath)) : items.Where(n => n.SchoolId == caller.OrgUnitId);
        if (schoolId is { } school)
        {
            items = items.Where(n => n.SchoolId == school);
        }
        return await RowsAsync(items.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(take), cancellationToken);
    }

    /// <summary>
    /// The county's news page: items its admins featured, for everyone of the county (and the city, which sees every county's;
    /// <paramref name="countyId"/> narrows it to one).
    /// </summary>
    public async Task<IReadOnlyList<NewsRow>> FeaturedAsync(Caller caller, int? countyId = null, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = db.NewsItems.AsNoTracking().VisibleTo(caller).Where(n => n.Recommendation == NewsRecommendation.Featured);
        if (countyId is { } county)
        {
            items = items.Where(n => n.CountyId == county);
        }
        return await RowsAsync(items.OrderByDescending(n => n.FeaturedAt).ThenByDescending(n => n.Id).Take(take), cancellationToken);
    }

    /// <summary>The caller's own submissions in every state.</summary>
    public async Task<IReadOnlyList<NewsRow>> MineAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db.NewsItems.AsNoTracking().Where(n => n.AuthorId == caller.UserId).OrderByDescending(n => n.SubmittedAt).Take(200), cancellationToken);
    }

    /// <summary>
    /// What waits for the caller: for a school's space admin the items waiting for review and the published ones not yet
    /// recommended; for a county's admins the items recommended to the county.
    /// </summary>
    public async Task<(IReadOnlyList<NewsRow> Pending, IReadOnlyList<NewsRow> Recommendable, IReadOnlyList<NewsRow> Recommended)> QueueAsync(Caller caller,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = db.NewsItems.AsNoTracking().WithinAdminScope(caller);
        if (caller.Level == AdminLevel.School)
        {
            var pending = await RowsAsync(scope.Where(n => n.Status == NewsStatus.Pending).OrderBy(n => n.SubmittedAt).Take(200), cancellationToken);
            var recommendable = await RowsAsync(scope.Where(n => n.Status == NewsStatus.Published && n.Recommendation == NewsRecommendation.None)
                .OrderByDescending(n => n.PublishedAt).Take(50), cancellationToken);
            return (pending, recommendable, []);
        }
        if (caller.Level == AdminLevel.County)
        {
            return ([], [], await RowsAsync(scope.Where(n => n.Recommendation == NewsRecommendation.Recommended).OrderBy(n => n.RecommendedAt).Take(200), cancellationToken));
        }
        return ([], [], []);
    }

    public async Task<NewsHomeSummary> HomeAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var returned = await db.NewsItems.CountAsync(n => n.AuthorId == caller.UserId && n.Status == NewsStatus.Returned, cancellationToken);
        var scope = db.NewsItems.WithinAdminScope(caller);
        var pending = caller.Level == AdminLevel.School ? await scope.CountAsync(n => n.Status == NewsStatus.Pending, cancellationToken) : 0;
        var awaiting = caller.Level == AdminLevel.County ? await scope.CountAsync(n => n.Recommendation == NewsRecommendation.Recommended, cancellationToken) : 0;
        return new NewsHomeSummary(returned, pending, awaiting);
    }

    /// <summary>
    /// Counts per school and per teacher of the caller's subtree for China dates <paramref name="from"/>–<paramref name="to"/>:
    /// items submitted, published, recommended and featured in the period (each counted by the date of that step).
    /// </summary>
    public async Task<Result<NewsCounts>> CountsAsync(Caller caller, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("新闻统计仅供管理员查看。");
        }
        if (to < from)
        {
            return ValidationError.For("To", "结束日期不能早于开始日期");
        }
        var start = StartOf(from);
        var end = StartOf(to.AddDays(1));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NewsItems.AsNoTracking().WithinAdminScope(caller)
            .Where(n => (n.SubmittedAt >= start && n.SubmittedAt < end) || (n.PublishedAt >= start && n.PublishedAt < end)
                || (n.RecommendedAt >= start && n.RecommendedAt < end) || (n.FeaturedAt >= start && n.FeaturedAt < end))
            .Select(n => new { n.SchoolId, n.SchoolName, n.SchoolPath, n.AuthorId, n.AuthorName, n.SubmittedAt, n.PublishedAt, n.RecommendedAt, n.FeaturedAt })
            .ToListAsync(cancellationToken);
        bool In(DateTimeOffset? at) => at is { } t && t >= start && t < end;
        var schools = rows.GroupBy(r => (r.SchoolId, r.SchoolName, r.SchoolPath))
            .Select(g => new NewsCountRow(g.Key.SchoolName, g.Key.SchoolName, g.Count(r => In(r.SubmittedAt)), g.Count(r => In(r.PublishedAt)),
                g.Count(r => In(r.RecommendedAt)), g.Count(r => In(r.FeaturedAt))))
            .OrderByDescending(r => r.Published).ThenByDescending(r => r.Submitted).ThenBy(r => r.SchoolName, StringComparer.Ordinal).ToList();
        var teachers = rows.GroupBy(r => (r.AuthorId, r.AuthorName, r.SchoolName))
            .Select(g => new NewsCountRow(g.Key.AuthorName, g.Key.SchoolName, g.Count(r => In(r.SubmittedAt)), g.Count(r => In(r.PublishedAt)),
                g.Count(r => In(r.RecommendedAt)), g.Count(r => In(r.FeaturedAt))))
            .OrderByDescending(r => r.Published).ThenByDescending(r => r.Submitted).ThenBy(r => r.SchoolName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new NewsCounts(from, to, schools, teachers);
    }

    /// <summary>The counts as an Excel sheet naming the period and when it was made.</summary>
    public static byte[] ExportCounts(NewsCounts counts, bool perTeacher, string scopeName, DateTimeOffset madeAt)
    {
        var columns = new List<ExcelColumn<NewsCountRow>>();
        if (perTeacher)
        {
            columns.Add(new("教师", r => r.Name, 14));
        }
        columns.Add(new("学校", r => r.SchoolName, 28));
        columns.Add(new("投稿", r => r.Submitted, 10));
        columns.Add(new("发布", r => r.Published, 10));
        columns.Add(new("推荐到县区", r => r.Recommended, 12));
        columns.Add(new("县区精选", r => r.Featured, 12));
        return ExcelExport.Build(perTeacher ? "教师新闻统计" : "学校新闻统计", columns, perTeacher ? counts.Teachers : counts.Schools,
            caption: $"{scopeName}{(perTeacher ? "各教师" : "各学校")}新闻投稿统计，统计期间：{counts.PeriodLabel}，导出时间：{ChinaTime.Format(madeAt)}");
    }

    /// <summary>A photo (or its thumbnail), only when the caller may see its item; another school's id answers null (404).</summary>
    public async Task<(string Key, string ContentType)?> FindPhotoAsync(Caller caller, int photoId, bool thumbnail, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.NewsItems.AsNoTracking().VisibleTo(caller).SelectMany(n => n.Photos).Where(p => p.Id == photoId)
            .Select(p => new { p.FileKey, p.ThumbnailKey, p.ContentType }).SingleOrDefaultAsync(cancellationToken);
        if (photo is null)
        {
            return null;
        }
        return thumbnail && photo.ThumbnailKey is not null ? (photo.ThumbnailKey, "image/jpeg") : (photo.FileKey, photo.ContentType);
    }

    private static async Task<IReadOnlyList<NewsRow>> RowsAsync(IQueryable<NewsItem> items, CancellationToken cancellationToken)
    {
        var rows = await items.Select(n => new
        {
            n.Id,
            n.Title,
            n.SchoolName,
            n.AuthorName,
            n.Status,
            n.Recommendation,
            n.SubmittedAt,
            n.PublishedAt,
            Cover = n.Photos.OrderBy(p => p.Position).Select(p => (int?)p.Id).FirstOrDefault(),
            Excerpt = n.Body.Substring(0, 80),
        }).ToListAsync(cancellationToken);
        return rows.Select(r => new NewsRow(r.Id, r.Title, r.SchoolName, r.AuthorName, r.Status, r.Recommendation, r.SubmittedAt, r.PublishedAt, r.Cover, r.Excerpt))
            .ToList();
    }

    private async Task<Result<List<StoredUpload>>> StorePhotosAsync(IReadOnlyList<PhotoUpload> photos, CancellationToken cancellationToken)
    {
        var stored = new List<StoredUpload>();
        foreach (var photo in photos)
        {
            using var content = new MemoryStream(photo.Content, writable: false);
            var result = await uploads.StoreAsync(content, photo.Length, PhotoPolicy, cancellationToken);
            if (!result.Succeeded)
            {
                await DeleteAsync(stored);
                return ValidationError.For(nameof(NewsItem.Photos), $"照片“{photo.FileName}”：{result.Error!.Message}");
            }
            stored.Add(result.Value!);
        }
        return stored;
    }

    private async Task DeleteAsync(IEnumerable<StoredUpload> stored)
    {
        foreach (var upload in stored)
        {
            await uploads.DeleteAsync(upload, CancellationToken.None);
        }
    }

    private DateTimeOffset StartOfChinaDay() => StartOf(ChinaTime.Today(clock));

    private static DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, ChinaTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
