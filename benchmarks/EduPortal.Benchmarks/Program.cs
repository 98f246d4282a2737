using System.Diagnostics;
using EduPortal.Benchmarks;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Home;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

// `points [--events N]` runs the deep-application index benchmark instead (see PointsBenchmark.cs).
if (args.Length > 1 && args[0] == "points-recompute")
{
    // The points benchmark's fresh process for the recompute's own working set (started by `points`).
    await EduPortal.Benchmarks.PointsBenchmark.RecomputeInFreshProcessAsync(args[1]);
    return;
}
if (args.Length > 0 && args[0] == "points")
{
    await EduPortal.Benchmarks.PointsBenchmark.RunAsync(args);
    return;
}

// Figures for the foundation on the large district (~500 schools, ~20,000 teachers) in a SQLite file:
// seeding, the queries behind the admin pages per role, an Excel export of the whole city, and the
// password-hash cost that bounds sign-in bursts and roster imports.
// Module benchmarks run on their own: `-- labs [records]`.
if (args.Length > 0 && args[0] == "repairs")
{
    await EduPortal.Benchmarks.RepairsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

if (args.Length > 0 && args[0] == "smartboards")
{
    await EduPortal.Benchmarks.SmartboardsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args.Length > 0 && args[0] == "load")
{
    await EduPortal.Benchmarks.LoadBenchmark.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "cloudspaces")
{
    await EduPortal.Benchmarks.CloudSpacesBenchmark.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "labs")
{
    await EduPortal.Benchmarks.LabRecordsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

// KEEP_BENCH_DB=<folder> keeps the seeded database there and reuses it on the next run (no reseeding), so a measurement
// under the shared lock need not seed the large district again (`surveys` and `plans` reuse their round and snapshots).
var keptFolder = Environment.GetEnvironmentVariable("KEEP_BENCH_DB");
var folder = string.IsNullOrEmpty(keptFolder) ? Path.Combine(Path.GetTempPath(), "eduportal-bench-" + Guid.NewGuid().ToString("N")) : keptFolder;
var reused = File.Exists(Path.Combine(folder, "bench.db"));
Directory.CreateDirectory(folder);
var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
SqlLog.Configure(builder);
var options = builder.Options;
var factory = new PooledDbContextFactory<EduPortalDbContext>(options);
var clock = TimeProvider.System;
var rows = new List<(string What, string Figure)>();

void Report(string what, string figure)
{
    rows.Add((what, figure));
    Console.WriteLine($"{what,-58} {figure}");
}

void PrintMarkdown()
{
    Console.WriteLine();
    Console.WriteLine("Markdown:");
    Console.WriteLine("| measure | figure |\n|---|---|");
    foreach (var (what, figure) in rows)
    {
        Console.WriteLine($"| {what.Trim()} | {figure.Trim()} |");
    }
}

Console.WriteLine($"EduPortal benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite file");
if (reused)
{
    Console.WriteLine($"Reusing the database in {folder}");
}
else
{
    await using var db = await factory.CreateDbContextAsync();
    var watch = Stopwatch.StartNew();
    await db.Database.MigrateAsync();
    Report("Migrate an empty SQLite database", $"{watch.Elapsed.TotalSeconds,7:F2} s");
    watch.Restart();
    await new DemoDataSeeder(db, clock).SeedAsync(SeedSize.Large, () => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword));
    Report("Seed the large district", $"{watch.Elapsed.TotalSeconds,7:F2} s");
}

await using (var db = await factory.CreateDbContextAsync())
{
    Report("  schools / classes / accounts",
        $"{await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.School)} / {await db.SchoolClasses.CountAsync()} / {await db.Users.CountAsync()}");
}

async Task<Caller> CallerAsync(string userName)
{
    await using var db = await factory.CreateDbContextAsync();
    var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    return (await CallerAccessor.LoadAsync(db, id))!;
}

var city = await CallerAsync(DemoAccounts.CityAdmin);
var county = await CallerAsync(DemoAccounts.CountyAdmin);
var school = await CallerAsync(DemoAccounts.SchoolAdmin);
// `-- plans`: the metric snapshot job and the dashboard (驾驶舱) on the large district.
if (args.Contains("plans", StringComparer.OrdinalIgnoreCase))
{
    await PlansBenchmark.RunAsync(factory, clock, city, county, Bench.TimeAsync, Report);
    PrintMarkdown();
    SqliteCleanup(folder);
    return;
}
// `-- exports`: the export centre's all-PDFs zip of a 500-school survey round.
if (args.Contains("exports", StringComparer.OrdinalIgnoreCase))
{
    await ExportsBenchmark.RunAsync(factory, clock, city, Report);
    PrintMarkdown();
    SqliteCleanup(folder);
    return;
}
// `-- bulletins`: the city's and a county's weekly bulletin on the large district (time and memory).
if (args.Contains("bulletins", StringComparer.OrdinalIgnoreCase))
{
    await BulletinsBenchmark.RunAsync(factory, clock, city, county, Report);
    PrintMarkdown();
    SqliteCleanup(folder);
    return;
}
// `dotnet run -c Release --project benchmarks/EduPortal.Benchmarks -- surveys`: the survey module only.
if (args.Contains("surveys", StringComparer.OrdinalIgnoreCase))
{
    await SurveyBenchmark.RunAsync(factory, clock, city, Bench.TimeAsync, Report);
    PrintMarkdown();
    SqliteCleanup(folder);
    return;
}

var home = new HomeService(factory);
var orgs = new OrgService(factory, clock);
var throttleCache = new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(
    Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));
var accounts = new AccountAdminService(factory, clock, new EduPortal.Web.Infrastructure.Auth.SignInThrottle(throttleCache,
    new EduPortal.Web.Infrastructure.Auth.CachedWindowCounter(throttleCache, clock), clock,
    Microsoft.Extensions.Options.Options.Create(new EduPortal.Web.Infrastructure.Auth.SignInThrottleOptions())), new PasswordHasher<ApplicationUser>());

Report("Load the caller (every action does this)", await Bench.TimeAsync(() => CallerAccessor.LoadAsync(factory.CreateDbContext(), city.UserId), 21));
Report("Home figures, city admin (whole district)", await Bench.TimeAsync(() => home.GetAsync(city)));
Report("Home figures, county admin", await Bench.TimeAsync(() => home.GetAsync(county)));
Report("Home figures, school admin", await Bench.TimeAsync(() => home.GetAsync(school)));
Report("Org tree with totals, city admin", await Bench.TimeAsync(() => orgs.GetTreeAsync(city)));
Report("People list page 1 (20 rows), city admin", await Bench.TimeAsync(() => accounts.SearchAsync(city, new AccountQuery())));
Report("People list search by name, city admin", await Bench.TimeAsync(() => accounts.SearchAsync(city, new AccountQuery(Search: "王"))));
Report("People list page 1, school admin", await Bench.TimeAsync(() => accounts.SearchAsync(school, new AccountQuery())));

GC.Collect();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var exportWatch = Stopwatch.StartNew();
var workbook = await accounts.ExportAsync(city, new AccountQuery(PageSize: int.MaxValue));
exportWatch.Stop();
var exportWatchSeconds = exportWatch.Elapsed.TotalSeconds;
var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
Report("Excel export of every account, city admin", $"{exportWatch.Elapsed.TotalSeconds,7:F2} s, {workbook.Length / 1024} KiB file, {allocated:F0} MiB allocated");

// The same sheet built cell by cell in ClosedXML (the obvious way), for the ratio.
var (allRows, _) = await accounts.SearchAsync(city, new AccountQuery(PageSize: int.MaxValue));
GC.Collect();
allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
exportWatch.Restart();
using (var closed = new ClosedXML.Excel.XLWorkbook())
{
    var sheet = closed.Worksheets.Add("人员名单");
    var r = 1;
    foreach (var row in allRows)
    {
        r++;
        sheet.Cell(r, 1).Value = row.RealName;
        sheet.Cell(r, 2).SetValue(row.Phone);
        sheet.Cell(r, 3).Value = row.UserName;
        sheet.Cell(r, 4).Value = row.OrgUnitName;
        sheet.Cell(r, 5).Value = row.Level.DisplayName();
        sheet.Cell(r, 6).Value = row.Capabilities.DisplayName();
        sheet.Cell(r, 7).Value = row.SubjectsText;
        sheet.Cell(r, 8).Value = row.Status.DisplayName();
        sheet.Cell(r, 9).Value = row.Employment.DisplayName();
        sheet.Cell(r, 10).Value = EduPortal.Domain.Common.ChinaTime.Format(row.RegisteredAt);
    }
    using var sink = new MemoryStream();
    closed.SaveAs(sink);
}
var closedSeconds = exportWatch.Elapsed.TotalSeconds;
var closedAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
Report("  same sheet cell by cell in ClosedXML (query excluded)", $"{closedSeconds,7:F2} s, {closedAllocated:F0} MiB allocated; streaming is {closedSeconds / exportWatchSeconds:F1}x faster");

var hasher = new PasswordHasher<ApplicationUser>();
var user = new ApplicationUser();
Report("PBKDF2 password hash (each sign-in pays one)", await Bench.TimeAsync(() => Task.FromResult(hasher.HashPassword(user, "a long pass phrase")), 11));

var importer = new RosterImportService(new SingleContextScopeFactory(options), clock);
var roster = BuildRoster(500);
var importWatch = Stopwatch.StartNew();
var imported = await importer.ImportAsync(school, school.OrgUnitId, new MemoryStream(roster), RosterImportMode.AllOrNothing);
Report("Roster import, 500 teachers (parse, check, hash, save)", $"{importWatch.Elapsed.TotalSeconds,7:F2} s ({imported.Value?.Imported ?? 0} imported)");

PrintMarkdown();
SqliteCleanup(folder);

static byte[] BuildRoster(int count)
{
    using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(RosterImportService.BuildTemplate()));
    var sheet = workbook.Worksheet(1);
    sheet.Row(2).Delete();
    for (var i = 0; i < count; i++)
    {
        sheet.Cell(i + 2, 1).Value = $"测试教师{i}";
        sheet.Cell(i + 2, 2).SetValue($"137{i:D8}");
        sheet.Cell(i + 2, 3).Value = "数学";
    }
    using var output = new MemoryStream();
    workbook.SaveAs(output);
    return output.ToArray();
}

static void SqliteCleanup(string folder)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KEEP_BENCH_DB")))
    {
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>The roster importer resolves a DbContext and Identity's password hasher from a scope.</summary>
internal sealed class SingleContextScopeFactory(DbContextOptions<EduPortalDbContext> options) : Microsoft.Extensions.DependencyInjection.IServiceScopeFactory
{
    public Microsoft.Extensions.DependencyInjection.IServiceScope CreateScope() => new Scope(options);

    private sealed class Scope(DbContextOptions<EduPortalDbContext> options) : Microsoft.Extensions.DependencyInjection.IServiceScope, IServiceProvider
    {
        private readonly EduPortalDbContext _db = new(options);
        public IServiceProvider ServiceProvider => this;

        public object? GetService(Type serviceType) =>
            serviceType == typeof(EduPortalDbContext) ? _db
            : serviceType == typeof(IPasswordHasher<ApplicationUser>) ? new PasswordHasher<ApplicationUser>()
            : null;

        public void Dispose() => _db.Dispose();
    }
}
