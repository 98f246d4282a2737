using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Feedback;

/// <summary>
/// A user's feedback or suggestion to the bureau (意见建议). Circular 000 §三.3: "各校管理员要……及时反馈使用意见和建议，推动应用日臻完善".
/// Any signed-in user sends it with an optional screenshot; it goes to the bureau editors of the sender's county (a
/// city-level sender's goes to the city), and the city's editors see every county's. An editor replies and closes it;
/// the sender sees the answer.
/// </summary>
public sealed class UserFeedback
{
    public const int MaxTextLength = 2000;
    public const int MaxReplyLength = 2000;
    public const int MaxScreenshotMegabytes = 8;
    /// <summary>Feedback one account may send per China day.</summary>
    public const int DailyLimit = 10;

    private UserFeedback()
    {
    }

    public int Id { get; private set; }
    public string SenderId { get; private set; } = "";
    public string SenderName { get; private set; } = "";
    public string SenderUnitName { get; private set; } = "";
    public string SenderPath { get; private set; } = "";
    /// <summary>The org path of the bureau it goes to: the sender's county, or the city for a city-level sender.</summary>
    public string BureauPath { get; private set; } = "";
    public FeedbackCategory Category { get; private set; }
    public string Text { get; private set; } = "";
    public string? ScreenshotKey { get; private set; }
    public string? ScreenshotThumbnailKey { get; private set; }
    public FeedbackStatus Status { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public string? RepliedByName { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByName { get; private set; }
    /// <summary>When the sender last opened it after a reply: a newer reply shows as unread on the home page.</summary>
    public DateTimeOffset? SenderReadAt { get; private set; }

    public bool HasUnreadReply => RepliedAt is { } replied && (SenderReadAt is null || SenderReadAt < replied);

    /// <summary>The bureau a sender's feedback goes to: its county (the path's second level), or the city for the city's own users.</summary>
    public static string BureauPathOf(string senderPath)
    {
        var ancestors = OrgUnit.AncestorPaths(senderPath);
        return ancestors.Count >= 2 ? ancestors[1] : ancestors[0];
    }

    public static Result<UserFeedback> Send(Caller caller, FeedbackCategory category, string? text, int sentToday, DateTimeOffset now)
    {
        if (sentToday >= DailyLimit)
        {
            return ValidationError.For(nameof(Text), $"每天最多提交 {DailyLimit} 条意见建议，请明天再提交");
        }
        var t = text?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(Enum.IsDefined(category), nameof(Category), "请选择类别")
            .Check(t.Length > 0, nameof(Text), "请填写意见建议的内容")
            .Check(t.Length <= MaxTextLength, nameof(Text), $"内容不能超过 {MaxTextLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        return new UserFeedback
        {
            SenderId = caller.UserId,
            SenderName = caller.RealName,
            SenderUnitName = caller.OrgUnitName,
            SenderPath = caller.OrgPath,
            BureauPath = BureauPathOf(caller.OrgPath),
            Category = category,
            Text = t,
            Status = FeedbackStatus.Open,
            SentAt = now,
        };
    }

    public void AttachScreenshot(string key, string? thumbnailKey) => (ScreenshotKey, ScreenshotThumbnailKey) = (key, thumbnailKey);

    /// <summary>
    /// A bureau editor of the bureau it went to or above it: a county's editors their county's, the city's editors every
    /// county's. Never an editor of another county, never an admin without the editor capability.
    /// </summary>
    public bool IsEditorFor(Caller caller) =>
        caller.Has(Capability.BureauEditor) && caller.IsAdmin && caller.OrgKind is OrgUnitKind.City or OrgUnitKind.County && caller.Covers(BureauPath);

    public UserFeedbackPermissions PermissionsFor(Caller caller) => new(
        CanView: caller.UserId == SenderId || IsEditorFor(caller),
        CanReply: IsEditorFor(caller) && Status != FeedbackStatus.Closed,
        CanClose: IsEditorFor(caller) && Status != FeedbackStatus.Closed);

    /// <summary>An editor's answer; a later answer replaces the earlier one (the audit log keeps both). Not once closed.</summary>
    public Result Answer(Caller caller, string? reply, DateTimeOffset now)
    {
        if (!IsEditorFor(caller))
        {
            return new ForbiddenError("只有本县区（或市级）的公文编辑可以回复意见建议。");
        }
        if (Status == FeedbackStatus.Closed)
        {
            return new ConflictError("该意见建议已关闭，不能再回复。");
        }
        var r = reply?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(r.Length > 0, nameof(Reply), "请填写回复内容")
            .Check(r.Length <= MaxReplyLength, nameof(Reply), $"回复不能超过 {MaxReplyLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Reply = r;
        RepliedAt = now;
        RepliedByName = caller.RealName;
        Status = FeedbackStatus.Answered;
        return Result.Success;
    }

    /// <summary>An editor closes it (answered or not: a duplicate needs no answer); closed is final.</summary>
    public Result Close(Caller caller, DateTimeOffset now)
    {
        if (!IsEditorFor(caller))
        {
            return new ForbiddenError("只有本县区（或市级）的公文编辑可以关闭意见建议。");
        }
        if (Status == FeedbackStatus.Closed)
        {
            return new ConflictError("该意见建议已关闭。");
        }
        Status = FeedbackStatus.Closed;
        ClosedAt = now;
        ClosedByName = caller.RealName;
        return Result.Success;
    }

    /// <summary>The sender opened it: a reply so far counts as read.</summary>
    public bool MarkReadBySender(Caller caller, DateTimeOffset now)
    {
        if (caller.UserId != SenderId || !HasUnreadReply)
        {
            return false;
        }
        SenderReadAt = now;
        return true;
    }
}
