using EduPortal.Domain.Guides;

namespace EduPortal.Web.Features.Guides;

public sealed class GuideInput
{
    public string? Title { get; set; }
    public GuideAudience Audience { get; set; }
    public string? Markdown { get; set; }
}

public sealed record GuideRow(string Topic, string Title, GuideAudience Audience, bool ForCaller);

public sealed record GuideView(Guide Guide, string Html, bool CanEdit);

public sealed record GuideEdit(DateTimeOffset At, string ByName, string Summary);
