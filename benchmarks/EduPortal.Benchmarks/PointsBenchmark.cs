using System.Diagnostics;
using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Benchmarks;

/// <summary>
/// The deep-application index at district scale: the large seed (~20,000 teachers) with a year of raw
/// events (10 million by default) in a SQLite file. Prints ingestion throughput through the endpoint's
/// code path, the full-year recompute against a plain sequential read of the raw events, the incremental
/// award for one event, and the page queries (rankings, school, my points).
/// </summary>
public static class PointsBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var target = 10_000_000L;
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--events")
            {
                target = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }
        // `--recompute-only`: the recomputes alone (no pages, ingestion or export), for iterating on a kept database.
        var recomputeOnly = args.Contains("--recompute-only");
        // `--pages`: on a kept database, only the page queries (no recompute; a fresh one stops after its first recompute
        // and the pages); BENCH_SQL=<file> writes their SQL.
        var pagesOnly = args.Contains("--pages");
        // KEEP_BENCH_DB=<folder> keeps the seeded database with its events there and reuses it on the next run.
        var kept = Environment.GetEnvironmentVariable("KEEP_BENCH_DB");
        var folder = string.IsNullOrEmpty(kept) ? Path.Combine(Path.GetTempPath(), "eduportal-points-bench-" + Guid.NewGuid().ToString("N")) : kept;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bench.db");
        var reuse = File.Exists(file);
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={file}");
        SqlLog.Configure(builder);
        var options = builder.Options;
        var factory = new PooledDbContextFactory<EduPortalDbContext>(options);
        var clock = TimeProvider.System;
        var rows = new List<(string What, string Figure)>();
        void Report(string what, string figure)
        {
            rows.Add((what, figure));
            Console.WriteLine($"{what,-62} {figure}");
        }

        Console.WriteLine($"EduPortal points benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite file, target {target:N0} events");
        var watch = Stopwatch.StartNew();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            if (!reuse)
            {
                await new DemoDataSeeder(db, clock).SeedAsync(SeedSize.Large, () => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword));
            }
        }
        Report(reuse ? $"Reused the kept database in {folder}" : "Migrate and seed the large district", $"{watch.Elapsed.TotalSeconds,8:F1} s");

        var today = ChinaTime.Today(clock);
        var year = today.Year;
        List<(string Id, string Phone)> teachers;
        await using (var db = await factory.CreateDbContextAsync())
        {
            teachers = (await db.Users.AsNoTracking().PointEarners().OrderBy(u => u.Id).Select(u => new { u.Id, u.PhoneNumber }).ToListAsync())
                .Select(t => (t.Id, t.PhoneNumber!)).ToList();
        }
        Report("  teachers earning points", $"{teachers.Count,8:N0}");

        // 1. Generate a year of raw events, day by day across all teachers (arrival interleaved, as in production).
        if (!reuse)
        {
            watch.Restart();
            var generated = await GenerateAsync(file, teachers, year, today, target);
            var generateSeconds = watch.Elapsed.TotalSeconds;
            Report("Generate raw events (bulk insert, one year)", $"{generated,12:N0} events in {generateSeconds:F1} s ({generated / generateSeconds:N0}/s)");
            Report("  database file after generation", $"{new FileInfo(file).Length / 1024.0 / 1024.0,8:F0} MiB");
        }

        // Write-ahead logging, as the portal's initializer sets it: the overlapped recompute reads beside its writer.
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.WalMode);
        }
        var recomputation = new PointRecomputation(factory);
        var events = new PointEventStore(factory, recomputation, clock);
        var rules = DefaultPointRules.For(year);

        // 2. The floor: a plain sequential read of the year's raw events, the same columns the recompute reads.
        watch.Restart();
        long read = 0;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await foreach (var e in db.PointEvents.AsNoTracking().Where(e => e.Day >= rules.StartDate && e.Day < rules.EndDateExclusive)
                .Select(e => new { e.TeacherId, e.Id, e.Type, e.OccurredAt, e.Source, e.ExternalId, e.Quantity, e.SecondaryQuantity }).AsAsyncEnumerable())
            {
                read += e.Id > 0 ? 1 : 0;
            }
        }
        var floorSeconds = watch.Elapsed.TotalSeconds;
        Report("Plain sequential read of the raw events (floor)", $"{floorSeconds,8:F1} s ({read:N0} rows, {read / floorSeconds:N0}/s)");

        if (pagesOnly && reuse)
        {
            await PagesAsync(factory, clock, year, Report);
            SqliteConnection.ClearAllPools();
            return;
        }

        // 3. Full-year recompute (first run writes every award; a second run also deletes the old ones).
        GC.Collect();
        watch.Restart();
        await recomputation.RecomputeYearAsync(year);
        var firstRecompute = watch.Elapsed.TotalSeconds;
        Report(reuse ? "Full-year recompute, first of this run (kept database: awards present)" : "Full-year recompute, first (awards table empty)",
            $"{firstRecompute,8:F1} s ({read / firstRecompute:N0} events/s, {firstRecompute / floorSeconds:F2}x the read)");
        if (!recomputeOnly)
        {
            await PagesAsync(factory, clock, year, Report);
        }
        if (pagesOnly)
        {
            // A fresh database with `--pages`: seeded, generated and recomputed once for the pages, kept for later runs.
            SqliteConnection.ClearAllPools();
            return;
        }
        watch.Restart();
        GC.Collect();
        var workingSetBefore = Environment.WorkingSet;
        long peak = 0, peakManaged = 0;
        var progress = new LastProgress();
        using (var sampler = new Timer(_ =>
        {
            peak = Math.Max(peak, Environment.WorkingSet);
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        }, null, 0, 250))
        {
            await recomputation.RecomputeYearAsync(year, progress);
        }
        var recompute = watch.Elapsed.TotalSeconds;
        // The last progress report carries the phase totals.
        var phases = progress.Last;
        Report("  phases: read+group / award (engine) / delete+insert", $"{phases.Reading.TotalSeconds:F1} s / {phases.Awarding.TotalSeconds:F1} s / {phases.Writing.TotalSeconds:F1} s");
        // What dropping the per-event award rows would save (issue 16 asks to decide it with figures).
        Report("  of the writing: the award rows (delete + insert) / the totals and roll-ups",
            $"{phases.WritingAwards.TotalSeconds:F1} s / {(phases.Writing - phases.WritingAwards).TotalSeconds:F1} s; without the award rows the recompute would be "
            + $"~{(recompute - phases.WritingAwards.TotalSeconds) / floorSeconds:F2}x the read");
        Report("Full-year recompute, again (delete + insert)", $"{recompute,8:F1} s ({read / recompute:N0} events/s)");
        var ratio = recompute / floorSeconds;
        Report("  ratio recompute / sequential read", $"{ratio,8:F2}x (first run {firstRecompute / floorSeconds:F2}x) — aim ≤ 3x: {(ratio <= 3 ? "met" : "MISSED")}");
        Report("  peak working set during the recompute (whole process)",
            $"{peak / 1024 / 1024,8:N0} MiB at {read:N0} events — aim ≤ 1,024 MiB at 10 M: {(peak <= 1024L * 1024 * 1024 ? "met" : "MISSED")}{(read < 9_000_000 ? " (at this event count)" : "")}; "
            + $"{workingSetBefore / 1024 / 1024:N0} MiB before it started (seeding and generation's SQLite cache), managed heap peak {peakManaged / 1024 / 1024:N0} MiB");
        await using (var db = await factory.CreateDbContextAsync())
        {
            Report("  awards / teacher totals stored", $"{await db.PointAwards.LongCountAsync(),12:N0} / {await db.PointTeacherTotals.CountAsync():N0}");
        }

        // 3c. The same recompute in a fresh process on the same file: its working set is the recompute's own, not
        // seeding's and generation's page cache (which the whole-process figure above includes).
        SqliteConnection.ClearAllPools();
        await FreshProcessAsync(file, Report);
        if (recomputeOnly)
        {
            return;
        }

        // 4. Incremental award for one new event: record it and recompute that teacher's year.
        var random = new Random(7);
        var samples = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            var teacher = teachers[random.Next(teachers.Count)];
            var at = clock.GetUtcNow().AddHours(-1);
            var one = Stopwatch.StartNew();
            await events.RecordAsync("bench-one", [new IncomingPointEvent(teacher.Id, PointTypes.Courseware, at, $"one-{i}")]);
            await recomputation.RecomputeTeachersAsync(year, [teacher.Id]);
            samples.Add(one.Elapsed.TotalMilliseconds);
        }
        await recomputation.RecomputeDirtyAsync();
        Report("Incremental award for one new event (record + recompute teacher-year)", Bench.Summarise(samples).Text);

        // 5. Ingestion through the endpoint's code path: key check, row checks, idempotent insert, batches of 1,000.
        var key = PointApiKey.Issue("压测平台", "bench-api", "bench", clock.GetUtcNow()).Value;
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.PointApiKeys.Add(key.Key);
            await db.SaveChangesAsync();
        }
        var ingestion = new PointIngestionService(factory, events, clock);
        var batches = 50;
        var types = DefaultPointRules.Rules.Where(r => r.Type != PointTypes.Login).Select(r => r.Type).ToArray();
        var sent = 0;
        watch.Restart();
        for (var b = 0; b < batches; b++)
        {
            var authenticated = await ingestion.AuthenticateAsync(key.PlainKey);
            var batch = Enumerable.Range(0, 1000).Select(i =>
            {
                var teacher = teachers[random.Next(teachers.Count)];
                return new ApiPointEvent
                {
                    ExternalId = $"api-{b:D4}-{i:D4}",
                    TeacherPhone = teacher.Phone,
                    Type = types[random.Next(types.Length)],
                    OccurredAt = clock.GetUtcNow().AddMinutes(-random.Next(1, 60 * 24 * 30)),
                    Quantity = random.Next(0, 40),
                };
            }).ToList();
            var result = await ingestion.IngestAsync(authenticated!, batch);
            sent += result.Value!.Created;
        }
        var ingestSeconds = watch.Elapsed.TotalSeconds;
        Report("Ingestion, 50 batches of 1,000 (endpoint code path)", $"{sent / ingestSeconds,8:N0} events/s ({sent:N0} created in {ingestSeconds:F1} s)");
        watch.Restart();
        var rebuilt = await recomputation.RecomputeDirtyAsync();
        Report("  then recompute the teacher-years they touched (job)", $"{watch.Elapsed.TotalSeconds,8:F1} s ({rebuilt:N0} teacher-years)");
        watch.Restart();
        var resent = 0;
        for (var b = 0; b < 5; b++)
        {
            var batch = Enumerable.Range(0, 1000).Select(i => new ApiPointEvent
            {
                ExternalId = $"api-{b:D4}-{i:D4}",
                TeacherPhone = teachers[0].Phone,
                Type = PointTypes.Courseware,
                OccurredAt = clock.GetUtcNow().AddDays(-1),
            }).ToList();
            resent += (await ingestion.IngestAsync(key.Key, batch)).Value!.Rejected;
        }
        Report("  re-sent batches (idempotency check path)", $"{5000 / watch.Elapsed.TotalSeconds,8:N0} rows/s ({resent:N0} refused as changed)");

        var ranking = (await new PointQueryService(factory, clock).RankingsAsync(await CallerAsync(factory, DemoAccounts.CityAdmin), new RankingQuery(year))).Value!;
        watch.Restart();
        var sheet = PointQueryService.ExportTeachers(ranking);
        Report("Excel export, city teacher ranking", $"{watch.Elapsed.TotalSeconds,8:F2} s ({ranking.Teachers.Count:N0} rows, {sheet.Length / 1024:N0} KiB)");

        Console.WriteLine();
        Console.WriteLine("Markdown:");
        Console.WriteLine("| measure | figure |\n|---|---|");
        foreach (var (what, figure) in rows)
        {
            Console.WriteLine($"| {what.Trim()} | {figure.Trim()} |");
        }
        SqliteConnection.ClearAllPools();
        if (string.IsNullOrEmpty(kept))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Page queries, measured right after the first recompute, so a run cut short still gives them.</summary>
    private static async Task PagesAsync(IDbContextFactory<EduPortalDbContext> factory, TimeProvider clock, int year, Action<string, string> Report)
    {
        var query = new PointQueryService(factory, clock);
        var city = await CallerAsync(factory, DemoAccounts.CityAdmin);
        var county = await CallerAsync(factory, DemoAccounts.CountyAdmin);
        var school = await CallerAsync(factory, DemoAccounts.SchoolAdmin);
        var teacherCaller = await CallerAsync(factory, DemoAccounts.Teacher);
        var month = new DateOnly(year, 3, 1);
        SqlLog.On = true;
        // Every page against its aim (issue 16: every page under 100 ms on the large district).
        // The process's CPU time per call (EF and SQLite both run in it) beside the wall-clock median: on the shared
        // machine the wall clock mostly measures the queue for a core, the CPU time what the page itself costs.
        var process = Process.GetCurrentProcess();
        async Task PageAsync(string what, Func<Task> action, int runs = 7)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var timing = await Bench.MeasureAsync(action, runs);
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / (runs + 1);
            Report(what, $"{timing.Text}, CPU {cpu:F0} ms a call — aim < 100 ms: {(timing.Median < 100 ? "met" : "MISSED")}");
        }
        var monthTo = month.AddMonths(1).AddDays(-1);
        await PageAsync("My points page (总分, 3 ranks, categories, ~500 lines)", () => query.MyPointsAsync(teacherCaller, year));
        await PageAsync("School page (teachers, index, county and city rank)", () => query.SchoolAsync(school, school.OrgUnitId, year));
        // What the rankings page does: the school (and county) rankings, then the teacher table's page of 20 (paged in SQL).
        async Task RankingPageAsync(Domain.Accounts.Caller caller, RankingQuery q, int page = 0)
        {
            q = q with { IncludeTeachers = false };
            _ = (await query.RankingsAsync(caller, q)).Value!;
            _ = (await query.TeachersPageAsync(caller, q, page, 20)).Value!;
        }
        await PageAsync("Ranking, county, year (schools + first page of teachers)", () => RankingPageAsync(county, new RankingQuery(year)));
        await PageAsync("Ranking, city, year (schools + first page of teachers)", () => RankingPageAsync(city, new RankingQuery(year)));
        await PageAsync("Ranking, city, year, teachers' page 500 (rank counted in SQL)", () => RankingPageAsync(city, new RankingQuery(year), 500));
        await PageAsync("Ranking + weekly trend, county, year", () => RankingPageAsync(county, new RankingQuery(year, IncludeWeeks: true)), 3);
        await PageAsync("Ranking + weekly trend, city, year", () => RankingPageAsync(city, new RankingQuery(year, IncludeWeeks: true)), 3);
        await PageAsync("Ranking, county, one month (date range, roll-ups)", () => RankingPageAsync(county, new RankingQuery(year, month, monthTo)), 3);
        await PageAsync("Ranking, city, one month (date range, roll-ups)", () => RankingPageAsync(city, new RankingQuery(year, month, monthTo)), 3);
        var cutRange = new RankingQuery(year, month.AddDays(9), month.AddMonths(1).AddDays(19));
        await PageAsync("Ranking, city, 10 Mar – 20 Apr (month edges from the daily roll-up)", () => RankingPageAsync(city, cutRange), 3);
        await PageAsync("Ranking + weekly trend, county, one month (daily roll-up)", () => RankingPageAsync(county, new RankingQuery(year, month, monthTo, IncludeWeeks: true)), 3);
        await PageAsync("Ranking + weekly trend, city, one month, one category", () => RankingPageAsync(city,
            new RankingQuery(year, month, monthTo, IncludeWeeks: true, Category: PointCategory.TeachingApplication)), 3);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Report("  roll-up rows: days / months", $"{await db.PointTeacherDays.CountAsync(),12:N0} / {await db.PointTeacherMonths.CountAsync():N0}");
            var rulesNow = await PointRuleSets.LoadAsync(db, year);
            var rollups = await Bench.MeasureAsync(() => PointQueryService.RangePointsAsync(db, rulesNow, month, monthTo, CancellationToken.None), 3);
            Report("  one month's sums alone, from the roll-ups", rollups.Text);
            // Whole months: the month rows (one a teacher, through their covering index) against the daily roll-up's
            // year-to-date lookups (two a teacher), both joined to the city's point earners as the rankings read them.
            var earners = db.Users.AsNoTracking().PointEarners();
            foreach (var months in new[] { 1, 3 })
            {
                var last = month.AddMonths(months).AddDays(-1);
                var monthStarts = Enumerable.Range(0, months).Select(m => month.AddMonths(m)).ToList();
                var monthRows = await Bench.MeasureAsync(() => (from u in earners
                                                                join m in db.PointTeacherMonths.AsNoTracking().Where(m => m.Year == year && monthStarts.Contains(m.Month))
                                                                    on u.Id equals m.TeacherId
                                                                group m by u.Id into g
                                                                select new { g.Key, Points = g.Sum(m => m.Points), Teaching = g.Sum(m => m.TeachingApplication) }).ToListAsync(), 3);
                var lookups = await Bench.MeasureAsync(() => PointSpanSums.Of(db, earners, PointPrefixPlan.For([rulesNow], month, last))
                    .Select(x => new { x.User.Id, x.Points, x.TeachingApplication }).ToListAsync(), 3);
                Report($"  {months} whole month(s), city: month rows / year-to-date lookups", $"{monthRows.Text} / {lookups.Text}");
            }
            // The sums the date-range rankings computed before the roll-ups: every award of the range, joined to its event.
            var awards = await Bench.MeasureAsync(() => (from a in db.PointAwards.AsNoTracking()
                                                         where a.Year == year && a.Day >= month && a.Day <= monthTo && a.Points != 0
                                                         join e in db.PointEvents.AsNoTracking() on a.EventId equals e.Id
                                                         group a by new { a.TeacherId, e.Type } into g
                                                         select new { g.Key.TeacherId, g.Key.Type, Points = g.Sum(a => a.Points) }).ToListAsync(), 3);
            Report("  one month's sums alone, adding up the awards (before)", awards.Text);
        }
        // The city's year trend read as before (the year's weekly rows filtered by the city's point earners: each row's
        // table entry read), same run; compare with the two city year rankings above, with and without the trend.
        await using (var db = await factory.CreateDbContextAsync())
        {
            var earners = db.Users.AsNoTracking().PointEarnersUnder(city.RankingCityPath()).Select(u => u.Id);
            var before = await Bench.MeasureAsync(() => db.PointTeacherWeeks.AsNoTracking().Where(w => w.Year + 0 == year && earners.Contains(w.TeacherId))
                .GroupBy(w => w.WeekStart).Select(g => new { Week = g.Key, Points = g.Sum(w => w.Points) }).ToListAsync(), 3);
            Report("  city year trend alone, weekly rows filtered by the earners (before)", before.Text);
            Report("  weekly rows of the year", $"{await db.PointTeacherWeeks.CountAsync(w => w.Year == year),12:N0}");
        }
        SqlLog.On = false;
    }

    /// <summary>Runs <see cref="RecomputeInFreshProcessAsync"/> in a child process and reports its figures.</summary>
    private static async Task FreshProcessAsync(string file, Action<string, string> report)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PointsBenchmark).Assembly.Location);
        }
        start.ArgumentList.Add("points-recompute");
        start.ArgumentList.Add(file);
        using var child = Process.Start(start)!;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && parts[0] == "REPORT")
            {
                report(parts[1], parts[2]);
            }
            else
            {
                Console.WriteLine(line);
            }
        }
        await child.WaitForExitAsync();
    }

    /// <summary>
    /// In a fresh process on the benchmark's file: the plain sequential read, then the full-year recompute (delete +
    /// insert) with the process's peak working set and managed heap sampled every 250 ms.
    /// </summary>
    public static async Task RecomputeInFreshProcessAsync(string file)
    {
        static void Report(string what, string figure) => Console.WriteLine($"REPORT\t{what}\t{figure}");
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={file}");
        var factory = new PooledDbContextFactory<EduPortalDbContext>(builder.Options);
        var year = ChinaTime.Today(TimeProvider.System).Year;
        var rules = DefaultPointRules.For(year);
        var watch = Stopwatch.StartNew();
        long read = 0;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await foreach (var e in db.PointEvents.AsNoTracking().Where(e => e.Day >= rules.StartDate && e.Day < rules.EndDateExclusive)
                .Select(e => new { e.TeacherId, e.Id, e.Type, e.OccurredAt, e.Source, e.ExternalId, e.Quantity, e.SecondaryQuantity }).AsAsyncEnumerable())
            {
                read += e.Id > 0 ? 1 : 0;
            }
        }
        var floorSeconds = watch.Elapsed.TotalSeconds;
        Report("Fresh process: plain sequential read (floor)", $"{floorSeconds,8:F1} s ({read:N0} rows)");
        var workingSetBefore = Environment.WorkingSet;
        Report("  working set before the recomputes", $"{workingSetBefore / 1024 / 1024,8:N0} MiB");

        // Each recompute twice in the same process, so their ratios compare: one run after another with every
        // teacher-year read back and compared (the path before the overlap and the fingerprints, though with the narrow
        // column compare, which replaced the string signatures outright, and today's run size), then as it runs now
        // (the next run read and awarded while one is written; teacher-years with an unchanged fingerprint left unread).
        var before = new PointRecomputation(factory) { OverlapRuns = false, SkipUnchanged = false };
        var now = new PointRecomputation(factory);
        async Task MeasureAsync(string what, PointRecomputation recomputation)
        {
            GC.Collect();
            long peak = 0, peakManaged = 0;
            var progress = new LastProgress();
            var elapsed = Stopwatch.StartNew();
            using (var sampler = new Timer(_ =>
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            }, null, 0, 250))
            {
                await recomputation.RecomputeYearAsync(year, progress);
            }
            var seconds = elapsed.Elapsed.TotalSeconds;
            var phases = progress.Last;
            Report($"Fresh process: {what}", $"{seconds,8:F1} s — {seconds / floorSeconds:F2}x the read — aim ≤ 3x: {(seconds / floorSeconds <= 3 ? "met" : "MISSED")}");
            Report("  phases: read / engine / compare + write (award rows); writer waited",
                $"{phases.Reading.TotalSeconds:F1} s / {phases.Awarding.TotalSeconds:F1} s / {phases.Writing.TotalSeconds:F1} s ({phases.WritingAwards.TotalSeconds:F1} s); "
                + $"{phases.WaitingForRuns.TotalSeconds:F1} s; {phases.TeachersUnchanged:N0} of {phases.TeachersTotal:N0} teacher-years unchanged (fingerprint)");
            Report("  peak working set / managed heap",
                $"{peak / 1024 / 1024,8:N0} MiB / {peakManaged / 1024 / 1024:N0} MiB at {read:N0} events — aim ≤ 1,024 MiB at 10 M: "
                + $"{(peak <= 1024L * 1024 * 1024 ? "met" : "MISSED")}{(read < 9_000_000 ? " (at this event count)" : "")}");
        }
        // A rule edit (the recompute's real occasion): 空间登录's points between 1 and 2. The generated year's events are
        // mostly sign-ins (at 2 M every one: 0.3 events a teacher-day, a sign-in first), so nearly every award, day, week,
        // month and total changes: the worst case of an edit, where no teacher-year is unchanged.
        async Task EditRuleAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            var current = await PointRuleSets.LoadAsync(db, year);
            var edited = current.Rules.First(r => r.Type == PointTypes.Login);
            var points = edited.Points == 1 ? 2 : 1;
            var set = new PointRuleSet
            {
                Year = current.Year,
                StartDate = current.StartDate,
                PointsPerHour = current.PointsPerHour,
                Rules = current.Rules.Select(r => r == edited ? r with { Points = points } : r).ToList(),
            };
            var version = await db.PointRuleSetVersions.Where(v => v.Year == year).Select(v => (int?)v.Version).MaxAsync() ?? 0;
            db.PointRuleSetVersions.Add(PointRuleSetVersion.Create(set, version + 1, "bench", "压测", $"{edited.Name}改为 {points} 分", DateTimeOffset.UtcNow).Value!);
            await db.SaveChangesAsync();
        }

        // The new path first each time, so its peak working set is not the old path's heap left over.
        await MeasureAsync("rules unchanged, now (overlapped runs, fingerprints)", now);
        await MeasureAsync("rules unchanged, before (run after run, every teacher-year compared)", before);
        await EditRuleAsync();
        await MeasureAsync("after a rule edit (空间登录's points), now", now);
        await EditRuleAsync();
        await MeasureAsync("after the edit back (空间登录's points), before", before);
    }

    private static async Task<Domain.Accounts.Caller> CallerAsync(IDbContextFactory<EduPortalDbContext> factory, string userName)
    {
        await using var db = await factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await CallerAccessor.LoadAsync(db, id))!;
    }

    /// <summary>
    /// Bulk-generates raw events straight into the file (one connection, large page cache, no fsync: data
    /// set-up, not a measured path). Day by day, each teacher has an activity level; sign-ins come in streaks.
    /// </summary>
    private static async Task<long> GenerateAsync(string file, List<(string Id, string Phone)> teachers, int year, DateOnly today, long target)
    {
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={file}");
        await using var db = new EduPortalDbContext(builder.Options);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000000; PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY;");
        var start = new DateOnly(year, 1, 1);
        var days = Math.Max(1, today.DayNumber - start.DayNumber);
        var perTeacherPerDay = (double)target / teachers.Count / days;
        var random = new Random(20261123);
        var activity = teachers.Select(_ => 0.3 + random.NextDouble() * 1.4).ToArray();
        var types = DefaultPointRules.Rules.Where(r => r.Type is not (PointTypes.Login or PointTypes.LabRecordPublished)).ToArray();
        var now = DateTimeOffset.UtcNow;
        long count = 0;
        var sequence = 0L;
        var buffer = new List<PointEvent>(200_000);
        async Task FlushAsync()
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PointBulkInsert.EventsAsync(db, transaction.GetDbTransaction(), buffer, CancellationToken.None);
            await transaction.CommitAsync();
            count += buffer.Count;
            buffer.Clear();
        }
        for (var d = 0; d < days && count + buffer.Count < target; d++)
        {
            var day = start.AddDays(d);
            for (var t = 0; t < teachers.Count; t++)
            {
                // Expected events per teacher-day = perTeacherPerDay × activity; a sign-in first, then other rows.
                var expected = perTeacherPerDay * activity[t];
                var n = (int)expected + (random.NextDouble() < expected - (int)expected ? 1 : 0);
                for (var k = 0; k < n; k++)
                {
                    var at = new DateTimeOffset(day.Year, day.Month, day.Day, 7 + random.Next(12), random.Next(60), random.Next(60), TimeSpan.FromHours(8));
                    if (k == 0)
                    {
                        buffer.Add(PointEvent.Create(teachers[t].Id, PointTypes.Login, at, PointSources.Portal, $"login-{teachers[t].Id}-{day:yyyyMMdd}", null, null, now));
                        continue;
                    }
                    var rule = types[random.Next(types.Length)];
                    buffer.Add(PointEvent.Create(teachers[t].Id, rule.Type, at, "bench", $"b{++sequence:D10}",
                        rule.Threshold is { } threshold ? threshold + random.Next(-5, 15) : null, random.Next(0, 8), now));
                }
            }
            if (buffer.Count >= 150_000)
            {
                await FlushAsync();
            }
        }
        await FlushAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return count;
    }

    /// <summary>Keeps the last report, on the reporting thread (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class LastProgress : IProgress<RecomputeProgress>
    {
        public RecomputeProgress Last { get; private set; }

        public void Report(RecomputeProgress value) => Last = value;
    }
}
