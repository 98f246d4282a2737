using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduPortal.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/EduPortal.Benchmarks -- repairs [tickets]`: the large district with
/// 1,000,000 repair tickets over ~100,000 devices in a SQLite file (95% closed over two years, the rest open at every
/// tier); the queue of each tier, the home-card counts, the figures and the escalation job's scan.
/// </summary>
public static class RepairsBenchmark
{
    public static async Task RunAsync(int ticketCount)
    {
        // KEEP_BENCH_DB=<folder> keeps the seeded database there and reuses it on the next run (no reseeding);
        // BENCH_SQL=<file> writes the SQL of one call of the city's figures there (for EXPLAIN QUERY PLAN).
        var kept = Environment.GetEnvironmentVariable("KEEP_BENCH_DB");
        var folder = string.IsNullOrEmpty(kept) ? Path.Combine(Path.GetTempPath(), "eduportal-bench-repairs-" + Guid.NewGuid().ToString("N")) : kept;
        var reuse = File.Exists(Path.Combine(folder, "bench.db"));
        Directory.CreateDirectory(folder);
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
        SqlLog.Configure(builder);
        var factory = new PooledDbContextFactory<EduPortalDbContext>(builder.Options);
        var clock = TimeProvider.System;
        Console.WriteLine($"Repairs benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite file, {ticketCount:N0} tickets");
        List<(int Id, string Name, string Path, int? TownshipId, int CountyId)> schools;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            if (!reuse)
            {
                await new DemoDataSeeder(db, clock).SeedAsync(SeedSize.Large, () => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword));
            }
            var units = await db.OrgUnits.AsNoTracking().Select(o => new { o.Id, o.Name, o.Path, o.Kind, o.ParentId }).ToListAsync();
            var byId = units.ToDictionary(u => u.Id);
            schools = units.Where(u => u.Kind == OrgUnitKind.School).Select(u =>
            {
                var parent = byId[u.ParentId!.Value];
                var county = parent.Kind == OrgUnitKind.Township ? byId[parent.ParentId!.Value] : parent;
                return (u.Id, u.Name, u.Path, parent.Kind == OrgUnitKind.Township ? (int?)parent.Id : null, county.Id);
            }).ToList();
            if (reuse)
            {
                Console.WriteLine($"Reusing the database in {folder} ({await db.RepairTickets.CountAsync():N0} tickets)");
            }
            else
            {
                var watch = Stopwatch.StartNew();
                await InsertTicketsAsync(db, schools, ticketCount);
                Console.WriteLine($"{"Insert tickets (one transaction)",-58} {watch.Elapsed.TotalSeconds,7:F1} s");
            }
        }

        // The busiest school, its township centre and county: what their technicians and admins open.
        var school = schools[0];
        var townSchool = schools.First(s => s.TownshipId is not null);
        var schoolTech = new Caller("bench-k1", "技术员", AdminLevel.Teacher, townSchool.Id, townSchool.Name, townSchool.Path, OrgUnitKind.School, Capability.Technician);
        var townPath = OrgUnit.AncestorPaths(townSchool.Path)[2];
        var townTech = new Caller("bench-k2", "服务组", AdminLevel.School, townSchool.TownshipId!.Value, "中心校", townPath, OrgUnitKind.Township, Capability.Technician);
        var countyPath = OrgUnit.AncestorPaths(townSchool.Path)[1];
        var county = new Caller("bench-c", "县管", AdminLevel.County, townSchool.CountyId, "县", countyPath, OrgUnitKind.County, Capability.None);
        var city = new Caller("bench-m", "市管", AdminLevel.City, 1, "市", "/1/", OrgUnitKind.City, Capability.None);
        _ = school;

        var store = new LocalFileStore(Path.Combine(folder, "files"), clock);
        var tickets = new RepairTicketService(factory, new UploadPipeline(store), clock, NullLogger<RepairTicketService>.Instance);
        var figures = new RepairFiguresService(factory, clock);
        var today = ChinaTime.Today(clock);
        Console.WriteLine($"{"Queue: school technician, own tier",-58} {await Bench.TimeAsync(() => tickets.QueueAsync(schoolTech, RepairQueue.MyTier))}");
        Console.WriteLine($"{"Queue: township group, own tier",-58} {await Bench.TimeAsync(() => tickets.QueueAsync(townTech, RepairQueue.MyTier))}");
        Console.WriteLine($"{"Queue: county bureau, own tier",-58} {await Bench.TimeAsync(() => tickets.QueueAsync(county, RepairQueue.MyTier))}");
        Console.WriteLine($"{"Queue: county, all open",-58} {await Bench.TimeAsync(() => tickets.QueueAsync(county, RepairQueue.AllOpen))}");
        Console.WriteLine($"{"Queue: county, closed (newest 200)",-58} {await Bench.TimeAsync(() => tickets.QueueAsync(county, RepairQueue.Closed))}");
        Console.WriteLine($"{"Home card: county admin",-58} {await Bench.TimeAsync(() => tickets.HomeAsync(county))}");
        Console.WriteLine($"{"Home card: school technician",-58} {await Bench.TimeAsync(() => tickets.HomeAsync(schoolTech))}");
        var (from, to) = RepairFiguresService.StandardPeriod(today);
        Console.WriteLine($"{"Figures, direct count: county, last 12 months",-58} {await Bench.TimeAsync(() => figures.DirectFiguresAsync(county, from, to), runs: 3)}");
        Console.WriteLine($"{"Figures, direct count: city, last 12 months",-58} {await Bench.TimeAsync(() => figures.DirectFiguresAsync(city, from, to), runs: 3)}");
        var snapshotClock = System.Diagnostics.Stopwatch.StartNew();
        var snapshotRows = await figures.TakeSnapshotAsync();
        Console.WriteLine($"{"Nightly figures snapshot (job)",-58} {snapshotClock.Elapsed.TotalSeconds:0.0} s ({snapshotRows} school rows)");
        Console.WriteLine($"{"Figures: county, last 12 months (snapshot + live)",-58} {await Bench.TimeAsync(() => figures.FiguresAsync(county, from, to))}");
        Console.WriteLine($"{"Figures: city, last 12 months (snapshot + live)",-58} {await Bench.TimeAsync(() => figures.FiguresAsync(city, from, to))}");
        SqlLog.On = true;
        await figures.FiguresAsync(city, from, to);
        SqlLog.On = false;
        var rolled = (await figures.FiguresAsync(city, from, to)).Value!;
        var direct = await figures.DirectFiguresAsync(city, from, to);
        Console.WriteLine($"{"City figures identical (snapshot + live vs direct)",-58} {rolled.Total == direct.Total && rolled.Units.SequenceEqual(direct.Units)}");
        Console.WriteLine($"{"Escalation job scan (nothing overdue at school/township)",-58} {await Bench.TimeAsync(async () => await tickets.EscalateOverdueAsync())}");
        if (!string.IsNullOrEmpty(kept))
        {
            Console.WriteLine($"Database kept at {folder}");
            return;
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task InsertTicketsAsync(EduPortalDbContext db, List<(int Id, string Name, string Path, int? TownshipId, int CountyId)> schools, int count)
    {
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        var toBinary = new DateTimeOffsetToBinaryConverter();
        long Binary(DateTimeOffset value) => (long)toBinary.ConvertToProvider(value)!;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO RepairTickets (DeviceId, AssetTag, DeviceName, ClassroomName, SchoolId, SchoolName, SchoolPath, TownshipId, CountyId, ReporterId,
              ReporterName, Fault, State, Tier, TierSince, TierDeadline, AssigneeName, EverOverdue, RaisedAt, ResolvedAt, ClosedAt, TotalCost, RepairMinutes, Version)
            VALUES ($d, $tag, '交互式一体机', '一年级1班', $s, $sn, $sp, $t, $c, 'bench-teacher', '王老师', '无法开机', $state, $tier, $since, $deadline,
              $assignee, $overdue, $raised, $resolved, $closed, '0', $minutes, 3);
            """;
        string[] names = ["$d", "$tag", "$s", "$sn", "$sp", "$t", "$c", "$state", "$tier", "$since", "$deadline", "$assignee", "$overdue", "$raised", "$resolved", "$closed", "$minutes"];
        foreach (var name in names)
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            insert.Parameters.Add(p);
        }
        // ~100,000 devices: 200 per school.
        for (var i = 0; i < count; i++)
        {
            var school = schools[random.Next(schools.Count)];
            var device = school.Id * 1000L + random.Next(200);
            var open = random.NextDouble() < 0.05;
            var raised = open ? now.AddHours(-random.Next(1, 24 * 20)) : now.AddDays(-random.Next(1, 730)).AddMinutes(-random.Next(1440));
            var tier = random.NextDouble() switch { < 0.7 => RepairTier.School, < 0.9 => RepairTier.Township, _ => RepairTier.Bureau };
            if (tier == RepairTier.Township && school.TownshipId is null)
            {
                tier = RepairTier.Bureau;
            }
            var state = open ? (RepairTicketState)random.Next(1, 4) : random.NextDouble() < 0.98 ? RepairTicketState.Closed : RepairTicketState.Scrapped;
            var minutes = random.Next(60, 60 * 24 * 6);
            var values = new object?[]
            {
                device, $"BBT-{device % 1000:D4}", school.Id, school.Name, school.Path, school.TownshipId, school.CountyId, (int)state, (int)tier,
                Binary(raised), Binary(open ? now.AddDays(random.Next(1, 6)) : raised.AddDays(3)), state == RepairTicketState.Waiting ? null : "技术员",
                random.NextDouble() < 0.08, Binary(raised), state.IsOpen() && state != RepairTicketState.Resolved ? null : Binary(raised.AddMinutes(minutes)),
                open ? null : Binary(raised.AddMinutes(minutes + 600)), state == RepairTicketState.Closed ? minutes : null,
            };
            for (var v = 0; v < values.Length; v++)
            {
                insert.Parameters[v].Value = values[v] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }
}
