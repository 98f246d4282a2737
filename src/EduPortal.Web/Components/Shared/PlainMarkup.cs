using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace EduPortal.Web.Components.Shared;

/// <summary>
/// MudBlazor's icon markup for pages that draw buttons, cards and links as plain markup with MudBlazor's classes instead
/// of components (every live component costs each circuit ~3.5 KB: held pages keep only what must react). Each icon's
/// markup is built once and shared by every circuit.
/// </summary>
public static class PlainMarkup
{
    private const string Medium = "mud-icon-root mud-svg-icon mud-icon-size-medium";
    private static readonly ConcurrentDictionary<(string Icon, string Classes), MarkupString> Built = new();

    /// <summary>An icon as MudIcon draws it (<paramref name="classes"/> e.g. with "mud-primary-text mr-2").</summary>
    public static MarkupString Icon(string icon, string classes = Medium) =>
        Built.GetOrAdd((icon, classes), key => new MarkupString(Svg(key.Icon, key.Classes)));

    /// <summary>A MudButton's start icon (StartIcon), placed before the label text inside "mud-button-label".</summary>
    public static MarkupString StartIcon(string icon) =>
        Built.GetOrAdd((icon, "start"), key => new MarkupString($"<span class=\"mud-button-icon-start mud-button-icon-size-medium\">{Svg(key.Icon, Medium)}</span>"));

    /// <summary>A MudButton's end icon (EndIcon), placed after the label text.</summary>
    public static MarkupString EndIcon(string icon) =>
        Built.GetOrAdd((icon, "end"), key => new MarkupString($"<span class=\"mud-button-icon-end mud-button-icon-size-medium\">{Svg(key.Icon, Medium)}</span>"));

    /// <summary>The side menu's SVG writer (<see cref="Layout.PortalNav"/>), so icons are drawn one way.</summary>
    private static string Svg(string icon, string classes) => Layout.PortalNav.IconSvg(icon, classes);
}
