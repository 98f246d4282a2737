using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// `plans` mode: on the large district with a city-wide survey round submitted, the daily metric snapshot job, then a
/// year of daily snapshots for the city and the counties, and the dashboard (驾驶舱) and a target's trajectory per role.
/// </summary>
internal static class PlansBenchmark
{
    public static async Task RunAsync(IDbContextFactory<EduPortalDbContext> factory, TimeProvider clock, Caller city, Caller county,
        Func<Func<Task>, int, Task<string>> time, Action<string, string> report)
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            await new SurveyDemoSeeder(db, clock).FillRoundAsync(city, "全市中小学实验教学情况调查（基准测试）", submittedShare: 1.0, draftShare: 0, everySchool: true);
        }
        IMetricSource[] sources =
        [
            new TeacherRegistrationRateSource(factory), new SurveyCompletionRateSource(factory),
            new LabRecordsPerSchoolWeekSource(factory), new LabOpeningRateSource(factory), new DeepApplicationIndexSource(factory),
        ];
        var job = new MetricSnapshotJob(factory, clock, sources, NullLogger<MetricSnapshotJob>.Instance);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var values = await job.RunAsync();
        report("Daily metric snapshot job (5 metrics, every unit)", $"{watch.Elapsed.TotalSeconds,7:F2} s ({values} values)");

        // A year of daily snapshots for the city and the counties (what the dashboard and trajectories read).
        var today = EduPortal.Domain.Common.ChinaTime.Today(clock);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var current = await db.MetricSnapshots.AsNoTracking().Where(s => s.Date == today && s.Value != null
                && db.OrgUnits.Any(o => o.Id == s.OrgUnitId && (o.Kind == OrgUnitKind.City || o.Kind == OrgUnitKind.County))).ToListAsync();
            foreach (var snapshot in current)
            {
                for (var day = 1; day < 365; day++)
                {
                    db.MetricSnapshots.Add(new MetricSnapshot(snapshot.MetricKey, snapshot.OrgUnitId, today.AddDays(-day), snapshot.Value!.Value * (365 - day / 2) / 365, clock.GetUtcNow()));
                }
            }
            await db.SaveChangesAsync();
            report("  snapshots stored", $"{await db.MetricSnapshots.CountAsync()}");
        }
        var dashboards = new DashboardService(factory, clock, sources);
        report("Dashboard (驾驶舱), city admin (whole district)", await time(() => dashboards.GetAsync(city), 7));
        report("Dashboard (驾驶舱), county admin", await time(() => dashboards.GetAsync(county), 7));
        foreach (var source in sources)
        {
            await using var db = await factory.CreateDbContextAsync();
            var unit = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == city.OrgUnitId);
            report($"  read {source.Definition.Name}, city", await time(() => source.ReadAsync(unit, today, CancellationToken.None), 5));
        }
    }
}
