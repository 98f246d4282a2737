using System.IO.Compression;
using System.Text;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Infrastructure.Exports;

namespace EduPortal.Web.Features.Surveys;

/// <summary>
/// 全部调查表 PDF: every school's form of a round inside the owner's jurisdiction (filled in, submitted or returned —
/// schools that never started have no form and are listed in 说明.txt), one PDF per school from
/// <see cref="SurveyPdf"/>, zipped by county. Each PDF is written into the zip and dropped before the next is built.
/// </summary>
public sealed class SurveyRoundPdfsExport(SurveyService surveys, TimeProvider clock) : IExportKind
{
    public const string KindKey = "surveys.round-pdfs";

    public string Key => KindKey;

    public string Title => "全部调查表 PDF（压缩包）";

    public static ExportParameters For(int roundId) => ExportParameters.Of(("round", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<Result<string>> AuthorizeAsync(Caller caller, ExportParameters parameters, CancellationToken cancellationToken)
    {
        if (caller.Level < AdminLevel.County)
        {
            return new ForbiddenError("只有县级或市级管理员可以导出全部调查表。");
        }
        if (parameters.Int("round") is not { } roundId)
        {
            return new NotFoundError("未找到该调查，或不在您的管辖范围内。");
        }
        var round = (await surveys.GetRoundsAsync(caller, cancellationToken)).FirstOrDefault(r => r.Id == roundId);
        return round is null ? new NotFoundError("未找到该调查，或不在您的管辖范围内。") : $"{round.Title}（{caller.OrgUnitName}）全部调查表 PDF";
    }

    public async Task<ExportFile> RunAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var roundId = context.Parameters.Int("round")!.Value;
        var board = await surveys.GetBoardAsync(context.Caller, roundId, cancellationToken);
        if (!board.Succeeded)
        {
            throw new InvalidOperationException(board.Error!.Message);
        }
        var schools = board.Value!.Rows.Where(r => r.Status != SurveyStatus.NotStarted).ToList();
        var madeAt = ChinaTime.ToChina(clock.GetUtcNow());
        using (var zip = new ZipArchive(context.Output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            for (var i = 0; i < schools.Count; i++)
            {
                var school = schools[i];
                var form = await surveys.GetFormAsync(context.Caller, roundId, school.SchoolId, cancellationToken);
                if (form.Succeeded)
                {
                    var pdf = SurveyPdf.Build(form.Value!);
                    var entry = zip.CreateEntry($"{SurveyService.SafeFileName(school.CountyName)}/{SurveyService.SafeFileName(school.SchoolName)}-{SurveyPdf.FormName}.pdf",
                        CompressionLevel.Fastest);
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await target.WriteAsync(pdf, cancellationToken);
                }
                context.Progress.Report(new ExportProgress((i + 1) * 100 / Math.Max(1, schools.Count), $"第 {i + 1}/{schools.Count} 所学校"));
            }
            var notes = zip.CreateEntry("说明.txt", CompressionLevel.Fastest);
            await using var writer = new StreamWriter(await notes.OpenAsync(cancellationToken), new UTF8Encoding(true));
            await writer.WriteLineAsync($"{board.Value.Title}　全部调查表 PDF");
            await writer.WriteLineAsync($"范围：{context.Caller.OrgUnitName}　导出时间：{madeAt:yyyy-MM-dd HH:mm}（北京时间）　导出人：{context.Caller.RealName}");
            await writer.WriteLineAsync($"共 {board.Value.Rows.Count} 所学校，收录已填写的调查表 {schools.Count} 份（各状态以 PDF 上的“填报状态”为准）。");
            var missing = board.Value.Rows.Where(r => r.Status == SurveyStatus.NotStarted).ToList();
            if (missing.Count > 0)
            {
                await writer.WriteLineAsync($"未开始填写的学校（{missing.Count} 所）：");
                foreach (var school in missing)
                {
                    await writer.WriteLineAsync($"　{school.CountyName}　{school.SchoolName}");
                }
            }
        }
        return new ExportFile($"{SurveyService.SafeFileName(board.Value.Title)}-全部调查表-{madeAt:yyyyMMdd-HHmm}.zip", "application/zip", "zip");
    }
}
