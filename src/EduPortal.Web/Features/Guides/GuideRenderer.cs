using Ganss.Xss;
using Markdig;

namespace EduPortal.Web.Features.Guides;

/// <summary>
/// Turns a guide's Markdown into HTML that is safe to render: Markdig with raw HTML disabled (it is shown as text), then
/// HtmlSanitizer over the result, so neither a <c>&lt;script&gt;</c> nor a <c>javascript:</c> link survives an editor's text.
/// </summary>
public sealed class GuideRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    private readonly HtmlSanitizer _sanitizer = new();

    public GuideRenderer()
    {
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
    }

    public string Render(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
