using EduPortal.Domain.Feedback;

namespace EduPortal.Web.Features.Feedback;

public sealed class UserFeedbackInput
{
    public FeedbackCategory Category { get; set; } = FeedbackCategory.Problem;
    public string? Text { get; set; }
}

public sealed record UserFeedbackRow(int Id, FeedbackCategory Category, string Excerpt, string SenderName, string SenderUnitName, FeedbackStatus Status,
    DateTimeOffset SentAt, bool UnreadReply);

public sealed record UserFeedbackView(UserFeedback Feedback, UserFeedbackPermissions Permissions);

/// <summary>The home page's notice: unread replies for the sender, open items for an editor.</summary>
public sealed record UserFeedbackHomeSummary(int UnreadReplies, int OpenForEditor, bool IsEditor);
