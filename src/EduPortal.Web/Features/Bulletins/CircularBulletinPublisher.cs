using System.Text;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Circulars;

namespace EduPortal.Web.Features.Bulletins;

/// <summary>
/// Publishes a bulletin as a circular (通知) from its issuing bureau to the unit's whole subtree, teachers included, with the
/// PDF and the workbook attached — through the circulars module's public API, which numbers it (e.g. 东教发〔2026〕12号) and
/// audits it as the system's.
/// </summary>
public sealed class CircularBulletinPublisher(CircularService circulars) : IBulletinPublisher
{
    public async Task<Result<int>> PublishAsync(Bulletin bulletin, BulletinFiles files, CancellationToken cancellationToken)
    {
        var result = await circulars.PublishGeneratedAsync(new GeneratedCircular(bulletin.UnitId, bulletin.Title, Body(bulletin), ForTeachers: true,
            Attachments: [new GeneratedAttachment(files.PdfName, files.Pdf), new GeneratedAttachment(files.WorkbookName, files.Workbook)]), cancellationToken);
        return result.Error is { } error ? error : result.Value!.Id;
    }

    /// <summary>The circular's body: the period, the foreword and each section's summary; the figures are in the attachments.</summary>
    public static string Body(Bulletin bulletin)
    {
        var body = new StringBuilder();
        body.AppendLine($"现将{bulletin.Week.PeriodText}{BulletinScope.RegionOf(bulletin.UnitName)}教育信息化工作情况通报如下，详见附件（PDF 与 Excel）。").AppendLine();
        if (bulletin.Foreword is { } foreword)
        {
            body.AppendLine(Escape(foreword)).AppendLine();
        }
        var sections = BulletinGenerator.SectionsOf(bulletin);
        for (var i = 0; i < sections.Count; i++)
        {
            body.AppendLine($"{i + 1}. **{Escape(sections[i].Title)}**：{Escape(sections[i].Summary)}");
        }
        return body.ToString();
    }

    /// <summary>Text taken as text: Markdown's markup characters are escaped (the circular renders Markdown, then sanitizes).</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_{}[]()#+-.!<>|".Contains(c))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
