using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.CloudSpaces.Awards;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Bulletins;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Exports;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>
/// Wires the teachers' cloud spaces module (教师教育云空间, circular 001): term assessments, statistics import,
/// checklists, the school's award and compliance; and the district's award rounds with expert scoring
/// (<see cref="AwardRoundService"/>).
/// </summary>
public static class CloudSpacesModule
{
    public static IServiceCollection AddCloudSpaces(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<CloudSpaceTermService>();
        services.AddScoped<CloudSpaceImportService>();
        services.AddScoped<CloudSpaceComplianceService>();
        services.AddMetricSource<CloudSpaceComplianceMetric>();
        // --- district award rounds (§四(三)) ---
        services.AddScoped<AwardRoundService>();
        services.AddExportKind<AwardCertificatesExport>();
        services.AddBulletinSection<CloudSpacesBulletinSection>();
        return services;
    }

    /// <summary>The import template and the compliance export; outside the caller's subtree nothing is listed.</summary>
    public static void MapCloudSpacesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cloudspaces/statistics-template.xlsx", () =>
            Results.File(CloudSpaceImportService.BuildTemplate(), ExcelExport.ContentType, "教师云空间统计导入模板.xlsx"))
            .RequireAuthorization(Policies.Admin);
        endpoints.MapGet("/cloudspaces/compliance.xlsx", async (DateOnly? start, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            CloudSpaceComplianceService compliance, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var report = await compliance.ReportAsync(caller, start, cancellationToken);
            return report.Succeeded
                ? Results.File(CloudSpaceComplianceService.BuildWorkbook(report.Value!), ExcelExport.ContentType, report.Value!.FileName)
                : Results.NotFound();
        }).RequireAuthorization(Policies.Admin);

        // --- district award rounds (§四(三)) ---
        // The results workbook and the certificates. Outside the round's county, or before publication for anyone but
        // the county admin running it, the answer is 404, the same as for an id that does not exist.
        endpoints.MapGet("/cloudspaces/awards/{roundId:int}/results.xlsx", async (int roundId, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            AwardRoundService awards, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var results = await awards.ResultsAsync(caller, roundId, cancellationToken);
            return results.Succeeded
                ? Results.File(AwardWorkbook.Build(results.Value!), ExcelExport.ContentType, AwardWorkbook.FileName(results.Value!))
                : Results.NotFound();
        }).RequireAuthorization();
        endpoints.MapGet("/cloudspaces/awards/{roundId:int}/certificates.pdf", (int roundId, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            AwardRoundService awards, CancellationToken cancellationToken) => CertificatesAsync(roundId, null, http, dbFactory, awards, cancellationToken)).RequireAuthorization();
        endpoints.MapGet("/cloudspaces/awards/{roundId:int}/certificates/{entryId:int}.pdf", (int roundId, int entryId, HttpContext http,
            IDbContextFactory<EduPortalDbContext> dbFactory, AwardRoundService awards, CancellationToken cancellationToken) =>
            CertificatesAsync(roundId, entryId, http, dbFactory, awards, cancellationToken)).RequireAuthorization();
    }

    private static async Task<IResult> CertificatesAsync(int roundId, int? entryId, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
        AwardRoundService awards, CancellationToken cancellationToken)
    {
        var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        var found = await awards.CertificatesAsync(caller, roundId, entryId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error is ConflictError conflict ? Results.Conflict(conflict.Message) : Results.NotFound();
        }
        var (round, winners) = found.Value;
        var name = winners.Count == 1 ? $"{winners[0].TeacherName ?? winners[0].SchoolName}-获奖证书.pdf" : $"{round.Title}-获奖证书.pdf";
        return Results.File(AwardCertificates.Build(round, winners), PdfReport.ContentType, name);
    }

    public static void ScheduleCloudSpacesJobs(this WebApplication app)
    {
        _ = app;
    }

    /// <summary>
    /// A finished last term with its award and the current term in progress for every demo school (deterministic;
    /// nothing when terms exist already).
    /// </summary>
    public static async Task SeedCloudSpacesAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (!seed.Demo)
        {
            return;
        }
        await seed.SeedDemoAvatarsAsync(cancellationToken);
        var lastTermIds = await new CloudSpacesDemoSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken);
        var today = ChinaTime.Today(seed.Clock);
        foreach (var termId in lastTermIds)
        {
            var term = await seed.Db.CloudSpaceTerms.SingleAsync(t => t.Id == termId, cancellationToken);
            var rows = await CloudSpaceChecklists.BuildAsync(seed.Db, [term], today, null, cancellationToken);
            var places = CloudSpaceAwardRules.Assign(
                rows.Select(r => new CloudSpaceAwardCandidate(r.TeacherId, r.Name, r.Checklist.Qualified, r.Points, r.Checklist.ExceededCount)), term.AwardCounts);
            seed.Db.CloudSpaceAwards.AddRange(places.Select(p => CloudSpaceAward.From(termId, p)));
            term.MarkAwarded(term.OpenedAt.AddDays(term.End.DayNumber - term.Start.DayNumber + 3));
        }
        await seed.Db.SaveChangesAsync(cancellationToken);

        // --- district award rounds (§四(三)): after the term data, the points ledger is seeded already ---
        if (seed.CitySeeded)
        {
            await new AwardDemoSeeder(seed.Db, seed.Clock, seed.Services.GetRequiredService<AwardRoundService>()).SeedAsync(cancellationToken);
        }
    }
}
