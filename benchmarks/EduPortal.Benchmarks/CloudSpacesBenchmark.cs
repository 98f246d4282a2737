using System.Diagnostics;
using System.Globalization;
using System.Text;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Benchmarks;

/// <summary>
/// `cloudspaces` mode (issue 12): one term for the large district's ~19,300 teachers. Seeds the district, a term's
/// deep-application ledger (sign-ins and other rows, awarded by the recompute as in production), opens the finished
/// last term in every school, then times the statistics import of every school (Excel and CSV, through the page's
/// service), the 20,000-row file the importer accepts at most, the school's checklist page, 我的云空间, the county's
/// and the city's compliance per school with its Excel, the school award of every school, and the peak working set.
/// Each figure is printed beside its aim.
/// </summary>
public static class CloudSpacesBenchmark
{
    private sealed record Teacher(string Id, int SchoolId, string Phone, string Name);

    public static async Task RunAsync(string[] args)
    {
        // KEEP_BENCH_DB=<folder> keeps the database as it is after the imports (bench-imported.db) and, when that file
        // is there, starts from a copy of it (no seeding, ledger or imports); `--pages` stops after the pages and the
        // demo school's award (no award of every school). BENCH_SQL=<file> writes the pages' SQL there.
        var kept = Environment.GetEnvironmentVariable("KEEP_BENCH_DB");
        var pagesOnly = args.Contains("--pages");
        var folder = string.IsNullOrEmpty(kept) ? Path.Combine(Path.GetTempPath(), "eduportal-bench-cs-" + Guid.NewGuid().ToString("N")) : kept;
        Directory.CreateDirectory(folder);
        var keptFile = Path.Combine(folder, "bench-imported.db");
        var reuse = !string.IsNullOrEmpty(kept) && File.Exists(keptFile);
        if (reuse)
        {
            File.Copy(keptFile, Path.Combine(folder, "bench.db"), overwrite: true);
        }
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
        SqlLog.Configure(builder);
        var factory = new PooledDbContextFactory<EduPortalDbContext>(builder.Options);
        var clock = TimeProvider.System;
        var rows = new List<(string What, string Figure, string Aim)>();
        void Report(string what, string figure, string aim = "")
        {
            rows.Add((what, figure, aim));
            Console.WriteLine($"{what,-62} {figure,-48} {aim}");
        }
        Console.WriteLine($"Cloud spaces benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite file, load {LoadAverage()}");
        var today = ChinaTime.Today(clock);
        // The finished term before the current one: its award may be assessed, its ledger is complete.
        var term = UseTerm.Of(UseTerm.Of(today).Start.AddDays(-1));
        var watch = Stopwatch.StartNew();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            if (!reuse)
            {
                await new DemoDataSeeder(db, clock).SeedAsync(SeedSize.Large, () => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword));
            }
        }
        if (!reuse)
        {
            Report("Seed the large district", $"{watch.Elapsed.TotalSeconds:F1} s");
        }

        List<Teacher> teachers;
        List<(int Id, string Path, string Name)> schools;
        await using (var db = await factory.CreateDbContextAsync())
        {
            teachers = (await db.Users.AsNoTracking().PointEarners().Serving().OrderBy(u => u.Id)
                    .Select(u => new { u.Id, u.OrgUnitId, u.PhoneNumber, u.RealName }).ToListAsync())
                .Select(u => new Teacher(u.Id, u.OrgUnitId, u.PhoneNumber ?? "", u.RealName)).ToList();
            schools = (await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Id).Select(o => new { o.Id, o.Path, o.Name }).ToListAsync())
                .Select(o => (o.Id, o.Path, o.Name)).ToList();
        }
        var withoutPhone = teachers.Count(t => t.Phone.Length == 0);
        Report("  serving teachers / schools", $"{teachers.Count:N0} / {schools.Count} ({withoutPhone} without a phone)");

        var termIds = new Dictionary<int, int>();
        Caller SchoolAdmin(int schoolId)
        {
            var school = schools.Single(s => s.Id == schoolId);
            return new Caller("bench-admin-" + schoolId, "校管理员", AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
        }

        if (reuse)
        {
            await using var db = await factory.CreateDbContextAsync();
            termIds = await db.CloudSpaceTerms.AsNoTracking().Where(t => t.Start == term.Start).ToDictionaryAsync(t => t.SchoolId, t => t.Id);
        }
        else
        {
            watch.Restart();
            var events = await GenerateLedgerAsync(factory, teachers, term, today);
            Report($"Term ledger: {events:N0} events (sign-ins + other rows)", $"{watch.Elapsed.TotalSeconds:F1} s to insert");
            watch.Restart();
            var recomputation = new PointRecomputation(factory);
            for (var year = term.Start.Year; year <= term.End.Year; year++)
            {
                await recomputation.RecomputeYearAsync(year);
            }
            Report("  awards by the recompute (as in production)", $"{watch.Elapsed.TotalSeconds:F1} s");

            // Most teachers have set an avatar (② reads the account); the large district's accounts have none.
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE AspNetUsers SET AvatarFileKey = 'avatars/bench.png' WHERE abs(random()) % 6 <> 0");
            }

            // Every school opens the term (as its admin does on the term page).
            await using (var db = await factory.CreateDbContextAsync())
            {
                var opened = schools.Select(s => CloudSpaceTerm.Open(s.Id, s.Path, term, "bench", clock.GetUtcNow())).ToList();
                db.CloudSpaceTerms.AddRange(opened);
                await db.SaveChangesAsync();
                foreach (var t in opened)
                {
                    termIds[t.SchoolId] = t.Id;
                }
            }
            // Statistics import, every school: the page's service with the Excel file, then the same figures again as CSV.
            var importer = new CloudSpaceImportService(factory, clock);
            var random = new Random(20261130);
            var bySchool = teachers.Where(t => t.Phone.Length > 0).GroupBy(t => t.SchoolId).ToDictionary(g => g.Key, g => g.ToList());
            var xlsxFiles = bySchool.ToDictionary(p => p.Key, p => BuildWorkbook(p.Value, random));
            var csvFiles = bySchool.ToDictionary(p => p.Key, p => BuildCsv(p.Value, random));
            foreach (var (format, files, name) in new[] { ("Excel", xlsxFiles, "统计.xlsx"), ("CSV", csvFiles, "统计.csv") })
            {
                var samples = new List<double>();
                var imported = 0;
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var total = Stopwatch.StartNew();
                foreach (var (schoolId, bytes) in files)
                {
                    var one = Stopwatch.StartNew();
                    var result = await importer.ImportAsync(SchoolAdmin(schoolId), termIds[schoolId], new MemoryStream(bytes), name);
                    samples.Add(one.Elapsed.TotalMilliseconds);
                    if (!result.Succeeded || result.Value!.Saved == 0)
                    {
                        throw new InvalidOperationException($"Import failed for school {schoolId}: {result.Error?.Message} {string.Join("; ", result.Value?.Rows.SelectMany(r => r.Errors).Take(3) ?? [])}");
                    }
                    imported += result.Value.Saved;
                }
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024;
                Report($"Import, every school's {format} file ({files.Count} files, {imported:N0} teachers)", $"{total.Elapsed.TotalSeconds:F1} s, {allocated:F0} MiB allocated", "");
                Report($"  one school's {format} file (~{imported / files.Count} rows)", Bench.Summarise(samples).Text, "aim < 1 s (an upload on the page)");
            }
            // The largest file the importer takes (MaxRows): every row is read and checked and its error reported.
            {
                var big = BuildWorkbook(teachers.Take(CloudSpaceImportService.MaxRows).ToList(), random);
                var school = schools[0].Id;
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var one = Stopwatch.StartNew();
                var result = await importer.ImportAsync(SchoolAdmin(school), termIds[school], new MemoryStream(big), "全区.xlsx");
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024;
                Report($"Import, one {CloudSpaceImportService.MaxRows:N0}-row Excel file ({big.Length / 1024} KiB), rows checked and reported",
                    $"{one.Elapsed.TotalSeconds:F2} s, {result.Value?.Rows.Count(r => r.Errors.Count > 0):N0} rows with errors, {allocated:F0} MiB allocated", "aim < 5 s (the upload's progress bar)");
            }
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }
            if (!string.IsNullOrEmpty(kept))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Copy(Path.Combine(folder, "bench.db"), keptFile, overwrite: true);
            }
        }

        Caller county, city, schoolAdmin, teacher;
        await using (var db = await factory.CreateDbContextAsync())
        {
            async Task<Caller> Load(string userName) =>
                (await CallerAccessor.LoadAsync(db, await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync()))!;
            county = await Load(DemoAccounts.CountyAdmin);
            city = await Load(DemoAccounts.CityAdmin);
            schoolAdmin = await Load(DemoAccounts.SchoolAdmin);
            teacher = await Load(DemoAccounts.Teacher);
        }
        var terms = new CloudSpaceTermService(factory, clock);
        var compliance = new CloudSpaceComplianceService(factory, clock);
        var demoTerm = termIds[schoolAdmin.OrgUnitId];
        var teachersOfDemoSchool = teachers.Count(t => t.SchoolId == schoolAdmin.OrgUnitId);
        var countySchools = schools.Count(s => s.Path.StartsWith(county.OrgPath, StringComparison.Ordinal));
        var countyTeachers = teachers.Count(t => schools.Any(s => s.Id == t.SchoolId && s.Path.StartsWith(county.OrgPath, StringComparison.Ordinal)));
        const string pageAim = "aim < 100 ms (issue 16: every page)";
        SqlLog.On = true;
        Report($"School's checklist page, every teacher ({teachersOfDemoSchool})", await Bench.TimeAsync(() => terms.TermAsync(schoolAdmin, demoTerm)), pageAim);
        Report("我的云空间, a teacher", await Bench.TimeAsync(() => terms.MyAsync(teacher)), pageAim);
        Report($"County compliance per school, term open ({countySchools} schools, {countyTeachers:N0} teachers)", await Bench.TimeAsync(() => compliance.ReportAsync(county, term.Start)), pageAim);
        Report($"City compliance per school, term open ({schools.Count} schools, {teachers.Count:N0} teachers)", await Bench.TimeAsync(() => compliance.ReportAsync(city, term.Start), 5), pageAim);
        SqlLog.On = false;
        var countyReport = (await compliance.ReportAsync(county, term.Start)).Value!;
        var cityReport = (await compliance.ReportAsync(city, term.Start)).Value!;
        Report("  city: teachers assessed / 合格 / rate",
            $"{cityReport.Schools.Sum(s => s.Teachers):N0} / {cityReport.Schools.Sum(s => s.Qualified):N0} / {100.0 * cityReport.Schools.Sum(s => s.Qualified) / Math.Max(1, cityReport.Schools.Sum(s => s.Teachers)):F1}%");
        Report("Compliance Excel, county, term open (query + workbook)", await Bench.TimeAsync(async () =>
            CloudSpaceComplianceService.BuildWorkbook((await compliance.ReportAsync(county, term.Start)).Value!)), "aim < 1 s (a download)");
        var cityBytes = CloudSpaceComplianceService.BuildWorkbook(cityReport);
        Report($"Compliance Excel, city, term open (query + workbook, {cityBytes.Length / 1024} KiB)", await Bench.TimeAsync(async () =>
            CloudSpaceComplianceService.BuildWorkbook((await compliance.ReportAsync(city, term.Start)).Value!), 5), "aim < 1 s (a download)");
        _ = countyReport;

        // The school award at term end: assessed by each school's admin (ranking, tiers, ties, audit).
        Report($"School award of the demo school ({teachersOfDemoSchool} teachers)", await Bench.TimeAsync(() => terms.AssessAwardAsync(schoolAdmin, demoTerm)), "aim < 1 s (an action)");
        if (!pagesOnly)
        {
            var samples = new List<double>();
            var total = Stopwatch.StartNew();
            foreach (var (schoolId, termId) in termIds)
            {
                var one = Stopwatch.StartNew();
                var result = await terms.AssessAwardAsync(SchoolAdmin(schoolId), termId);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Award failed for school {schoolId}: {result.Error?.Message}");
                }
                samples.Add(one.Elapsed.TotalMilliseconds);
            }
            await using var db = await factory.CreateDbContextAsync();
            Report($"School award of every school ({termIds.Count})", $"{total.Elapsed.TotalSeconds:F1} s, {await db.CloudSpaceAwards.CountAsync():N0} places", "");
            Report("  per school", Bench.Summarise(samples).Text, "aim < 1 s (an action)");
        }
        // Once awarded, a term's compliance reads the award's 合格 flags instead of the ledger.
        if (!pagesOnly)
        {
            Report("County compliance per school, term awarded", await Bench.TimeAsync(() => compliance.ReportAsync(county, term.Start)), pageAim);
            Report("City compliance per school, term awarded", await Bench.TimeAsync(() => compliance.ReportAsync(city, term.Start)), pageAim);
            Report("Compliance Excel, city, term awarded", await Bench.TimeAsync(async () =>
                CloudSpaceComplianceService.BuildWorkbook((await compliance.ReportAsync(city, term.Start)).Value!)), "aim < 1 s (a download)");
        }
        Report("Peak working set (seeding and ledger included)", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB; managed heap now {GC.GetTotalMemory(true) / 1024 / 1024} MiB", "aim < 1 GiB (issue 16's recompute aim)");
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("Markdown:");
        Console.WriteLine("| measure | figure | aim |\n|---|---|---|");
        foreach (var (what, figure, aim) in rows)
        {
            Console.WriteLine($"| {what.Trim()} | {figure.Trim()} | {aim} |");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (string.IsNullOrEmpty(kept))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>
    /// A term of activity: each teacher signs in on a share of the school days (0.2–0.8 of them, so 1–4 sign-ins a
    /// week) and sends some other rows (courseware, lessons, notices, marking), so points spread around the 500 of ⑦.
    /// </summary>
    private static async Task<long> GenerateLedgerAsync(IDbContextFactory<EduPortalDbContext> factory, List<Teacher> teachers, UseTerm term, DateOnly today)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF;");
        var random = new Random(20261129);
        string[] types = [PointTypes.Courseware, PointTypes.InteractiveLesson, PointTypes.ClassNotice, PointTypes.Marking, PointTypes.TeachingArticle];
        var rules = DefaultPointRules.Rules.ToDictionary(r => r.Type);
        var login = teachers.Select(_ => 0.2 + random.NextDouble() * 0.6).ToArray();
        var other = teachers.Select(_ => random.NextDouble() * 0.5).ToArray();
        var now = DateTimeOffset.UtcNow;
        var buffer = new List<PointEvent>(200_000);
        long count = 0, sequence = 0;
        async Task FlushAsync()
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PointBulkInsert.EventsAsync(db, transaction.GetDbTransaction(), buffer, CancellationToken.None);
            await transaction.CommitAsync();
            count += buffer.Count;
            buffer.Clear();
        }
        var last = term.End < today ? term.End : today.AddDays(-1);
        for (var day = term.Start; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            for (var t = 0; t < teachers.Count; t++)
            {
                var id = teachers[t].Id;
                if (random.NextDouble() < login[t])
                {
                    var at = new DateTimeOffset(day.Year, day.Month, day.Day, 7 + random.Next(3), random.Next(60), 0, TimeSpan.FromHours(8));
                    buffer.Add(PointEvent.Create(id, PointTypes.Login, at, PointSources.Portal, $"login-{id}-{day:yyyyMMdd}", null, null, now));
                }
                if (random.NextDouble() < other[t])
                {
                    var rule = rules[types[random.Next(types.Length)]];
                    var at = new DateTimeOffset(day.Year, day.Month, day.Day, 9 + random.Next(8), random.Next(60), 0, TimeSpan.FromHours(8));
                    buffer.Add(PointEvent.Create(id, rule.Type, at, "bench", $"cs{++sequence:D10}", rule.Threshold is { } threshold ? threshold + random.Next(-3, 12) : null, random.Next(0, 8), now));
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

    private static object[] Figures(Random random)
    {
        int Around(int threshold) => Math.Max(0, threshold + random.Next(-2, 8));
        var articles = 8 + random.Next(20);
        var courseware = Around(5);
        var plans = Around(4);
        var videos = Around(2);
        var other = Around(3);
        var total = courseware + plans + videos + other;
        return
        [
            articles, (int)Math.Round(articles * (0.25 + random.NextDouble() * 0.4)), courseware, plans, videos, other,
            (int)Math.Round(total * (0.25 + random.NextDouble() * 0.5)), Around(15), Math.Max(1, Around(3) / 2 + 1),
            random.Next(10) > 0 ? "是" : "否", random.Next(12) > 0 ? "是" : "否", Around(4), Math.Max(0, 3 + random.Next(-1, 4)),
        ];
    }

    private static byte[] BuildWorkbook(List<Teacher> teachers, Random random)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(CloudSpaceImportService.BuildTemplate()));
        var sheet = workbook.Worksheet(1);
        sheet.Row(2).Delete();
        for (var i = 0; i < teachers.Count; i++)
        {
            var row = i + 2;
            sheet.Cell(row, 1).SetValue(teachers[i].Phone.Length > 0 ? teachers[i].Phone : $"139{i:D8}");
            sheet.Cell(row, 2).SetValue(teachers[i].Name);
            var figures = Figures(random);
            for (var c = 0; c < figures.Length; c++)
            {
                if (figures[c] is int number)
                {
                    sheet.Cell(row, c + 3).Value = number;
                }
                else
                {
                    sheet.Cell(row, c + 3).SetValue((string)figures[c]);
                }
            }
        }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static byte[] BuildCsv(List<Teacher> teachers, Random random)
    {
        var text = new StringBuilder(string.Join(',', CloudSpaceImportService.Headers)).Append('\n');
        foreach (var teacher in teachers)
        {
            text.Append(teacher.Phone).Append(',').Append(teacher.Name);
            foreach (var figure in Figures(random))
            {
                text.Append(',').Append(Convert.ToString(figure, CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
