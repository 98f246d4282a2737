using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;

namespace EduPortal.Web.Infrastructure.Html;

/// <summary>
/// Text that editors write (circular bodies, operation guides): Markdown rendered by Markdig, then cleaned by
/// HtmlSanitizer (scripts, event handlers, <c>javascript:</c> links, images, styles and frames removed) before a page shows
/// it with <c>MarkupString</c>. The one place the portal turns user-written text into HTML.
/// </summary>
public sealed class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().UseAutoLinks().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

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
    public string ToHtml(string? markdown) => Sanitize(markdown);

    private static string Sanitize(string? markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>
    /// Plain paragraphs for the PDF, taken from the same sanitized HTML a page shows (so a script's text never prints): one
    /// entry per paragraph, heading, list item or table row; ordered list items keep their numbers.
    /// </summary>
    public static IReadOnlyList<string> ToParagraphs(string? markdown)
    {
        var document = new HtmlParser().ParseDocument($"<body>{Sanitize(markdown)}</body>");
        var result = new List<string>();
        foreach (var element in document.Body!.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, tr"))
        {
            // A paragraph inside a list item is printed with its item.
            if (element.LocalName == "p" && element.Closest("li") is not null)
            {
                continue;
            }
            var text = string.Join(" ", element.TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            if (element.LocalName == "tr")
            {
                text = string.Join("  ", element.Children.Select(c => c.TextContent.Trim()));
            }
            if (element.LocalName == "li" && element.ParentElement is { LocalName: "ol" } list)
            {
                var start = int.TryParse(list.GetAttribute("start"), out var s) ? s : 1;
                text = $"{start + list.Children.ToList().IndexOf(element)}.{text}";
            }
            if (text.Trim().Length > 0)
            {
                result.Add(text.Trim());
            }
        }
        return result;
    }
}
