using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Bulletins;
using EduPortal.Web.Features.Bulletins;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Benchmarks;

/// <summary>
/// `bulletins` mode: on the large district with a city-wide survey round submitted, the city's weekly bulletin (every
/// registered section, the PDF and the workbook, stored) — the first build (cold: fonts, workbook code) and warm re-runs of
/// the same week (which replace the draft) — and one county's, with the time, the allocations and the peak working set.
/// </summary>
internal static class BulletinsBenchmark
{
    public static async Task RunAsync(IDbContextFactory<EduPortalDbContext> factory, TimeProvider clock, Caller city, Caller county,
        Action<string, string> report)
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            await new SurveyDemoSeeder(db, clock).FillRoundAsync(city, "全市中小学实验教学情况调查（基准测试）", submittedShare: 1.0, draftShare: 0, everySchool: true);
        }
        // The modules' own registrations, as the portal makes them: every section the modules register.
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton(factory);
        var store = new LocalFileStore(Path.Combine(Path.GetTempPath(), "eduportal-bench-bulletins-" + Guid.NewGuid().ToString("N")), clock);
        services.AddSingleton(store);
        services.AddSingleton<IFileStore>(store);
        services.AddSingleton<UploadPipeline>();
        services.AddSurveys(configuration).AddLabRecords(configuration).AddPoints(configuration).AddSmartboards(configuration)
            .AddCloudSpaces(configuration).AddPlans(configuration).AddBulletins(configuration);
        // Publishing is not measured: the bulletins stay drafts.
        services.AddScoped<IBulletinPublisher, DraftsOnly>();
        await using var provider = services.BuildServiceProvider();
        var week = BulletinWeek.LastCompleteAt(clock.GetUtcNow());

        async Task<(double Seconds, long Allocated, int Id)> BuildAsync(int unitId)
        {
            using var scope = provider.CreateScope();
            var generator = scope.ServiceProvider.GetRequiredService<BulletinGenerator>();
            var allocated = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            var id = Bench.Ok(await generator.GenerateAsync(unitId, week, BulletinActor.Schedule));
            return (watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(true) - allocated, id);
        }

        async Task<string> SizesAsync(int id)
        {
            await using var db = await factory.CreateDbContextAsync();
            var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == id);
            long Length(string key)
            {
                using var stream = store.OpenReadAsync(key).GetAwaiter().GetResult()!;
                return stream.Length;
            }
            return $"PDF {Length(bulletin.PdfKey) / 1024} KiB, Excel {Length(bulletin.ExcelKey) / 1024} KiB, {BulletinGenerator.SectionsOf(bulletin).Count} sections";
        }

        var sections = provider.CreateScope().ServiceProvider.GetRequiredService<BulletinGenerator>().Sections.Count;
        report("Sections registered", $"{sections}");
        var cold = await BuildAsync(city.OrgUnitId);
        report("City bulletin, first build (cold)", $"{cold.Seconds,7:F2} s, {cold.Allocated / 1024 / 1024} MiB allocated");
        report("  files", await SizesAsync(cold.Id));
        var warm = new List<double>();
        long warmAllocated = 0;
        for (var i = 0; i < 3; i++)
        {
            var run = await BuildAsync(city.OrgUnitId);
            warm.Add(run.Seconds * 1000);
            warmAllocated = run.Allocated;
        }
        report("City bulletin, re-run of the week (warm, replaces the draft)", $"{Bench.Summarise(warm).Text}, {warmAllocated / 1024 / 1024} MiB allocated");
        var countyRun = await BuildAsync(county.OrgUnitId);
        report("County bulletin (warm)", $"{countyRun.Seconds,7:F2} s, {countyRun.Allocated / 1024 / 1024} MiB allocated; {await SizesAsync(countyRun.Id)}");
        await using (var db = await factory.CreateDbContextAsync())
        {
            report("  bulletins stored for the week (one per unit)", $"{await db.Bulletins.CountAsync(b => b.WeekStart == week.Monday)}");
        }
        report("Peak working set (seeding included)", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB; managed heap now {GC.GetTotalMemory(true) / 1024 / 1024} MiB");
    }

    /// <summary>The builds measured never publish; the generator only needs a publisher to be constructed.</summary>
    private sealed class DraftsOnly : IBulletinPublisher
    {
        public Task<EduPortal.Domain.Common.Result<int>> PublishAsync(Bulletin bulletin, BulletinFiles files, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The bulletins benchmark does not publish.");
    }
}
