using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.LabRecords;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;

namespace EduPortal.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/EduPortal.Benchmarks -- labs [records]`: the large district with
/// 200,000 lab records (three photos each) in a SQLite file; gallery pages, statistics, and the ratio of each to a
/// plain indexed COUNT(*) over the same filter.
/// </summary>
public static class LabRecordsBenchmark
{
    public static async Task RunAsync(int recordCount)
    {
        // KEEP_BENCH_DB=<folder> keeps the seeded database there and reuses it on the next run (no reseeding).
        var kept = Environment.GetEnvironmentVariable("KEEP_BENCH_DB");
        var folder = string.IsNullOrEmpty(kept) ? Path.Combine(Path.GetTempPath(), "eduportal-bench-labs-" + Guid.NewGuid().ToString("N")) : kept;
        var reuse = File.Exists(Path.Combine(folder, "bench.db"));
        Directory.CreateDirectory(folder);
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
        var factory = new PooledDbContextFactory<EduPortalDbContext>(builder.Options);
        var clock = TimeProvider.System;
        Console.WriteLine($"Lab records benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite file, {recordCount:N0} records");

        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        if (reuse)
        {
            Console.WriteLine($"Reusing the database in {folder}");
        }
        else
        {
            await using var db = await factory.CreateDbContextAsync();
            await new DemoDataSeeder(db, clock).SeedAsync(SeedSize.Large, () => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword));
            await LabCatalogueSeeder.SeedDefaultAsync(db);
            var watch = Stopwatch.StartNew();
            await InsertRecordsAsync(db, recordCount);
            Console.WriteLine($"{"Insert records (3 photos each, one transaction)",-58} {watch.Elapsed.TotalSeconds,7:F1} s");
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            // The SQL inserts above bypass SaveChanges, which keeps the statistics' roll-ups: count them once.
            var watch = Stopwatch.StartNew();
            await LabTallies.RebuildIfMissingAsync(db);
            Console.WriteLine($"{"Roll-ups counted from the records (once)",-58} {watch.Elapsed.TotalSeconds,7:F1} s   "
                + $"{await db.LabDayTallies.CountAsync():N0} day / {await db.LabTeacherTermTallies.CountAsync():N0} teacher-term / {await db.LabExperimentTermTallies.CountAsync():N0} experiment-term rows");
        }

        Caller city;
        Caller county;
        int countyId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var cityId = await db.Users.Where(u => u.UserName == DemoAccounts.CityAdmin).Select(u => u.Id).SingleAsync();
            var countyAdminId = await db.Users.Where(u => u.UserName == DemoAccounts.CountyAdmin).Select(u => u.Id).SingleAsync();
            city = (await CallerAccessor.LoadAsync(db, cityId))!;
            county = (await CallerAccessor.LoadAsync(db, countyAdminId))!;
            countyId = county.OrgUnitId;
        }

        var gallery = new LabGalleryService(factory);
        var statistics = new LabStatisticsService(factory, Options.Create(new LabRecordOptions()), clock);
        var filtered = new GalleryQuery(CountyId: countyId, Subject: LabSubject.Physics);
        var total = (await gallery.SearchAsync(city, filtered)).Total;
        var lastFullPage = Math.Max(0, total / 10 - 1);
        var page500 = Math.Min(499, lastFullPage);

        async Task<int> CountAsync(GalleryQuery query)
        {
            await using var db = await factory.CreateDbContextAsync();
            return await LabGalleryService.Filter(db.LabRecords.AsNoTracking().VisibleTo(city).Where(r => r.Shown), query).CountAsync();
        }

        var floor = await Bench.MeasureAsync(() => CountAsync(filtered));
        Console.WriteLine($"{"COUNT(*) county + physics (floor)",-58} {floor.Text}   rows {total:N0}");
        var first = await Bench.MeasureAsync(() => gallery.SearchAsync(city, filtered));
        Console.WriteLine($"{"Gallery first page (24), county + physics",-58} {first.Text}   ×{first.Median / floor.Median:F1} of floor");
        var deep = await Bench.MeasureAsync(() => gallery.SearchAsync(city, filtered with { Page = page500, PageSize = 10 }));
        Console.WriteLine($"{$"Gallery page {page500 + 1} (10 a page), county + physics",-58} {deep.Text}   ×{deep.Median / floor.Median:F1} of floor");
        var allFloor = await Bench.MeasureAsync(() => CountAsync(new GalleryQuery()));
        var deepAll = await Bench.MeasureAsync(() => gallery.SearchAsync(city, new GalleryQuery(Page: 499)));
        Console.WriteLine($"{"Gallery page 500 (24 a page), no filter",-58} {deepAll.Text}   ×{deepAll.Median / allFloor.Median:F1} of COUNT(*) {allFloor.Median:F1} ms");

        var query = statistics.DefaultQuery();
        async Task<int> TermCountAsync(Caller caller)
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.LabRecords.WithinJurisdiction(caller).CountAsync(r => r.Shown && r.LessonDate >= query.From && r.LessonDate <= query.To);
        }

        const double Aim = 100;
        var aims = new List<(string Page, double Median)>();
        if (Environment.GetEnvironmentVariable("LABS_PROFILE") is not null)
        {
            var term = SchoolTerm.Containing(query.From);
            Console.WriteLine("names " + (await Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.Users.AsNoTracking().WithinJurisdiction(city).Where(u => u.Level <= AdminLevel.School).Select(u => new { u.Id, u.RealName }).ToDictionaryAsync(u => u.Id, u => u.RealName);
            })).Text);
            Console.WriteLine("tallies " + (await Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.LabTeacherTermTallies.AsNoTracking().Where(t => t.TermStart == term.Start).Select(t => new { t.TeacherId, t.SchoolId, t.Records, t.LastLessonDate }).ToListAsync();
            })).Text);
            Console.WriteLine("experiments " + (await Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.LabExperimentTermTallies.AsNoTracking().Where(t => t.TermStart == term.Start).Select(t => new { t.SchoolId, t.ExperimentId }).ToListAsync();
            })).Text);
            Console.WriteLine("catalogue " + (await Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.LabExperiments.AsNoTracking().WithinJurisdiction(city).Where(e => e.Active).ToListAsync();
            })).Text);
        }
        var countyFloor = await Bench.MeasureAsync(() => TermCountAsync(county));
        var countyStats = await Bench.MeasureAsync(() => statistics.GetAsync(county, query));
        Console.WriteLine($"{"Statistics page, county admin, this term",-58} {countyStats.Text}   ×{countyStats.Median / countyFloor.Median:F1} of COUNT(*) {countyFloor.Median:F1} ms");
        var cityFloor = await Bench.MeasureAsync(() => TermCountAsync(city));
        var cityStats = await Bench.MeasureAsync(() => statistics.GetAsync(city, query));
        aims.Add(("Statistics page, county admin, this term", countyStats.Median));
        aims.Add(("Statistics page, city admin, this term", cityStats.Median));
        Console.WriteLine($"{"Statistics page, city admin, this term",-58} {cityStats.Text}   ×{cityStats.Median / cityFloor.Median:F1} of COUNT(*) {cityFloor.Median:F1} ms");
        // The tab shows one page of 20 (paged, ordered and named in SQL); the export reads every teacher.
        var countyTeachers = await Bench.MeasureAsync(() => statistics.TeachersPageAsync(county, query, 0, 20));
        Console.WriteLine($"{"  per-teacher tab (page of 20), county admin",-58} {countyTeachers.Text}");
        var cityTeachers = await Bench.MeasureAsync(() => statistics.TeachersPageAsync(city, query, 0, 20));
        aims.Add(("Per-teacher tab, county admin", countyTeachers.Median));
        aims.Add(("Per-teacher tab, city admin", cityTeachers.Median));
        Console.WriteLine($"{"  per-teacher tab (page of 20), city admin",-58} {cityTeachers.Text}");
        var cityTeachersLast = await Bench.MeasureAsync(() => statistics.TeachersPageAsync(city, query, 500, 20));
        Console.WriteLine($"{"  per-teacher tab, city admin, page 501",-58} {cityTeachersLast.Text}");
        var cityTeachersAll = await Bench.MeasureAsync(() => statistics.TeachersAsync(city, query));
        Console.WriteLine($"{"  every teacher (the export's rows), city admin",-58} {cityTeachersAll.Text}");
        // The coverage tab shows one page of 20 rows (only the page's schools' experiments are read); the export has every row.
        var countyCoverage = await Bench.MeasureAsync(() => statistics.CoveragePageAsync(county, null, 0, 20));
        Console.WriteLine($"{"  coverage (开出率) tab (page of 20), county admin",-58} {countyCoverage.Text}");
        var cityCoverage = await Bench.MeasureAsync(() => statistics.CoveragePageAsync(city, null, 0, 20));
        aims.Add(("Coverage (开出率) tab, county admin", countyCoverage.Median));
        aims.Add(("Coverage (开出率) tab, city admin", cityCoverage.Median));
        Console.WriteLine($"{"  coverage (开出率) tab (page of 20), city admin",-58} {cityCoverage.Text}");
        var coverageRows = Bench.Ok(await statistics.CoveragePageAsync(city, null, 0, 20)).Total;
        var cityCoverageLast = await Bench.MeasureAsync(() => statistics.CoveragePageAsync(city, null, coverageRows / 20, 20));
        Console.WriteLine($"{$"  coverage tab, city admin, last page ({coverageRows:N0} rows)",-58} {cityCoverageLast.Text}");
        var cityCoverageAll = await Bench.MeasureAsync(() => statistics.CoverageAsync(city));
        Console.WriteLine($"{"  every coverage row (the export's rows), city admin",-58} {cityCoverageAll.Text}");
        // A range other than the term so far (here: the last 30 days) reads the daily roll-up for weeks and subjects
        // and the records for the per-school teacher counts.
        var month = new StatisticsQuery(ChinaTime.Today(clock).AddDays(-29), ChinaTime.Today(clock));
        var cityMonth = await Bench.MeasureAsync(() => statistics.GetAsync(city, month));
        Console.WriteLine($"{"Statistics page, city admin, last 30 days",-58} {cityMonth.Text}");
        aims.Add(("Statistics page, city admin, last 30 days", cityMonth.Median));
        Console.WriteLine();
        Console.WriteLine("| Page (large district, SQLite) | Median | Aim | |\n|---|---|---|---|");
        foreach (var (page, median) in aims)
        {
            Console.WriteLine($"| {page} | {median:F1} ms | < {Aim:F0} ms | {(median < Aim ? "met" : "**missed**")} |");
        }
        Console.WriteLine($"Managed memory after the run: {GC.GetTotalMemory(false) / 1024 / 1024} MiB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        if (Environment.GetEnvironmentVariable("KEEP_BENCH_DB") is null)
        {
            Directory.Delete(folder, recursive: true);
        }
        else
        {
            Console.WriteLine($"Database kept at {folder}");
            await using var db = await factory.CreateDbContextAsync();
            Console.WriteLine(LabGalleryService.Filter(LabGalleryService.Shown(db), filtered).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Skip(24).Take(24)
                .Select(r => new { r.Id, Thumb = r.Media.Where(m => m.Slot == LabMediaSlot.FrontToBack).Select(m => m.Id).FirstOrDefault() }).ToQueryString());
        }
    }

    private static async Task InsertRecordsAsync(EduPortalDbContext db, int count)
    {
        var schools = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync();
        var counties = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County).Select(o => new { o.Id, o.Path }).ToListAsync();
        var teachers = (await db.Users.Where(u => u.Level == AdminLevel.Teacher).Select(u => new { u.Id, u.RealName, u.OrgUnitId }).ToListAsync())
            .GroupBy(t => t.OrgUnitId).ToDictionary(g => g.Key, g => g.ToList());
        var catalogue = await db.LabExperiments.Select(e => new { e.Id, e.Subject, e.Grade, e.Name, e.Kind }).ToListAsync();
        var random = new Random(7);
        var today = ChinaTime.Today(TimeProvider.System);
        var toBinary = new DateTimeOffsetToBinaryConverter();
        long Binary(DateTimeOffset value) => (long)toBinary.ConvertToProvider(value)!;

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insertRecord = connection.CreateCommand();
        insertRecord.Transaction = transaction;
        insertRecord.CommandText = """
            INSERT INTO LabRecords (TeacherId, TeacherName, SchoolId, SchoolName, SchoolPath, CountyId, Subject, Kind, ExperimentId, Title,
              ClassId, ClassName, Grade, LessonDate, Period, State, Shown, CreatedAt, UpdatedAt, PublishedAt, Version)
            VALUES ($t, $tn, $s, $sn, $sp, $c, $subj, $kind, $e, $title, NULL, '八年级1班', $grade, $date, 2, $state, $shown, $at, $at, $at, 1);
            SELECT last_insert_rowid();
            """;
        string[] names = ["$t", "$tn", "$s", "$sn", "$sp", "$c", "$subj", "$kind", "$e", "$title", "$grade", "$date", "$state", "$shown", "$at"];
        foreach (var name in names)
        {
            var p = insertRecord.CreateParameter();
            p.ParameterName = name;
            insertRecord.Parameters.Add(p);
        }
        await using var insertMedia = connection.CreateCommand();
        insertMedia.Transaction = transaction;
        insertMedia.CommandText = "INSERT INTO LabMedia (RecordId, Slot, FileKey, ThumbnailKey, ContentType, Length) VALUES ($r, $slot, $k, $tk, 'image/jpeg', 400000)";
        foreach (var name in new[] { "$r", "$slot", "$k", "$tk" })
        {
            var p = insertMedia.CreateParameter();
            p.ParameterName = name;
            insertMedia.Parameters.Add(p);
        }
        for (var i = 0; i < count; i++)
        {
            var school = schools[random.Next(schools.Count)];
            if (!teachers.TryGetValue(school.Id, out var staff))
            {
                i--;
                continue;
            }
            var teacher = staff[random.Next(staff.Count)];
            var experiment = catalogue[random.Next(catalogue.Count)];
            var date = today.AddDays(-random.Next(0, 365));
            var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(16, 0)), TimeSpan.FromHours(8)).AddMinutes(random.Next(0, 600));
            var state = random.NextDouble() < 0.97 ? LabRecordState.SelfPublished : LabRecordState.Approved;
            object?[] values = [teacher.Id, teacher.RealName, school.Id, school.Name, school.Path,
                counties.First(c => school.Path.StartsWith(c.Path, StringComparison.Ordinal)).Id, (int)experiment.Subject, (int)experiment.Kind, experiment.Id,
                experiment.Name, experiment.Grade, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (int)state, 1, Binary(at)];
            for (var p = 0; p < values.Length; p++)
            {
                insertRecord.Parameters[p].Value = values[p];
            }
            var id = (long)(await insertRecord.ExecuteScalarAsync())!;
            for (var slot = 1; slot <= 3; slot++)
            {
                insertMedia.Parameters[0].Value = id;
                insertMedia.Parameters[1].Value = slot;
                insertMedia.Parameters[2].Value = $"lab-photos/2026/11/{id:x24}{slot:x8}.jpg";
                insertMedia.Parameters[3].Value = $"lab-photos/2026/11/{id:x24}{slot:x8}-thumb.jpg";
                await insertMedia.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
