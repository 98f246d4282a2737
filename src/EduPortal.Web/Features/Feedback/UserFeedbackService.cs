using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Feedback;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.News;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Feedback;

/// <summary>
/// Users' feedback and suggestions to the bureau (意见建议, circular 000 §三.3): reads start from <see cref="FeedbackJurisdiction"/>,
/// changes are audited, the screenshot goes through the one upload pipeline.
/// </summary>
public sealed class UserFeedbackService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, UploadPipeline uploads)
{
    public static readonly UploadPolicy ScreenshotPolicy = new("feedback-screenshots", UploadPolicy.Photo.Allowed, UserFeedback.MaxScreenshotMegabytes * 1024L * 1024, true);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sends feedback with an optional screenshot; a refused field or file saves nothing.</summary>
    public async Task<Result<int>> SendAsync(Caller caller, UserFeedbackInput input, PhotoUpload? screenshot, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var midnight = ChinaTime.Today(clock).ToDateTime(TimeOnly.MinValue);
        var since = new DateTimeOffset(midnight, ChinaTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
        var sentToday = await db.UserFeedback.CountAsync(f => f.SenderId == caller.UserId && f.SentAt >= since, cancellationToken);
        var created = UserFeedback.Send(caller, input.Category, input.Text, sentToday, clock.GetUtcNow());
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var feedback = created.Value!;
        StoredUpload? stored = null;
        if (screenshot is not null)
        {
            using var content = new MemoryStream(screenshot.Content, writable: false);
            var result = await uploads.StoreAsync(content, screenshot.Length, ScreenshotPolicy, cancellationToken);
            if (!result.Succeeded)
            {
                return ValidationError.For("Screenshot", result.Error!.Message);
            }
            stored = result.Value!;
            feedback.AttachScreenshot(stored.Key, stored.ThumbnailKey);
        }
        try
        {
            return await db.AddAuditedAsync(Result<UserFeedback>.Ok(feedback), f => f.Id, f => db.Audit(caller, clock, AuditActions.UserFeedbackSent, nameof(UserFeedback),
                Key(f.Id), f.SenderPath, $"{caller.RealName}提交意见建议（{f.Category.DisplayName()}）"), cancellationToken);
        }
        catch
        {
            if (stored is not null)
            {
                await uploads.DeleteAsync(stored, CancellationToken.None);
            }
            throw;
        }
    }

    /// <summary>The caller's own feedback, newest first.</summary>
    public async Task<IReadOnlyList<UserFeedbackRow>> MineAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db.UserFeedback.AsNoTracking().SentBy(caller).OrderByDescending(f => f.SentAt).Take(200), cancellationToken);
    }

    /// <summary>What a bureau editor handles, open first (nothing for anyone else).</summary>
    public async Task<IReadOnlyList<UserFeedbackRow>> InboxAsync(Caller caller, FeedbackStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.UserFeedback.AsNoTracking().ForEditor(caller);
        if (status is { } s)
        {
            rows = rows.Where(f => f.Status == s);
        }
        return await RowsAsync(rows.OrderBy(f => f.Status).ThenByDescending(f => f.SentAt).Take(500), cancellationToken);
    }

    /// <summary>Opens one; the sender's opening marks a reply read.</summary>
    public async Task<Result<UserFeedbackView>> GetAsync(Caller caller, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.UserFeedback.VisibleTo(caller).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return new NotFoundError();
        }
        if (feedback.MarkReadBySender(caller, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return new UserFeedbackView(feedback, feedback.PermissionsFor(caller));
    }

    public Task<Result> AnswerAsync(Caller caller, int id, string? reply, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.UserFeedbackAnswered, f => f.Answer(caller, reply, clock.GetUtcNow()),
            f => $"回复{f.SenderName}的意见建议：{f.Reply}", cancellationToken);

    public Task<Result> CloseAsync(Caller caller, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.UserFeedbackClosed, f => f.Close(caller, clock.GetUtcNow()), f => $"关闭{f.SenderName}的意见建议", cancellationToken);

    private async Task<Result> ChangeAsync(Caller caller, int id, string action, Func<UserFeedback, Result> change, Func<UserFeedback, string> summary,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.UserFeedback.VisibleTo(caller).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return new NotFoundError();
        }
        var result = change(feedback);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, action, nameof(UserFeedback), Key(feedback.Id), feedback.SenderPath, summary(feedback));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<UserFeedbackHomeSummary> HomeAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.UserFeedback.SentBy(caller).CountAsync(f => f.RepliedAt != null && (f.SenderReadAt == null || f.SenderReadAt < f.RepliedAt), cancellationToken);
        var isEditor = IsEditor(caller);
        var open = isEditor ? await db.UserFeedback.ForEditor(caller).CountAsync(f => f.Status == FeedbackStatus.Open, cancellationToken) : 0;
        return new UserFeedbackHomeSummary(unread, open, isEditor);
    }

    public static bool IsEditor(Caller caller) =>
        caller.Has(Capability.BureauEditor) && caller.IsAdmin && caller.OrgKind is OrgUnitKind.City or OrgUnitKind.County;

    /// <summary>The screenshot (or its thumbnail), only for callers who may open the feedback; another county's id answers null (404).</summary>
    public async Task<(string Key, string ContentType)?> FindScreenshotAsync(Caller caller, int id, bool thumbnail, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var shot = await db.UserFeedback.AsNoTracking().VisibleTo(caller).Where(f => f.Id == id && f.ScreenshotKey != null)
            .Select(f => new { f.ScreenshotKey, f.ScreenshotThumbnailKey }).SingleOrDefaultAsync(cancellationToken);
        if (shot is null)
        {
            return null;
        }
        var key = thumbnail && shot.ScreenshotThumbnailKey is not null ? shot.ScreenshotThumbnailKey : shot.ScreenshotKey!;
        return (key, key == shot.ScreenshotThumbnailKey ? "image/jpeg" : FileSignatures.FromExtension(key[(key.LastIndexOf('.') + 1)..]).ContentType());
    }

    private static async Task<IReadOnlyList<UserFeedbackRow>> RowsAsync(IQueryable<UserFeedback> rows, CancellationToken cancellationToken)
    {
        var list = await rows.Select(f => new { f.Id, f.Category, f.Text, f.SenderName, f.SenderUnitName, f.Status, f.SentAt, f.RepliedAt, f.SenderReadAt })
            .ToListAsync(cancellationToken);
        return list.Select(f => new UserFeedbackRow(f.Id, f.Category, f.Text.Length > 60 ? f.Text[..60] + "…" : f.Text, f.SenderName, f.SenderUnitName, f.Status,
            f.SentAt, f.RepliedAt is { } r && (f.SenderReadAt is null || f.SenderReadAt < r))).ToList();
    }
}
