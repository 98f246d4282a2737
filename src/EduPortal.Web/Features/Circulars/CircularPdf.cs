using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Html;
using EduPortal.Web.Infrastructure.Reports;
using SkiaSharp;

namespace EduPortal.Web.Features.Circulars;

/// <summary>
/// A circular printed in the official 红头 layout through the one PDF helper: the issuing unit's name + 文件 in red, the document
/// number, a red rule, the title, the salutation (主送), the body, the timeline, contact and attachments (as circular 000 lays them
/// out), and the issuing unit and date at the bottom right with room above for the seal. Text stays text (selectable).
/// </summary>
public static class CircularPdf
{
    public static readonly SKColor OfficialRed = new(0xD0, 0x10, 0x10);
    private const string Indent = "　　";

    public static byte[] Build(Circular circular)
    {
        var report = new PdfReport(circular.DocumentNumber ?? circular.Title) { PageNumbers = true };
        var header = $"{circular.IssuerName}文件";
        report.Block(92, (canvas, rect) =>
        {
            PdfReport.DrawTextLine(canvas, header, rect.Left, rect.Width, rect.Top + 40, 30, bold: true, PdfAlign.Center, OfficialRed);
            PdfReport.DrawTextLine(canvas, circular.DocumentNumber ?? "（草稿，发布时编号）", rect.Left, rect.Width, rect.Top + 72, 12, align: PdfAlign.Center);
            using var rule = new SKPaint { Color = OfficialRed, StrokeWidth = 2.2f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            canvas.DrawLine(rect.Left, rect.Top + 86, rect.Right, rect.Top + 86, rule);
        });
        report.Space(14).Heading(circular.Title, 18).Space(10);
        var salutation = circular.RecipientsLine();
        if (salutation.Length > 0)
        {
            report.Paragraph($"{salutation}：", 12);
        }
        foreach (var paragraph in MarkdownHtml.ToParagraphs(circular.BodyMarkdown))
        {
            report.Paragraph(Indent + paragraph, 12);
        }
        if (circular.Milestones.Count > 0)
        {
            report.Paragraph(Indent + "时间安排：", 12);
            foreach (var (milestone, i) in circular.Milestones.OrderBy(m => m.Date).Select((m, i) => (m, i)))
            {
                report.Paragraph($"{Indent}{i + 1}.{milestone.Label}：{(milestone.IsDeadline ? $"{ChinaTime.FormatDateLong(milestone.Date)}前完成" : $"{ChinaTime.FormatDateLong(milestone.Date)}起")}", 12);
            }
        }
        if (circular.ReplyMode != ReplyMode.None && circular.ReplyDueDate is { } due)
        {
            report.Paragraph($"{Indent}请于{ChinaTime.FormatDateLong(due)}前通过平台回复（{circular.ReplyMode.DisplayName()}）。", 12);
        }
        if (circular.ContactName is not null || circular.ContactPhone is not null)
        {
            report.Space(6);
            if (circular.ContactName is not null)
            {
                report.Paragraph($"{Indent}联系人：{circular.ContactName}", 12);
            }
            if (circular.ContactPhone is not null)
            {
                report.Paragraph($"{Indent}联系电话：{circular.ContactPhone}", 12);
            }
        }
        if (circular.Attachments.Count > 0)
        {
            report.Space(6);
            var files = circular.Attachments.Select((a, i) => $"{i + 1}.{Path.GetFileNameWithoutExtension(a.FileName)}").ToList();
            report.Paragraph($"{Indent}附件：{files[0]}", 12);
            foreach (var file in files.Skip(1))
            {
                report.Paragraph($"{Indent}　　　{file}", 12);
            }
        }
        // Room for the seal (印章) above the issuing unit and the date, both at the bottom right.
        var date = circular.PublishedAt is { } at ? ChinaTime.FormatDateLong(DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime)) : "（发布日期）";
        report.Space(48);
        report.Block(44, (canvas, rect) =>
        {
            var width = Math.Max(PdfReport.Measure(circular.IssuerName, 12), PdfReport.Measure(date, 12)) + 8;
            var left = rect.Right - width - 24;
            PdfReport.DrawTextLine(canvas, circular.IssuerName, left, width, rect.Top + 16, 12, align: PdfAlign.Center);
            PdfReport.DrawTextLine(canvas, date, left, width, rect.Top + 36, 12, align: PdfAlign.Center);
        });
        return report.ToBytes();
    }
}
