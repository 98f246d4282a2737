using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EduPortal.Benchmarks;

/// <summary>
/// `smartboards [devices]` mode: the large district's 班班通 register (demo rooms and devices, topped up with extra
/// devices to ~100,000), then the device list of a school, the school list and the coverage roll-up per role, and
/// the county ledger export.
/// </summary>
public static class SmartboardsBenchmark
{
    public static async Task RunAsync(int deviceTarget)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eduportal-bench-sb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
        var factory = new PooledDbContextFactory<EduPortalDbContext>(builder.Options);
        var clock = TimeProvider.System;
        Console.WriteLine($"Smartboards benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite file, target {deviceTarget:N0} devices");
        var watch = Stopwatch.StartNew();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await new DemoDataSeeder(db, clock).SeedAsync(SeedSize.Large, () => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword));
            watch.Restart();
            await new SmartboardsDemoSeeder(db, clock).SeedAsync();
            Console.WriteLine($"{"Demo register seed (rooms, devices, profiles)",-58} {watch.Elapsed.TotalSeconds,7:F1} s, {await db.Devices.CountAsync():N0} devices");
            watch.Restart();
            await TopUpAsync(db, clock, deviceTarget);
            Console.WriteLine($"{"Top-up to the target (batches of 5,000)",-58} {watch.Elapsed.TotalSeconds,7:F1} s, {await db.Devices.CountAsync():N0} devices, {await db.Classrooms.CountAsync():N0} rooms");
        }
        Caller city, county, school;
        await using (var db = await factory.CreateDbContextAsync())
        {
            async Task<Caller> Load(string userName) =>
                (await CallerAccessor.LoadAsync(db, await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync()))!;
            city = await Load(DemoAccounts.CityAdmin);
            county = await Load(DemoAccounts.CountyAdmin);
            school = await Load(DemoAccounts.SchoolAdmin);
        }
        var register = new SmartboardRegisterService(factory, clock);
        var coverage = new SmartboardCoverageService(factory, clock);
        var ledger = new SmartboardLedgerService(factory, clock);
        int devicesOfSchool;
        long anyDevice;
        await using (var db = await factory.CreateDbContextAsync())
        {
            devicesOfSchool = await db.Devices.CountAsync(d => d.SchoolId == school.OrgUnitId);
            anyDevice = await db.Devices.Where(d => d.SchoolId == school.OrgUnitId).Select(d => d.Id).FirstAsync();
        }
        Console.WriteLine($"{$"Device list of a school (register page, {devicesOfSchool} devices)",-58} {await Bench.TimeAsync(() => register.GetRegisterAsync(school, school.OrgUnitId))}");
        Console.WriteLine($"{"Device page (device, room, history)",-58} {await Bench.TimeAsync(() => register.GetDeviceAsync(school, anyDevice))}");
        Console.WriteLine($"{"School list with figures, county admin",-58} {await Bench.TimeAsync(() => register.ListSchoolsAsync(county))}");
        Console.WriteLine($"{"School list with figures, city admin",-58} {await Bench.TimeAsync(() => register.ListSchoolsAsync(city))}");
        Console.WriteLine($"{"Coverage roll-up, school admin",-58} {await Bench.TimeAsync(() => coverage.ReportAsync(school))}");
        Console.WriteLine($"{"Coverage roll-up, county admin",-58} {await Bench.TimeAsync(() => coverage.ReportAsync(county))}");
        Console.WriteLine($"{"Coverage roll-up, city admin (every school)",-58} {await Bench.TimeAsync(() => coverage.ReportAsync(city))}");
        var report = (await coverage.ReportAsync(city))!;
        Console.WriteLine($"{"  city: schools / classes / coverage",-58} {report.Scope.Schools} / {report.Scope.Coverage.Classes} / {report.Scope.Coverage.Rate:P1}");
        // The ledger import of 10,000 rows into one school (every row checked, one transaction).
        string roomName;
        await using (var db = await factory.CreateDbContextAsync())
        {
            roomName = await db.Classrooms.Where(c => c.SchoolId == school.OrgUnitId).Select(c => c.Name).FirstAsync();
        }
        using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(SmartboardLedgerService.BuildTemplate())))
        {
            var sheet = workbook.Worksheet(1);
            for (var r = 0; r < 10_000; r++)
            {
                string[] row = [$"IMP-{r:00000}", "电脑", "联想", "启天M430", $"SN{r:000000}", "自筹", "2024-08-01", "4200", "2024-08-20", "2027-08-01", r % 2 == 0 ? "在用" : "闲置", r % 2 == 0 ? roomName : "", ""];
                for (var c = 0; c < row.Length; c++)
                {
                    sheet.Cell(r + 2, c + 1).SetValue(row[c]);
                }
            }
            using var file = new MemoryStream();
            workbook.SaveAs(file);
            file.Position = 0;
            watch.Restart();
            var imported = await ledger.ImportAsync(school, school.OrgUnitId, file);
            Console.WriteLine($"{"Ledger import, 10,000 rows into one school",-58} {watch.Elapsed.TotalSeconds,7:F2} s, {imported.Value?.Imported} imported, {imported.Value?.Rejected.Count()} rejected");
        }

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        var export = await ledger.ExportAsync(county, null);
        var seconds = watch.Elapsed.TotalSeconds;
        var size = new FileInfo(export!.Value.Path).Length;
        File.Delete(export.Value.Path);
        Console.WriteLine($"{"Ledger export, county (streamed)",-58} {seconds,7:F2} s, {size / 1024} KiB, {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024 / 1024} MiB allocated");
        watch.Restart();
        export = await ledger.ExportAsync(city, null);
        size = new FileInfo(export!.Value.Path).Length;
        File.Delete(export.Value.Path);
        Console.WriteLine($"{"Ledger export, city (every device)",-58} {watch.Elapsed.TotalSeconds,7:F2} s, {size / 1024} KiB");
    }

    /// <summary>Adds computers to class rooms, round robin, until the register holds <paramref name="target"/> devices.</summary>
    private static async Task TopUpAsync(EduPortalDbContext db, TimeProvider clock, int target)
    {
        var missing = target - await db.Devices.CountAsync();
        if (missing <= 0)
        {
            return;
        }
        var rooms = await db.Classrooms.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var countBySchool = (await db.Devices.GroupBy(d => d.SchoolId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).ToDictionary(g => g.Key, g => g.Count);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new List<Device>();
        for (var i = 0; i < missing; i++)
        {
            var room = rooms[i % rooms.Count];
            var sequence = countBySchool[room.SchoolId] = countBySchool.GetValueOrDefault(room.SchoolId) + 1;
            var actor = new Caller("bench", "基准测试", AdminLevel.School, room.SchoolId, "", room.SchoolPath, OrgUnitKind.School, Capability.None);
            var details = new DeviceDetails($"PC-{sequence:00000}", DeviceType.Computer, "联想", "启天M430", null, FundingSource.SelfRaised, null, 4200m, null, null, null);
            batch.Add(Device.Register(actor, room.SchoolId, room.SchoolPath, room.CountyId, room, details, DeviceStatus.InUse, clock).Value!);
            if (batch.Count == 5_000 || i == missing - 1)
            {
                db.Devices.AddRange(batch);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                batch.Clear();
            }
        }
    }
}
