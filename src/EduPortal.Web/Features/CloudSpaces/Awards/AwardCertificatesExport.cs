using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Exports;
using EduPortal.Web.Infrastructure.Reports;

namespace EduPortal.Web.Features.CloudSpaces.Awards;

/// <summary>
/// 获奖证书（全部）: every winner's 荣誉证书 of a published award round as one PDF, a page each, drawn by
/// <see cref="AwardCertificates"/> — the same pages the round page prints one by one. Who may have it is decided by
/// <see cref="AwardRoundService.CertificatesAsync"/> (the round's county and above, published rounds only).
/// </summary>
public sealed class AwardCertificatesExport(AwardRoundService awards, TimeProvider clock) : IExportKind
{
    public const string KindKey = "cloudspaces.award-certificates";

    public string Key => KindKey;

    public string Title => "获奖证书（PDF，每人一页）";

    public static ExportParameters For(int roundId) => ExportParameters.Of(("round", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<Result<string>> AuthorizeAsync(Caller caller, ExportParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Int("round") is not { } roundId)
        {
            return new NotFoundError();
        }
        var found = await awards.CertificatesAsync(caller, roundId, null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }
        return $"{found.Value.Round.Title} 获奖证书（{found.Value.Winners.Count} 份）";
    }

    public async Task<ExportFile> RunAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var found = await awards.CertificatesAsync(context.Caller, context.Parameters.Int("round")!.Value, null, cancellationToken);
        if (!found.Succeeded)
        {
            throw new InvalidOperationException(found.Error!.Message);
        }
        var (round, winners) = found.Value;
        context.Progress.Report(new ExportProgress(10, $"正在生成 {winners.Count} 份证书"));
        AwardCertificates.Write(context.Output, round, winners);
        var madeAt = ChinaTime.ToChina(clock.GetUtcNow());
        var title = string.Concat(round.Title.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return new ExportFile($"{title}-获奖证书-{winners.Count}份-{madeAt:yyyyMMdd-HHmm}.pdf", PdfReport.ContentType, "pdf");
    }
}
