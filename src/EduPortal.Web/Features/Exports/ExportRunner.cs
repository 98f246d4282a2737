using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Domain.Exports;
using EduPortal.Web.Infrastructure;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Exports;
using EduPortal.Web.Infrastructure.Files;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.Exports;

/// <summary>
/// Runs one export as a Hangfire job: re-reads the owner (a disabled or demoted owner's export fails, and the kind
/// scopes the data by the owner's jurisdiction as it is now), writes the file to a temporary file while saving
/// progress at most twice a second, then stores it through the file store and marks the export done.
/// </summary>
public sealed class ExportRunner(IDbContextFactory<EduPortalDbContext> dbFactory, IEnumerable<IExportKind> kinds, IFileStore files, IOptions<ExportsOptions> options,
    TimeProvider clock, ILogger<ExportRunner> logger)
{
    public const string FileCategory = "exports";
    private static readonly TimeSpan SaveEvery = TimeSpan.FromMilliseconds(500);

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(long exportId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.ExportJobs.SingleOrDefaultAsync(j => j.Id == exportId, cancellationToken);
        if (job is null || !job.Start(clock.GetUtcNow()))
        {
            return;
        }
        await db.SaveChangesAsync(cancellationToken);

        var failure = await PrepareAsync(db, job, cancellationToken);
        if (failure is not null)
        {
            job.Fail(failure, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        var kind = kinds.Single(k => k.Key == job.Kind);
        var caller = (await CallerAccessor.LoadAsync(db, job.OwnerId, cancellationToken))!;
        var temp = Path.Combine(Path.GetTempPath(), $"eduportal-export-{Guid.NewGuid():N}.tmp");
        try
        {
            await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var progress = new LatestProgress<ExportProgress>();
            var context = new ExportContext(caller, ExportParameters.FromJson(job.ParametersJson), progress, output, clock.GetUtcNow());
            var run = Task.Run(() => kind.RunAsync(context, cancellationToken), cancellationToken);
            var sinceSave = Stopwatch.StartNew();
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(SaveEvery, cancellationToken));
                if (sinceSave.Elapsed >= SaveEvery && progress.Take() is { } latest)
                {
                    job.ReportProgress(latest.Percent, latest.Message);
                    await db.SaveChangesAsync(cancellationToken);
                    sinceSave.Restart();
                }
            }
            var file = await run;
            await output.FlushAsync(cancellationToken);
            var size = output.Length;
            output.Position = 0;
            var key = await files.SaveAsync(FileCategory, file.Extension, output, cancellationToken);
            job.Complete(key, file.FileName, file.ContentType, size, clock.GetUtcNow(), options.Value.FileLifetime);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The owner sees a plain message; the details go to the log (and the job stays visible there).
            logger.LogError(ex, "Export {ExportId} ({Kind}) failed.", exportId, job.Kind);
            job.Fail("导出失败：生成文件时出错，请稍后重试；如多次失败请联系管理员。", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>Null when the export may run now, else the reason it fails (the kind is gone, the owner lost the account or the rights).</summary>
    private async Task<string?> PrepareAsync(EduPortalDbContext db, ExportJob job, CancellationToken cancellationToken)
    {
        var kind = kinds.FirstOrDefault(k => k.Key == job.Kind);
        if (kind is null)
        {
            return "导出失败：该导出类型已停用。";
        }
        var caller = await CallerAccessor.LoadAsync(db, job.OwnerId, cancellationToken);
        if (caller is null)
        {
            return "导出失败：申请人账号已停用或不再任职。";
        }
        var allowed = await kind.AuthorizeAsync(caller, ExportParameters.FromJson(job.ParametersJson), cancellationToken);
        return allowed.Succeeded ? null : $"导出失败：您已无权导出该内容（{allowed.Error!.Message}）";
    }
}
