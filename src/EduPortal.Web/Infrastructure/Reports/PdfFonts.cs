using System.Collections.Concurrent;
using SkiaSharp;

namespace EduPortal.Web.Infrastructure.Reports;

/// <summary>
/// The PDF font: a GB2312 subset of Noto Sans CJK SC (OFL-1.1) compiled into this assembly, so every
/// machine that runs the build has it (docs/decisions/0006). Characters outside the subset (rare name
/// characters) fall back to an installed system font that has them; with none, they show as a box.
/// </summary>
public static class PdfFonts
{
    private const string ResourceName = "EduPortal.Reports.NotoSansSC-Subset.otf";
    private static readonly Lazy<SKTypeface> Embedded = new(Load);
    private static readonly ConcurrentDictionary<int, SKTypeface> Fallbacks = new();

    public static SKTypeface Regular => Embedded.Value;

    private static SKTypeface Load()
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The PDF font resource {ResourceName} is missing from the build.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("The PDF font could not be loaded.");
    }

    /// <summary>The typeface to draw a code point with: the embedded one when it has the glyph.</summary>
    public static SKTypeface For(int codePoint)
    {
        if (codePoint < 0x80 || Regular.ContainsGlyph(codePoint))
        {
            return Regular;
        }
        return Fallbacks.GetOrAdd(codePoint, c => SKFontManager.Default.MatchCharacter(c) ?? Regular);
    }
}
