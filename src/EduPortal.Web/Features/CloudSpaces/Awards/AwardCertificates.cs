using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Reports;
using SkiaSharp;

namespace EduPortal.Web.Features.CloudSpaces.Awards;

/// <summary>
/// 获奖证书 (circular 001 §四(三)4: 颁发获奖证书): one A4 page per winner in the embedded CJK font, drawn through the
/// shared <see cref="PdfReport"/>; a batch is the same pages in one file.
/// </summary>
public static class AwardCertificates
{
    private static readonly SKColor Red = new(0xB7, 0x1C, 0x1C);
    private static readonly SKColor Gold = new(0xC8, 0xA2, 0x4A);

    public static byte[] Build(AwardRound round, IReadOnlyList<AwardResultRow> winners)
    {
        using var stream = new MemoryStream();
        Write(stream, round, winners);
        return stream.ToArray();
    }

    /// <summary>The certificates written page by page into <paramref name="output"/> (the export centre's batch writes to a file).</summary>
    public static void Write(Stream output, AwardRound round, IReadOnlyList<AwardResultRow> winners)
    {
        var report = new PdfReport($"{round.Title} 获奖证书") { PageNumbers = false };
        var first = true;
        foreach (var winner in winners)
        {
            if (!first)
            {
                report.NewPage();
            }
            first = false;
            report.Block(PdfReport.ContentAreaHeight, (canvas, rect) => Draw(canvas, rect, round, winner));
        }
        report.WriteTo(output);
    }

    public static string Body(AwardRound round, AwardResultRow winner) => winner.Kind switch
    {
        AwardKind.TeacherSpace => $"你的教师教育云空间在{round.Title}中，被评为“优秀教师空间”{winner.FinalTier.DisplayName()}。",
        AwardKind.SchoolSpace => $"你校的学校空间在{round.Title}中，被评为“优秀学校空间”{winner.FinalTier.DisplayName()}。",
        AwardKind.DeepTeacher => $"你在{round.Title}中，以武汉教育云平台深度应用指数（{round.Schedule.DeepPeriodText}）被评为“深度应用优秀个人”{winner.FinalTier.DisplayName()}。",
        _ => $"你校在{round.Title}中，以武汉教育云平台深度应用指数（{round.Schedule.DeepPeriodText}）被评为“深度应用优秀学校”{winner.FinalTier.DisplayName()}。",
    };

    public static string Number(AwardRound round, AwardResultRow winner) => $"{round.Year}-{round.Id:D3}-{winner.EntryId:D5}";

    private static void Draw(SKCanvas canvas, SKRect rect, AwardRound round, AwardResultRow winner)
    {
        using (var outer = new SKPaint { Color = Red, Style = SKPaintStyle.Stroke, StrokeWidth = 6, IsAntialias = true })
        {
            canvas.DrawRect(rect, outer);
        }
        using (var inner = new SKPaint { Color = Gold, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true })
        {
            var inset = rect;
            inset.Inflate(-12, -12);
            canvas.DrawRect(inset, inner);
        }
        var left = rect.Left + 50;
        var width = rect.Width - 100;
        PdfReport.DrawTextLine(canvas, "荣 誉 证 书", rect.Left, rect.Width, rect.Top + 130, 44, bold: true, PdfAlign.Center);
        var name = winner.TeacherName is { } teacher ? $"{teacher} 老师（{winner.SchoolName}）：" : $"{winner.SchoolName}：";
        var y = rect.Top + 240;
        foreach (var line in PdfReport.Wrap(name, 20, width))
        {
            PdfReport.DrawTextLine(canvas, line, left, width, y, 20, bold: true);
            y += 34;
        }
        y += 14;
        const float size = 18;
        var indent = PdfReport.Measure("　　", size);
        var firstLine = true;
        foreach (var line in PdfReport.Wrap(Body(round, winner), size, width, firstLineWidth: width - indent))
        {
            PdfReport.DrawTextLine(canvas, line, firstLine ? left + indent : left, firstLine ? width - indent : width, y, size);
            y += size * 1.9f;
            firstLine = false;
        }
        PdfReport.DrawTextLine(canvas, "特发此证，以资鼓励。", left + indent, width - indent, y, size);

        var date = round.PublishedAt is { } published ? DateOnly.FromDateTime(ChinaTime.ToChina(published).DateTime) : round.CommendationStart;
        PdfReport.DrawTextLine(canvas, round.CountyName, left, width, rect.Bottom - 150, 18, bold: true, PdfAlign.Right);
        PdfReport.DrawTextLine(canvas, ChinaTime.FormatDateLong(date), left, width, rect.Bottom - 118, 16, align: PdfAlign.Right);
        PdfReport.DrawTextLine(canvas, $"证书编号：{Number(round, winner)}", left, width, rect.Bottom - 40, 10, align: PdfAlign.Left);
    }
}
