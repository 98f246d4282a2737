using EduPortal.Domain.Plans;

namespace EduPortal.Web.Features.Plans;

public sealed class FeedbackInput
{
    public string? Practices { get; set; }
    public string? Highlights { get; set; }
    public string? Suggestions { get; set; }
    public string? Problems { get; set; }
}

public sealed record FeedbackRow(int Id, string CountyName, CountyFeedbackStatus Status, DateTimeOffset? SubmittedAt, string? SubmittedByName, bool Replied, int Attachments);

public sealed record MissingCounty(int Id, string Name);

public sealed record FeedbackMonthView(FeedbackMonth Month, IReadOnlyList<FeedbackRow> Rows, IReadOnlyList<MissingCounty> Missing, bool CanStart);

public sealed record FeedbackView(CountyFeedback Feedback, CountyFeedbackPermissions Permissions);
