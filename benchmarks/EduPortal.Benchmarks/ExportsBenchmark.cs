using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Benchmarks;

/// <summary>
/// `exports` mode (issue 15): the export centre's 全部调查表 PDF kind on a city-wide round of the large district (every
/// one of the 500 schools submitted), run exactly as the background job runs it — into a temporary file — with its
/// time, the zip's size, the bytes allocated and the process's working set sampled while it runs.
/// </summary>
internal static class ExportsBenchmark
{
    public static async Task RunAsync(IDbContextFactory<EduPortalDbContext> factory, TimeProvider clock, Caller city, Action<string, string> report)
    {
        var watch = Stopwatch.StartNew();
        int roundId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var round = await new SurveyDemoSeeder(db, clock).FillRoundAsync(city, "全市中小学实验教学情况调查（导出基准测试）",
                submittedShare: 1.0, draftShare: 0, everySchool: true);
            roundId = round.Id;
            report("Survey round: fill and submit every school's form", $"{watch.Elapsed.TotalSeconds,7:F2} s ({await db.SchoolSurveys.CountAsync(s => s.RoundId == roundId)} forms)");
        }
        var surveys = new SurveyService(factory, clock);
        var kind = new SurveyRoundPdfsExport(surveys, clock);
        var parameters = SurveyRoundPdfsExport.For(roundId);
        report("  request check (AuthorizeAsync)", Bench.Ok(await kind.AuthorizeAsync(city, parameters, CancellationToken.None)));
        // Warm-up: font load and JIT, one form.
        Bench.Ok(await surveys.ExportPdfAsync(city, roundId, Bench.Ok(await surveys.GetBoardAsync(city, roundId)).Rows[0].SchoolId));

        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var before = process.WorkingSet64;
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                try
                {
                    await Task.Delay(20, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var temp = Path.Combine(Path.GetTempPath(), $"eduportal-bench-export-{Guid.NewGuid():N}.zip");
        var reports = 0;
        watch.Restart();
        ExportFile file;
        long size;
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
        {
            var progress = new Progress<ExportProgress>(_ => Interlocked.Increment(ref reports));
            file = await kind.RunAsync(new ExportContext(city, parameters, progress, output, clock.GetUtcNow()), CancellationToken.None);
            size = output.Length;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
        await sampling.CancelAsync();
        await sampler;
        report("All-PDFs zip of the round (500 schools), as the job runs it",
            $"{seconds,7:F2} s, {seconds * 1000 / 500:F1} ms per school, zip {size / 1024 / 1024.0:F1} MiB, {allocated:F0} MiB allocated");
        report("  working set before / peak while zipping",
            $"{before / 1024 / 1024} MiB / {peak / 1024 / 1024} MiB (+{(peak - before) / 1024 / 1024} MiB)");
        report("  file name", file.FileName);
        report("  progress reports", reports.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
