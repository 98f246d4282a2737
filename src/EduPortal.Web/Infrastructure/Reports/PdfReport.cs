using System.Globalization;
using SkiaSharp;

namespace EduPortal.Web.Infrastructure.Reports;

public enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>One table cell; a string converts to a plain left-aligned cell.</summary>
public sealed record PdfCell(string Text, int ColSpan = 1, bool Bold = false, PdfAlign Align = PdfAlign.Left, bool Shaded = false)
{
    public static implicit operator PdfCell(string text) => new(text);
}

/// <summary>A ruled table: column widths as relative weights, rows of cells (with column spans).</summary>
public sealed class PdfTable(params float[] columnWeights)
{
    public IReadOnlyList<float> ColumnWeights { get; } = columnWeights;
    public List<IReadOnlyList<PdfCell>> Rows { get; } = [];
    /// <summary>Rows repeated at the top of each page the table continues on.</summary>
    public int HeaderRows { get; set; }
    public float FontSize { get; set; } = 11;
    public float MinRowHeight { get; set; } = 26;

    public PdfTable Row(params PdfCell[] cells)
    {
        if (cells.Sum(c => c.ColSpan) != ColumnWeights.Count)
        {
            throw new ArgumentException($"A row must span {ColumnWeights.Count} columns.", nameof(cells));
        }
        Rows.Add(cells);
        return this;
    }
}

/// <summary>
/// The one PDF helper: A4 pages drawn with SkiaSharp's PDF backend, text in the embedded CJK font
/// (selectable and searchable), headings, wrapped paragraphs, ruled tables that continue across pages,
/// and "第 n 页 共 m 页" at the foot of every page. Content is laid out first, then drawn, so the page
/// count is known when the footers are written.
/// </summary>
public sealed class PdfReport
{
    public const string ContentType = "application/pdf";
    public const float PageWidth = 595.28f; // A4 in points
    public const float PageHeight = 841.89f;
    private const float Margin = 50;
    private const float ContentWidth = PageWidth - 2 * Margin;
    private const float Bottom = PageHeight - Margin - 20; // room for the page number
    private const float CellPadding = 5;

    private readonly List<List<Action<SKCanvas>>> _pages = [[]];
    private float _y = Margin;
    private readonly string _title;

    public PdfReport(string title)
    {
        _title = title;
    }

    /// <summary>Whether "第 n 页 共 m 页" is written at the foot of every page (off for certificates, one a page).</summary>
    public bool PageNumbers { get; init; } = true;

    private List<Action<SKCanvas>> Page => _pages[^1];

    /// <summary>A centred heading, wrapped when longer than a line.</summary>
    public PdfReport Heading(string text, float size = 18)
    {
        foreach (var line in Wrap(text, size, ContentWidth))
        {
            var lineHeight = size * 1.5f;
            EnsureRoom(lineHeight);
            var y = _y + size * 1.1f;
            Page.Add(canvas => DrawText(canvas, line, Margin, ContentWidth, y, size, bold: true, PdfAlign.Center));
            _y += lineHeight;
        }
        return this;
    }

    /// <summary>A paragraph wrapped at the margins; <paramref name="indent"/> shifts continuation lines (hanging indent for notes).</summary>
    public PdfReport Paragraph(string text, float size = 10.5f, PdfAlign align = PdfAlign.Left, float indent = 0)
    {
        var first = true;
        foreach (var line in Wrap(text, size, ContentWidth - indent, firstLineWidth: ContentWidth))
        {
            var lineHeight = size * 1.6f;
            EnsureRoom(lineHeight);
            var y = _y + size * 1.15f;
            var x = first ? Margin : Margin + indent;
            var width = first ? ContentWidth : ContentWidth - indent;
            Page.Add(canvas => DrawText(canvas, line, x, width, y, size, bold: false, align));
            _y += lineHeight;
            first = false;
        }
        return this;
    }

    public PdfReport Space(float points)
    {
        _y = Math.Min(_y + points, Bottom);
        return this;
    }

    public PdfReport Table(PdfTable table)
    {
        var total = table.ColumnWeights.Sum();
        var widths = table.ColumnWeights.Select(w => w / total * ContentWidth).ToArray();
        var lineHeight = table.FontSize * 1.45f;
        float RowHeight(IReadOnlyList<PdfCell> row)
        {
            var column = 0;
            var height = table.MinRowHeight;
            foreach (var cell in row)
            {
                var width = widths.Skip(column).Take(cell.ColSpan).Sum() - 2 * CellPadding;
                var lines = Wrap(cell.Text, table.FontSize, width).Count;
                height = Math.Max(height, lines * lineHeight + 2 * CellPadding);
                column += cell.ColSpan;
            }
            return height;
        }
        var heights = table.Rows.Select(RowHeight).ToList();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (_y + heights[r] > Bottom && r >= table.HeaderRows)
            {
                NewPage();
                for (var h = 0; h < table.HeaderRows; h++)
                {
                    AddRow(table.Rows[h], heights[h]);
                }
            }
            AddRow(table.Rows[r], heights[r]);
        }
        return this;

        void AddRow(IReadOnlyList<PdfCell> row, float height)
        {
            var top = _y;
            var x = Margin;
            var column = 0;
            foreach (var cell in row)
            {
                var width = widths.Skip(column).Take(cell.ColSpan).Sum();
                var left = x;
                var lines = Wrap(cell.Text, table.FontSize, width - 2 * CellPadding);
                Page.Add(canvas =>
                {
                    var rect = SKRect.Create(left, top, width, height);
                    if (cell.Shaded)
                    {
                        using var fill = new SKPaint { Color = new SKColor(0xEE, 0xF2, 0xF7), Style = SKPaintStyle.Fill };
                        canvas.DrawRect(rect, fill);
                    }
                    using var border = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
                    canvas.DrawRect(rect, border);
                    // Vertically centred, as on the paper form.
                    var textTop = top + (height - lines.Count * lineHeight) / 2;
                    for (var i = 0; i < lines.Count; i++)
                    {
                        DrawText(canvas, lines[i], left + CellPadding, width - 2 * CellPadding,
                            textTop + i * lineHeight + table.FontSize * 1.1f, table.FontSize, cell.Bold, cell.Align);
                    }
                });
                x += width;
                column += cell.ColSpan;
            }
            _y += height;
        }
    }

    /// <summary>
    /// A block of <paramref name="height"/> points across the content width, drawn by the caller (label sheets, QR
    /// codes); it moves to a new page when it does not fit. Text inside goes through <see cref="DrawTextLine"/>.
    /// </summary>
    public PdfReport Block(float height, Action<SKCanvas, SKRect> draw)
    {
        EnsureRoom(height);
        var rect = SKRect.Create(Margin, _y, ContentWidth, height);
        Page.Add(canvas => draw(canvas, rect));
        _y += height;
        return this;
    }

    /// <summary>
    /// One line of text in the embedded font (for <see cref="Block"/> drawings); the caller wraps or clips it. <paramref name="color"/>
    /// is black unless given (the red issuing-unit line of a circular's 红头).
    /// </summary>
    public static void DrawTextLine(SKCanvas canvas, string text, float x, float width, float baseline, float size, bool bold = false,
        PdfAlign align = PdfAlign.Left, SKColor? color = null) => DrawText(canvas, text, x, width, baseline, size, bold, align, color);

    /// <summary>Width of the content area between the margins.</summary>
    public static float ContentAreaWidth => ContentWidth;

    /// <summary>Height left for content on a fresh page.</summary>
    public static float ContentAreaHeight => Bottom - Margin;

    public PdfReport NewPage()
    {
        _pages.Add([]);
        _y = Margin;
        return this;
    }

    private void EnsureRoom(float height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    public void WriteTo(Stream output)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = _title,
            Creator = "EduPortal",
            Producer = "EduPortal (SkiaSharp)",
            // Anything below 101 turns images into lossy JPEGs.
            EncodingQuality = 101,
            RasterDpi = 300,
        };
        using var managed = new SKManagedWStream(output);
        using var document = SKDocument.CreatePdf(managed, metadata);
        for (var p = 0; p < _pages.Count; p++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            foreach (var draw in _pages[p])
            {
                draw(canvas);
            }
            if (PageNumbers)
            {
                var footer = string.Create(CultureInfo.InvariantCulture, $"第 {p + 1} 页  共 {_pages.Count} 页");
                DrawText(canvas, footer, Margin, ContentWidth, PageHeight - Margin + 6, 9, bold: false, PdfAlign.Center);
            }
            document.EndPage();
        }
        document.Close();
    }

    /// <summary>Width of text in points at a size, font fallback included.</summary>
    public static float Measure(string text, float size)
    {
        float width = 0;
        foreach (var (run, typeface) in Runs(text))
        {
            using var font = new SKFont(typeface, size);
            width += font.MeasureText(run);
        }
        return width;
    }

    /// <summary>
    /// Breaks text into lines that fit: at spaces for Latin words, anywhere between hanzi; honours '\n'. Chinese line
    /// breaking (禁则, kinsoku): no line starts with closing punctuation (。，、；：？！）》」』” …) and none ends with
    /// opening punctuation (（《「『“ …) — the break moves back so the character before the punctuation goes down with it
    /// (or the opening punctuation goes down with what it opens); only a line that would otherwise keep nothing lets the
    /// closing punctuation hang at its end.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, float size, float width, float? firstLineWidth = null)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var rest = paragraph;
            if (rest.Length == 0)
            {
                lines.Add("");
                continue;
            }
            while (rest.Length > 0)
            {
                var limit = lines.Count == 0 && firstLineWidth is { } f ? f : width;
                var take = FitLength(rest, size, limit);
                // Don't split a Latin word or number if a space earlier on the line allows a clean break.
                if (take < rest.Length && IsWordChar(rest[take]) && take > 0 && IsWordChar(rest[take - 1]))
                {
                    var space = rest.LastIndexOf(' ', take - 1);
                    if (space > 0)
                    {
                        take = space + 1;
                    }
                }
                take = KinsokuBreak(rest, take);
                lines.Add(rest[..take].TrimEnd());
                rest = rest[take..].TrimStart(' ');
            }
        }
        return lines;
    }

    private static bool IsWordChar(char c) => c < 0x80 && char.IsLetterOrDigit(c);

    /// <summary>Closing punctuation no line may start with (行首禁则).</summary>
    public const string LineStartProhibited = "。，、；：？！）》」』”’〕】〉｝］…‥·．,.;:?!)]}%％";

    /// <summary>Opening punctuation no line may end with (行尾禁则).</summary>
    public const string LineEndProhibited = "（《「『“‘〔【〈｛［([{";

    /// <summary>
    /// The break <paramref name="take"/> characters into <paramref name="text"/> moved back until the next line does not
    /// start with closing punctuation and this one does not end with opening punctuation (spaces at the break ignored).
    /// </summary>
    private static int KinsokuBreak(string text, int take)
    {
        bool Allowed(int at)
        {
            var next = at;
            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }
            var last = at - 1;
            while (last > 0 && text[last] == ' ')
            {
                last--;
            }
            return next >= text.Length || (!LineStartProhibited.Contains(text[next]) && !LineEndProhibited.Contains(text[last]));
        }
        if (take >= text.Length || Allowed(take))
        {
            return take;
        }
        for (var at = take - 1; at > 0; at--)
        {
            if (!char.IsLowSurrogate(text[at]) && !(IsWordChar(text[at - 1]) && IsWordChar(text[at])) && Allowed(at))
            {
                return at;
            }
        }
        // Nothing earlier works (a line of punctuation): let the closing punctuation hang at the end instead.
        var hang = take;
        while (hang < text.Length && LineStartProhibited.Contains(text[hang]))
        {
            hang++;
        }
        return hang;
    }

    private static int FitLength(string text, float size, float width)
    {
        // Adds one character's advance at a time (kerning between CJK characters is nil), so a line costs
        // one measurement per character rather than one per prefix.
        var length = 0;
        float used = 0;
        while (length < text.Length)
        {
            var step = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var advance = Measure(text.Substring(length, step), size);
            if (used + advance > width && length > 0)
            {
                break;
            }
            used += advance;
            length += step;
        }
        return Math.Max(length, 1);
    }

    private static void DrawText(SKCanvas canvas, string text, float x, float width, float baseline, float size, bool bold, PdfAlign align,
        SKColor? color = null)
    {
        var textWidth = Measure(text, size);
        var start = align switch
        {
            PdfAlign.Center => x + (width - textWidth) / 2,
            PdfAlign.Right => x + width - textWidth,
            PdfAlign.Left => x,
            _ => x,
        };
        using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
        if (bold)
        {
            // Fill and stroke thickens the strokes while the text stays text (one font file is shipped, no bold face).
            paint.Style = SKPaintStyle.StrokeAndFill;
            paint.StrokeWidth = size / 28;
        }
        foreach (var (run, typeface) in Runs(text))
        {
            using var font = new SKFont(typeface, size);
            canvas.DrawText(run, start, baseline, SKTextAlign.Left, font, paint);
            start += font.MeasureText(run);
        }
    }

    /// <summary>Splits text into runs drawn with one typeface each (the embedded font, or a fallback for rare characters).</summary>
    private static IEnumerable<(string Run, SKTypeface Typeface)> Runs(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var start = 0;
        SKTypeface? current = null;
        for (var i = 0; i < text.Length;)
        {
            var codePoint = char.ConvertToUtf32(text, i);
            var step = char.IsSurrogatePair(text, i) ? 2 : 1;
            var typeface = PdfFonts.For(codePoint);
            if (current is not null && typeface != current)
            {
                yield return (text[start..i], current);
                start = i;
            }
            current = typeface;
            i += step;
        }
        yield return (text[start..], current!);
    }
}
