using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Competitions;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Features.Smartboards.Safety;
using EduPortal.Web.Features.Smartboards.Training;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Bulletins;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Infrastructure.Reports;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>The <c>Smartboards</c> configuration section.</summary>
public sealed class SmartboardOptions
{
    /// <summary>
    /// The address printed into the labels' QR codes (e.g. https://jy.example.gov.cn); empty: the address the label
    /// sheet was requested at.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Wires the 班班通 module (register, devices, labels, import/export, transfers, coverage, staffing, use records, working-day
/// calendar, repair tickets, safety inspections, training and archives, demo lessons and competitions).
/// </summary>
public static class SmartboardsModule
{
    public const string EscalationJobId = "smartboards-repair-escalation";
    public const string SafetyReminderJobId = "smartboards-safety-reminder";
    public const string RepairFiguresJobId = "smartboards-repair-figures";

    public static IServiceCollection AddSmartboards(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmartboardOptions>(configuration.GetSection("Smartboards"));
        services.AddScoped<SmartboardRegisterService>();
        services.AddScoped<SmartboardLabelService>();
        services.AddScoped<SmartboardLedgerService>();
        services.AddScoped<SmartboardTransferService>();
        services.AddScoped<SmartboardCoverageService>();
        services.AddMetricSource<SmartboardCoverageMetric>();
        services.AddMetricSource<SmartboardBandwidthMetric>();
        services.AddScoped<SmartboardStaffingService>();
        services.AddMetricSource<SmartboardStaffingMetric>();
        services.AddScoped<SmartboardUseService>();
        services.AddScoped<SmartboardUseImportService>();
        services.AddMetricSource<SmartboardSubjectCoverageMetric>();
        services.AddScoped<WorkingCalendarService>();
        services.AddScoped<RepairTicketService>();
        services.AddScoped<RepairFiguresService>();
        services.AddScoped<SafetyService>();
        services.AddMetricSource<RepairOverdueShareMetric>();
        services.AddScoped<TrainingService>();
        services.AddScoped<ArchiveService>();
        services.AddScoped<DemoLessonService>();
        services.AddScoped<CompetitionService>();
        services.AddMetricSource<DemoLessonComplianceMetric>();
        services.AddBulletinSection<SmartboardCoverageBulletinSection>();
        services.AddBulletinSection<RepairsSafetyBulletinSection>();
        return services;
    }

    /// <summary>
    /// Files of the register: the label sheet (PDF) of a school or one device. Outside the caller's subtree the answer
    /// is 404, the same as for an id that does not exist.
    /// </summary>
    public static void MapSmartboardsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/smartboards/schools/{schoolId:int}/labels.pdf", async (int schoolId, long[]? device, HttpContext http,
            IDbContextFactory<EduPortalDbContext> dbFactory, SmartboardLabelService labels, IOptions<SmartboardOptions> options, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var rows = await labels.LabelsAsync(caller, schoolId, device, BaseUrl(http, options.Value), cancellationToken);
            if (rows is null)
            {
                return Results.NotFound();
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var schoolName = await db.OrgUnits.Where(o => o.Id == schoolId).Select(o => o.Name).SingleAsync(cancellationToken);
            return Results.File(labels.BuildPdf(schoolName, rows), PdfReport.ContentType, $"{schoolName}-资产标签.pdf");
        }).RequireAuthorization();
        MapLedgerEndpoints(endpoints);
        endpoints.MapGet("/smartboards/coverage.xlsx", async (HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory, SmartboardCoverageService coverage,
            TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            if (await coverage.ReportAsync(caller, cancellationToken) is not { } report)
            {
                return Results.NotFound();
            }
            return Results.File(coverage.BuildWorkbook(report), Infrastructure.Excel.ExcelExport.ContentType,
                $"{report.Scope.Name}-班班通覆盖率-{ChinaTime.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmm}.xlsx");
        }).RequireAuthorization();
        endpoints.MapGet("/smartboards/use.xlsx", async (HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory, SmartboardUseService use,
            TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            if (await use.ReportAsync(caller, cancellationToken) is not { } report)
            {
                return Results.NotFound();
            }
            return Results.File(use.BuildWorkbook(report), Infrastructure.Excel.ExcelExport.ContentType,
                $"{report.Scope.Name}-班班通应用-{ChinaTime.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmm}.xlsx");
        }).RequireAuthorization();
        MapServiceEndpoints(endpoints);
        MapTrainingEndpoints(endpoints);
        endpoints.MapGet("/smartboards/demo-lessons.xlsx", async (int? year, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            DemoLessonService demoLessons, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            if (await demoLessons.ReportAsync(caller, year ?? demoLessons.CurrentYear, cancellationToken) is not { } report)
            {
                return Results.NotFound();
            }
            return Results.File(demoLessons.BuildWorkbook(report), Infrastructure.Excel.ExcelExport.ContentType, demoLessons.FileName(report));
        }).RequireAuthorization(Policies.Admin);
    }

    /// <summary>
    /// The per-teacher training hours list, each kind of a school's archive and the archive's documents. Outside the
    /// caller's subtree the answer is 404, the same as for an id that does not exist.
    /// </summary>
    private static void MapTrainingEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/smartboards/training/hours.xlsx", async (int? year, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            TrainingService training, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var period = year ?? training.CurrentYear;
            var rows = await training.HoursAsync(caller, period, cancellationToken);
            return Results.File(training.BuildHoursWorkbook(caller, period, rows), Infrastructure.Excel.ExcelExport.ContentType, training.HoursFileName(caller, period));
        }).RequireAuthorization(Policies.Admin);
        endpoints.MapGet("/smartboards/schools/{schoolId:int}/archive/{kind}.xlsx", async (int schoolId, string kind, int? year, HttpContext http,
            IDbContextFactory<EduPortalDbContext> dbFactory, ArchiveService archives, TrainingService training, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            if (!Enum.TryParse<ArchiveKind>(kind, ignoreCase: true, out var archiveKind) || !Enum.IsDefined(archiveKind) || int.TryParse(kind, out _))
            {
                return Results.NotFound();
            }
            var archive = await archives.ArchiveAsync(caller, schoolId, year ?? training.CurrentYear, cancellationToken);
            if (!archive.Succeeded)
            {
                return Results.NotFound();
            }
            var (content, fileName) = archives.BuildWorkbook(archive.Value!, archiveKind);
            return Results.File(content, Infrastructure.Excel.ExcelExport.ContentType, fileName);
        }).RequireAuthorization();
        endpoints.MapGet("/smartboards/archive/documents/{documentId:int}/file", async (int documentId, HttpContext http,
            IDbContextFactory<EduPortalDbContext> dbFactory, ArchiveService archives, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var file = await archives.OpenFileAsync(caller, documentId, cancellationToken);
            return file is { } f ? StoredFileResults.Serve(http, f.Stream, f.ContentType, $"archive-{documentId}") : Results.NotFound();
        }).RequireAuthorization();
    }

    /// <summary>Photos of tickets and of rectified findings, served only to callers who may open the ticket or finding.</summary>
    private static void MapServiceEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/smartboards/repairs/{ticketId:long}/photo", async (long ticketId, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            RepairTicketService tickets, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var stream = await tickets.OpenPhotoAsync(caller, ticketId, cancellationToken);
            return stream is { } photo ? StoredFileResults.Serve(http, photo.Stream, photo.ContentType, $"repair-{ticketId}") : Results.NotFound();
        }).RequireAuthorization();
        endpoints.MapGet("/smartboards/safety/findings/{findingId:int}/photo", async (int findingId, HttpContext http,
            IDbContextFactory<EduPortalDbContext> dbFactory, SafetyService safety, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var stream = await safety.OpenPhotoAsync(caller, findingId, cancellationToken);
            return stream is { } photo ? StoredFileResults.Serve(http, photo.Stream, photo.ContentType, $"safety-finding-{findingId}") : Results.NotFound();
        }).RequireAuthorization();
    }

    private static void MapLedgerEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/smartboards/use-template.xlsx", () =>
            Results.File(SmartboardUseImportService.BuildTemplate(), Infrastructure.Excel.ExcelExport.ContentType, "班班通应用课时导入模板.xlsx"))
            .RequireAuthorization(Policies.Admin);
        endpoints.MapGet("/smartboards/ledger-template.xlsx", () =>
            Results.File(SmartboardLedgerService.BuildTemplate(), Infrastructure.Excel.ExcelExport.ContentType, "班班通设备台账导入模板.xlsx"))
            .RequireAuthorization(Policies.Admin);
        endpoints.MapGet("/smartboards/ledger.xlsx", (HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory, SmartboardLedgerService ledger,
            CancellationToken cancellationToken) => ExportAsync(http, dbFactory, ledger, null, cancellationToken)).RequireAuthorization();
        endpoints.MapGet("/smartboards/schools/{schoolId:int}/ledger.xlsx", (int schoolId, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            SmartboardLedgerService ledger, CancellationToken cancellationToken) => ExportAsync(http, dbFactory, ledger, schoolId, cancellationToken)).RequireAuthorization();
    }

    private static async Task<IResult> ExportAsync(HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory, SmartboardLedgerService ledger, int? schoolId,
        CancellationToken cancellationToken)
    {
        var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        var export = await ledger.ExportAsync(caller, schoolId, cancellationToken);
        if (export is not { } file)
        {
            return Results.NotFound();
        }
        // The workbook was streamed to a temporary file; it is deleted once sent.
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return Results.File(stream, Infrastructure.Excel.ExcelExport.ContentType, file.FileName);
    }

    /// <summary>The portal's public address for QR codes: configured (Smartboards:PublicBaseUrl) or the request's own.</summary>
    public static string BaseUrl(HttpContext http, SmartboardOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? options.PublicBaseUrl.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>
    /// The escalation job every 15 minutes, the rectification reminder each morning and the repair figures' snapshot each night (China time). AddOrUpdate with
    /// fixed ids: registering again at every start replaces the schedule instead of adding a second one, and both jobs
    /// change nothing when run twice.
    /// </summary>
    public static void ScheduleSmartboardsJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = ChinaTime.Zone };
        jobs.AddOrUpdate<RepairTicketService>(EscalationJobId, service => service.EscalateOverdueAsync(CancellationToken.None), "*/15 * * * *", options);
        jobs.AddOrUpdate<SafetyService>(SafetyReminderJobId, service => service.RemindAsync(CancellationToken.None), "30 7 * * *", options);
        // Just after midnight: the repair figures' snapshot of the settled tickets (the figures page adds the live rest).
        jobs.AddOrUpdate<RepairFiguresService>(RepairFiguresJobId, service => service.TakeSnapshotAsync(CancellationToken.None), "5 0 * * *", options);
    }

    /// <summary>Demo classrooms and devices for every demo school, a year of repair tickets, an inspection round and a term of use records (deterministic; nothing when the register holds rooms already).</summary>
    public static async Task SeedSmartboardsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (seed.Demo)
        {
            await new SmartboardsDemoSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken);
            await new SmartboardUseDemoSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken);
            await new SmartboardServiceDemoSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken);
            await new SmartboardDemoLessonSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken);
            if (await new SmartboardTrainingDemoSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken) > 0)
            {
                await SeedTechnicalDocumentsAsync(seed, cancellationToken);
            }
        }
    }

    /// <summary>Two 技术资料 documents of the demo school, stored through the upload pipeline like any upload.</summary>
    private static async Task SeedTechnicalDocumentsAsync(SeedContext seed, CancellationToken cancellationToken)
    {
        var admin = await seed.Db.Users.AsNoTracking().Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.SchoolAdmin, cancellationToken);
        if (admin?.OrgUnit is null)
        {
            return;
        }
        var caller = new Domain.Accounts.Caller(admin.Id, admin.RealName, admin.Level, admin.OrgUnitId, admin.OrgUnit.Name, admin.OrgUnit.Path, admin.OrgUnit.Kind,
            admin.Capabilities);
        var archives = seed.Services.GetRequiredService<ArchiveService>();
        var today = ChinaTime.Today(seed.Clock);
        foreach (var (title, fileName, daysAgo) in new[] { ("班班通设备安装验收单", "安装验收单.pdf", 200), ("交互式一体机使用说明书", "一体机说明书.pdf", 180) })
        {
            using var pdf = new MemoryStream(MinimalPdf(title));
            await archives.FileAsync(caller, admin.OrgUnitId, ArchiveKind.TechnicalDocument, title, today.AddDays(-daysAgo), null, pdf, pdf.Length, fileName,
                cancellationToken);
        }
    }

    private static byte[] MinimalPdf(string title) => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n% " + title.Length + "\n");
}
