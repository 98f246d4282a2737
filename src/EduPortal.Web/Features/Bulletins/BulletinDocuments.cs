using System.Globalization;
using ClosedXML.Excel;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Reports;
using SkiaSharp;

namespace EduPortal.Web.Features.Bulletins;

/// <summary>What the PDF and the workbook print: the bulletin's heading facts and its sections.</summary>
public sealed record BulletinContent(string Title, string UnitName, BulletinWeek Week, DateTimeOffset GeneratedAt, string? Foreword,
    IReadOnlyList<BulletinSectionData> Sections);

/// <summary>
/// The bulletin as a PDF (through <see cref="PdfReport"/>: selectable Chinese text, ruled tables, bar charts drawn with
/// SkiaSharp into the page) and as a workbook of the same figures (through <see cref="ExcelExport"/>: one sheet per section).
/// </summary>
public static class BulletinDocuments
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    public static string SectionHeading(int index, string title) => $"{(index < Numerals.Length ? Numerals[index] : (index + 1).ToString(CultureInfo.InvariantCulture))}、{title}";

    public static string PeriodLine(BulletinContent content) => $"通报周期：{content.Week.PeriodText}（北京时间）";

    public static string GeneratedLine(BulletinContent content) => $"生成时间：{ChinaTime.Format(content.GeneratedAt)}（北京时间）";

    public static byte[] Pdf(BulletinContent content)
    {
        var report = new PdfReport(content.Title);
        report.Heading(content.Title, 17).Space(4)
            .Paragraph(PeriodLine(content), 10.5f, PdfAlign.Center)
            .Paragraph($"{content.UnitName} · {GeneratedLine(content)}", 10.5f, PdfAlign.Center).Space(8);
        if (content.Foreword is { } foreword)
        {
            report.Paragraph(foreword, 11).Space(6);
        }
        for (var i = 0; i < content.Sections.Count; i++)
        {
            var section = content.Sections[i];
            report.Space(6).Paragraph(SectionHeading(i, section.Title), 13.5f).Space(2);
            if (!string.IsNullOrWhiteSpace(section.Summary))
            {
                report.Paragraph(section.Summary, 10.5f).Space(4);
            }
            foreach (var chart in section.Charts.Where(c => c.Bars.Count > 0))
            {
                Chart(report, chart);
            }
            foreach (var table in section.Tables)
            {
                Table(report, table);
            }
        }
        return report.ToBytes();
    }

    private static void Table(PdfReport report, BulletinTable table)
    {
        report.Paragraph(table.Title, 10.5f).Space(2);
        if (table.Rows.Count == 0)
        {
            report.Paragraph("（无）", 10).Space(4);
            return;
        }
        var weights = table.Columns.Select((c, i) => table.NumericColumns.Contains(i) ? 1f : i == 0 ? 2.4f : 1.8f).ToArray();
        var pdf = new PdfTable(weights) { HeaderRows = 1, FontSize = 9, MinRowHeight = 18 };
        pdf.Row(table.Columns.Select(c => new PdfCell(c, Bold: true, Align: PdfAlign.Center, Shaded: true)).ToArray());
        foreach (var row in table.Rows)
        {
            pdf.Row(row.Select((text, i) => new PdfCell(text, Align: table.NumericColumns.Contains(i) ? PdfAlign.Right : PdfAlign.Left)).ToArray());
        }
        report.Table(pdf);
        if (table.Note is { } note)
        {
            report.Paragraph(note, 9);
        }
        report.Space(6);
    }

    /// <summary>A horizontal bar chart: label, bar against the maximum, value.</summary>
    private static void Chart(PdfReport report, BulletinChart chart)
    {
        const float rowHeight = 15, labelWidth = 130, valueWidth = 60, top = 20;
        var bars = chart.Bars;
        var maximum = (float)(chart.Maximum ?? Math.Max(bars.Max(b => b.Value), 1));
        report.Block(top + bars.Count * rowHeight + 6, (canvas, area) =>
        {
            PdfReport.DrawTextLine(canvas, chart.Title, area.Left, area.Width, area.Top + 12, 10, bold: true);
            var barLeft = area.Left + labelWidth + 6;
            var barWidth = area.Width - labelWidth - valueWidth - 12;
            using var axis = new SKPaint { Color = new SKColor(0x90, 0x90, 0x90), StrokeWidth = 0.6f, IsAntialias = true };
            canvas.DrawLine(barLeft, area.Top + top - 2, barLeft, area.Top + top + bars.Count * rowHeight, axis);
            using var fill = new SKPaint { Color = new SKColor(0x1E, 0x63, 0xB5), Style = SKPaintStyle.Fill, IsAntialias = true };
            for (var i = 0; i < bars.Count; i++)
            {
                var y = area.Top + top + i * rowHeight;
                var label = bars[i].Label;
                while (label.Length > 1 && PdfReport.Measure(label, 8.5f) > labelWidth)
                {
                    label = label[..^1];
                }
                PdfReport.DrawTextLine(canvas, label, area.Left, labelWidth, y + 10.5f, 8.5f, align: PdfAlign.Right);
                var width = maximum <= 0 ? 0 : Math.Clamp((float)bars[i].Value / maximum, 0, 1) * barWidth;
                canvas.DrawRect(SKRect.Create(barLeft, y + 2.5f, Math.Max(width, 0.5f), rowHeight - 5), fill);
                PdfReport.DrawTextLine(canvas, Value(bars[i].Value, chart.Unit), barLeft + width + 4, valueWidth, y + 10.5f, 8.5f);
            }
        });
        report.Space(4);
    }

    private static string Value(decimal value, string unit) =>
        value.ToString(value == decimal.Truncate(value) ? "0" : "0.#", CultureInfo.InvariantCulture) + (unit == "%" ? "%" : "");

    /// <summary>The workbook: a 概要 sheet (title, period, foreword, each section's summary), then one sheet per section.</summary>
    public static byte[] Workbook(BulletinContent content)
    {
        using var workbook = new XLWorkbook();
        var summary = new List<string[]>
        {
            new[] { "标题", content.Title },
            new[] { "通报周期", content.Week.PeriodText },
            new[] { "生成时间", ChinaTime.Format(content.GeneratedAt) + "（北京时间）" },
        };
        if (content.Foreword is { } foreword)
        {
            summary.Add(["按语", foreword]);
        }
        summary.AddRange(content.Sections.Select((s, i) => new[] { SectionHeading(i, s.Title), s.Summary }));
        ExcelExport.AddSheet(workbook, "概要", [new ExcelColumn<string[]>("项目", r => r[0], 22), new ExcelColumn<string[]>("内容", r => r[1], 90)], summary);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "概要" };
        for (var i = 0; i < content.Sections.Count; i++)
        {
            var section = content.Sections[i];
            var tables = section.Tables.Count > 0 ? section.Tables : [new BulletinTable(section.Title, ["说明"], [[section.Summary]])];
            var first = tables[0];
            var sheet = ExcelExport.AddSheet(workbook, SheetName($"{i + 1}.{section.Title}", used), Columns(first), first.Rows);
            var row = first.Rows.Count + 3;
            foreach (var table in tables.Skip(1))
            {
                sheet.Cell(row, 1).Value = table.Title;
                sheet.Cell(row, 1).Style.Font.Bold = true;
                row++;
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    sheet.Cell(row, c + 1).Value = table.Columns[c];
                    sheet.Cell(row, c + 1).Style.Font.Bold = true;
                    sheet.Cell(row, c + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
                }
                foreach (var cells in table.Rows)
                {
                    row++;
                    for (var c = 0; c < cells.Count; c++)
                    {
                        if (Cell(table, c, cells[c]) is double number)
                        {
                            sheet.Cell(row, c + 1).Value = number;
                        }
                        else
                        {
                            sheet.Cell(row, c + 1).SetValue(cells[c]);
                        }
                    }
                }
                row += 2;
            }
        }
        return ExcelExport.Save(workbook);
    }

    private static List<ExcelColumn<IReadOnlyList<string>>> Columns(BulletinTable table) =>
        table.Columns.Select((header, c) => new ExcelColumn<IReadOnlyList<string>>(
            table.NumericColumns.Contains(c) && table.Rows.Any(r => r[c].EndsWith('%')) ? $"{header}（%）" : header,
            row => Cell(table, c, row[c]), c == 0 ? 28 : 16)).ToList();

    /// <summary>A numeric column's cell as a number (37.5 for "37.5%"), text otherwise (无数据 stays text).</summary>
    private static object Cell(BulletinTable table, int column, string text) =>
        table.NumericColumns.Contains(column) && double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number : text;

    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        clean = clean.Length > 28 ? clean[..28] : clean;
        var candidate = clean;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{clean}{n}";
        }
        return candidate;
    }
}
