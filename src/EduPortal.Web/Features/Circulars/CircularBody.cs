using Ganss.Xss;
using Markdig;

namespace EduPortal.Web.Features.Circulars;

/// <summary>
/// A circular's body: Markdown rendered by Markdig, then cleaned by HtmlSanitizer (scripts, event handlers, <c>javascript:</c>
/// links, styles and frames removed) before a page shows it with <c>MarkupString</c>. The one place circular HTML is made.
/// </summary>
public sealed class CircularBody
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().UseAutoLinks().Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links leave the portal in a new tab without handing it the opener.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }

    /// <summary>Sanitized HTML for a page.</summary>
    public string ToHtml(string? markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>Plain paragraphs for the PDF (Markdown markup removed, one entry per block).</summary>
    public static IReadOnlyList<string> ToParagraphs(string? markdown) =>
        Markdown.ToPlainText(markdown ?? "", Pipeline)
            .Replace("\r", "", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.Length > 0)
            .ToList();
}
