using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// `surveys` mode: a city-wide survey round over the large district (every school submitted), then the
/// board, the round's Excel workbook and every school's PDF form, with time and memory.
/// </summary>
internal static class SurveyBenchmark
{
    public static async Task RunAsync(IDbContextFactory<EduPortalDbContext> factory, TimeProvider clock, Caller city,
        Func<Func<Task>, int, Task<string>> time, Action<string, string> report)
    {
        var watch = Stopwatch.StartNew();
        int roundId;
        const string Title = "全市中小学实验教学情况调查（基准测试）";
        await using (var db = await factory.CreateDbContextAsync())
        {
            // A database kept by KEEP_BENCH_DB already has the round.
            var existing = await db.SurveyRounds.Where(r => r.Title == Title).Select(r => (int?)r.Id).FirstOrDefaultAsync();
            roundId = existing ?? (await new SurveyDemoSeeder(db, clock).FillRoundAsync(city, Title,
                submittedShare: 1.0, draftShare: 0, everySchool: true)).Id;
            report("Survey round: fill and submit every school's form", $"{watch.Elapsed.TotalSeconds,7:F2} s ({await db.SchoolSurveys.CountAsync(s => s.RoundId == roundId)} forms)");
        }
        var surveys = new SurveyService(factory, clock);

        var boardTiming = await EduPortal.Benchmarks.Bench.MeasureAsync(() => surveys.GetBoardAsync(city, roundId), 9);
        report("Survey board, city admin (500 schools, totals, rates)",
            $"{boardTiming.Text}   aim < 100 ms: {(boardTiming.Median < 100 ? "met" : "MISSED")}");
        EduPortal.Benchmarks.SqlLog.On = true;
        var board = (await surveys.GetBoardAsync(city, roundId)).Value!;
        EduPortal.Benchmarks.SqlLog.On = false;
        report("  schools / submitted / registration rate", $"{board.Rows.Count} / {board.Total.Submitted} / {EduPortal.Domain.Surveys.RegistrationRate.Format(board.Total.Rate)}");
        async Task<Dictionary<int, EduPortal.Domain.Organization.SchoolStage>> Stages()
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.OrgUnits.Where(o => o.Kind == EduPortal.Domain.Organization.OrgUnitKind.School).ToDictionaryAsync(o => o.Id, o => o.Stage);
        }
        // SURVEYS_PROFILE=1: the board's heavy reads on their own, before and now (then stop: no workbook, no PDFs).
        if (Environment.GetEnvironmentVariable("SURVEYS_PROFILE") is not null)
        {
            report("  profile: schools with class counts", (await EduPortal.Benchmarks.Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.OrgUnits.AsNoTracking().Where(o => o.Kind == EduPortal.Domain.Organization.OrgUnitKind.School)
                    .Select(o => new { o.Id, o.Name, o.Path, o.Kind, o.Stage, o.StudentCount, Classes = o.Classes.Count }).ToListAsync();
            })).Text);
            report("  profile: the round's forms with their rows, as entities (before)", (await EduPortal.Benchmarks.Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.SchoolSurveys.AsNoTracking().Where(s => s.RoundId == roundId).ToDictionaryAsync(s => s.SchoolId);
            })).Text);
            report("  profile: serving accounts per school and subject list, all groups (before)", (await EduPortal.Benchmarks.Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.Users.AsNoTracking().Where(u => u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving
                        && u.OrgUnit!.Kind == EduPortal.Domain.Organization.OrgUnitKind.School && u.SubjectsText != "")
                    .GroupBy(u => new { u.OrgUnitId, u.SubjectsText }).Select(g => new { g.Key.OrgUnitId, g.Key.SubjectsText, Teachers = g.Count() }).ToListAsync();
            })).Text);
            report("  profile: the round's forms, scalar columns projected", (await EduPortal.Benchmarks.Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.SchoolSurveys.AsNoTracking().Where(s => s.RoundId == roundId)
                    .Select(s => new { s.SchoolId, s.Status, s.Version, s.UpdatedAt, s.SubmittedAt, s.SchoolName, s.LabLeadName, s.LabLeadPhone, s.AdminName, s.AdminPhone, s.StudentCount, s.ClassCount })
                    .ToListAsync();
            })).Text);
            report("  profile: the round's subject rows projected", (await EduPortal.Benchmarks.Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await db.SchoolSurveys.AsNoTracking().Where(s => s.RoundId == roundId)
                    .SelectMany(s => s.Rows, (s, r) => new { s.SchoolId, r.Subject, r.Position, r.Teachers, r.FullTime, r.LabRooms })
                    .ToListAsync();
            })).Text);
            var stages = await Stages();
            report("  profile: registered per school, groups naming a surveyed subject (now)", (await EduPortal.Benchmarks.Bench.MeasureAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync();
                await SurveyedTeachers.CountPerSchoolAsync(db.Users.AsNoTracking().ActiveServing(), stages, CancellationToken.None);
            })).Text);
            return;
        }

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        var workbook = await surveys.ExportExcelAsync(city, roundId);
        var excelSeconds = watch.Elapsed.TotalSeconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
        report("Survey Excel workbook (summary + a sheet per county)", $"{excelSeconds,7:F2} s, {workbook.Value.Content.Length / 1024} KiB, {allocated:F0} MiB allocated");

        // Every school's PDF the way the page gets it (jurisdiction query + layout + render) ...
        var schoolIds = board.Rows.Select(r => r.SchoolId).ToList();
        await surveys.ExportPdfAsync(city, roundId, schoolIds[0]); // warm-up: font load, JIT
        GC.Collect();
        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long bytes = 0;
        watch.Restart();
        foreach (var schoolId in schoolIds)
        {
            bytes += (await surveys.ExportPdfAsync(city, roundId, schoolId)).Value.Content.Length;
        }
        var pdfSeconds = watch.Elapsed.TotalSeconds;
        allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
        report($"All {schoolIds.Count} PDF forms, one by one (query + render)",
            $"{pdfSeconds,7:F2} s, {pdfSeconds * 1000 / schoolIds.Count:F1} ms per form, {bytes / schoolIds.Count / 1024} KiB per form, {allocated:F0} MiB allocated");

        // ... and the rendering alone, from forms already loaded.
        var views = new List<SurveyFormView>();
        foreach (var schoolId in schoolIds)
        {
            views.Add((await surveys.GetFormAsync(city, roundId, schoolId)).Value!);
        }
        watch.Restart();
        foreach (var view in views)
        {
            SurveyPdf.Build(view);
        }
        report("  PDF rendering alone (layout + SkiaSharp PDF)", $"{watch.Elapsed.TotalSeconds,7:F2} s, {watch.Elapsed.TotalMilliseconds / views.Count:F1} ms per form");

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        report("Peak working set of the process (seed included)", $"{process.PeakWorkingSet64 / 1024 / 1024} MiB; managed heap now {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MiB");
    }
}
