using EduPortal.Data;
using EduPortal.Data.Accounts;
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
        const string RoundTitle = "全市中小学实验教学情况调查（基准测试）";
        bool reused;
        await using (var db = await factory.CreateDbContextAsync())
        {
            // A database kept by KEEP_BENCH_DB already has the round (and, after a `plans` run, the year of snapshots).
            if (!await db.SurveyRounds.AnyAsync(r => r.Title == RoundTitle))
            {
                await new SurveyDemoSeeder(db, clock).FillRoundAsync(city, RoundTitle, submittedShare: 1.0, draftShare: 0, everySchool: true);
            }
            reused = await db.MetricSnapshots.AnyAsync(s => s.Date < EduPortal.Domain.Common.ChinaTime.Today(clock).AddDays(-300));
        }
        IMetricSource[] sources =
        [
            new TeacherRegistrationRateSource(factory), new SurveyCompletionRateSource(factory),
            new LabRecordsPerSchoolWeekSource(factory), new LabOpeningRateSource(factory), new DeepApplicationIndexSource(factory),
        ];
        var today = EduPortal.Domain.Common.ChinaTime.Today(clock);
        if (!reused)
        {
            var job = new MetricSnapshotJob(factory, clock, sources, NullLogger<MetricSnapshotJob>.Instance);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var values = await job.RunAsync();
            report("Daily metric snapshot job (5 metrics, every unit)", $"{watch.Elapsed.TotalSeconds,7:F2} s ({values} values)");

            // A year of daily snapshots for the city and the counties (what the dashboard and trajectories read).
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
        }
        var dashboards = new DashboardService(factory, clock, sources);
        report("Dashboard (驾驶舱), city admin (whole district)", await time(() => dashboards.GetAsync(city), 7));
        report("Dashboard (驾驶舱), county admin", await time(() => dashboards.GetAsync(county), 7));
        // A target bound to the registration rate at the city and one at the county, steps around today, each read as
        // its page does: a year of daily points, the evaluation and (bound) each unit directly under the scope.
        var plans = new PlanService(factory, clock, new EduPortal.Web.Infrastructure.Files.UploadPipeline(
            new EduPortal.Web.Infrastructure.Files.LocalFileStore(Path.Combine(Path.GetTempPath(), "eduportal-bench-plans-" + Guid.NewGuid().ToString("N")), clock)), sources);
        foreach (var (caller, label) in new[] { (city, "city (its counties below)"), (county, "county (its townships below)") })
        {
            var start = today.AddDays(-364).ToDateTime(TimeOnly.MinValue);
            var planId = EduPortal.Benchmarks.Bench.Ok(await plans.CreateAsync(caller, new PlanInput { Title = "基准测试计划", PeriodStart = start, PeriodEnd = start.AddYears(2) }));
            var targetId = EduPortal.Benchmarks.Bench.Ok(await plans.AddTargetAsync(caller, planId, new PlanTargetInput
            {
                MetricKey = TeacherRegistrationRateSource.Key,
                ScopeUnitId = caller.OrgUnitId,
                FirstValue = 30,
                FirstDeadline = today.AddDays(30).ToDateTime(TimeOnly.MinValue),
                SecondValue = 50,
                SecondDeadline = today.AddDays(200).ToDateTime(TimeOnly.MinValue),
            }));
            report($"Target trajectory page, {label}", await time(async () => EduPortal.Benchmarks.Bench.Ok(await plans.GetTargetAsync(caller, targetId)), 7));
        }
        foreach (var source in sources)
        {
            await using var db = await factory.CreateDbContextAsync();
            var unit = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == city.OrgUnitId);
            report($"  read {source.Definition.Name}, city", await time(() => source.ReadAsync(unit, today, CancellationToken.None), 5));
        }
        // 教师实名注册率's account read both ways in the same run (the machine's load moves every figure): every account's
        // subjects parsed (before CityPages) against accounts counted per school and subject list, each list parsed once.
        var end = MetricRollup.EndOf(today);
        IQueryable<ApplicationUser> Serving(EduPortalDbContext db) => db.Users.AsNoTracking()
            .Where(u => u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving && u.RegisteredAt < end
                && u.OrgUnit!.Kind == OrgUnitKind.School && u.SubjectsText != "");
        Dictionary<int, SchoolStage> stages;
        await using (var db = await factory.CreateDbContextAsync())
        {
            stages = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School).ToDictionaryAsync(o => o.Id, o => o.Stage);
        }
        var oneByOne = new Dictionary<int, int>();
        report("  教师实名注册率, city: accounts one by one (before)", await time(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var accounts = await Serving(db).Select(u => new { u.OrgUnitId, u.SubjectsText }).ToListAsync();
            oneByOne = accounts.Where(a => EduPortal.Domain.Surveys.RegistrationRate.TeachesSurveyedSubject(Subjects.Parse(a.SubjectsText).Known,
                    EduPortal.Domain.Surveys.SurveySubjects.ForStage(stages[a.OrgUnitId])))
                .GroupBy(a => a.OrgUnitId).ToDictionary(g => g.Key, g => g.Count());
        }, 5));
        var perList = new Dictionary<int, int>();
        report("  教师实名注册率, city: per school and subject list, every list (before)", await time(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var groups = await Serving(db).GroupBy(u => new { u.OrgUnitId, u.SubjectsText })
                .Select(g => new { g.Key.OrgUnitId, g.Key.SubjectsText, Accounts = g.Count() }).ToListAsync();
            var parsed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            perList = groups.Where(a => EduPortal.Domain.Surveys.RegistrationRate.TeachesSurveyedSubject(
                    parsed.TryGetValue(a.SubjectsText, out var known) ? known : parsed[a.SubjectsText] = Subjects.Parse(a.SubjectsText).Known,
                    EduPortal.Domain.Surveys.SurveySubjects.ForStage(stages[a.OrgUnitId])))
                .GroupBy(a => a.OrgUnitId).ToDictionary(g => g.Key, g => g.Sum(a => a.Accounts));
        }, 5));
        var naming = new Dictionary<int, int>();
        report("  教师实名注册率, city: only the lists naming a surveyed subject (now)", await time(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            naming = await SurveyedTeachers.CountPerSchoolAsync(Serving(db), stages, CancellationToken.None);
        }, 5));
        report("  same counts all three ways", (oneByOne.Count == perList.Count && oneByOne.All(p => perList.GetValueOrDefault(p.Key) == p.Value)
            && oneByOne.Count == naming.Count && oneByOne.All(p => naming.GetValueOrDefault(p.Key) == p.Value)).ToString());

        // 深度应用学校指数 and the city's dashboard both ways in one run (the load moves every figure): now (one grouped read
        // over the covering index), before (the (OrgUnitId, Status) index and two reads through the wide account rows),
        // then now again once the covering index is back.
        var cityUnit = await ReadUnitAsync(factory, city.OrgUnitId);
        var deep = sources.OfType<DeepApplicationIndexSource>().Single();
        var beforeDashboards = new DashboardService(factory, clock, sources.Select(s => s is DeepApplicationIndexSource ? new DeepIndexBefore(factory) : s).ToArray());
        async Task DeepBothAsync(string label, DashboardService dashboard, IMetricSource source)
        {
            report($"  深度应用学校指数, city, {label}", await time(() => source.ReadAsync(cityUnit, today, CancellationToken.None), 9));
            report($"  Dashboard (驾驶舱), city admin, {label}", await time(() => dashboard.GetAsync(city), 9));
        }
        await DeepBothAsync("covering index, one read (now)", dashboards, deep);
        await ExecuteAsync(factory, $"DROP INDEX \"{CoveringIndex}\"; CREATE INDEX \"IX_AspNetUsers_OrgUnitId_Status\" ON \"AspNetUsers\" (\"OrgUnitId\", \"Status\");");
        try
        {
            await DeepBothAsync("(OrgUnitId, Status) index, two reads (before)", beforeDashboards, new DeepIndexBefore(factory));
            await DeepBothAsync("(OrgUnitId, Status) index, one read", dashboards, deep);
        }
        finally
        {
            await ExecuteAsync(factory, $"DROP INDEX \"IX_AspNetUsers_OrgUnitId_Status\"; CREATE INDEX \"{CoveringIndex}\" ON \"AspNetUsers\" (\"OrgUnitId\", \"Status\", \"Employment\", \"Level\", \"Id\");");
        }
        await DeepBothAsync("covering index, one read (now, again)", dashboards, deep);
    }

    private const string CoveringIndex = "IX_AspNetUsers_OrgUnitId_Status_Employment_Level_Id";

    private static async Task<OrgUnit> ReadUnitAsync(IDbContextFactory<EduPortalDbContext> factory, int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    private static async Task ExecuteAsync(IDbContextFactory<EduPortalDbContext> factory, string sql)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>深度应用学校指数 as read before the covering index (main at b717b1e): serving earners counted, then their totals joined, per school.</summary>
    private sealed class DeepIndexBefore(IDbContextFactory<EduPortalDbContext> dbFactory) : IMetricSource
    {
        public EduPortal.Domain.Metrics.MetricDefinition Definition { get; } = new DeepApplicationIndexSource(dbFactory).Definition;

        public async Task<EduPortal.Domain.Metrics.MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var schools = await MetricRollup.SchoolsAsync(db, scope, cancellationToken);
            var serving = db.Users.AsNoTracking().PointEarners().Serving().Where(u => u.OrgUnit!.Path.StartsWith(scope.Path));
            var teachers = await serving.GroupBy(u => u.OrgUnitId).Select(g => new { SchoolId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.SchoolId, g => g.Count, cancellationToken);
            var points = await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == asOf.Year)
                .Join(serving, t => t.TeacherId, u => u.Id, (t, u) => new { u.OrgUnitId, t.Total })
                .GroupBy(x => x.OrgUnitId).Select(g => new { SchoolId = g.Key, Points = g.Sum(x => x.Total) })
                .ToDictionaryAsync(g => g.SchoolId, g => g.Points, cancellationToken);
            var perSchool = teachers.ToDictionary(t => t.Key, t => ((decimal)points.GetValueOrDefault(t.Key), (decimal)t.Value));
            return await MetricRollup.ReadAsync(db, Definition, scope, schools, perSchool, MetricRollup.Ratio, cancellationToken);
        }
    }
}
