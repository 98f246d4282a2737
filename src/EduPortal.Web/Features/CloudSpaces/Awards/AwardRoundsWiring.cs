using EduPortal.Data;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces.Awards;

/// <summary>
/// The district award rounds' half of the cloud-spaces module, called from the verbs of <c>CloudSpacesModule</c> so that
/// file stays the module's single entry point.
/// </summary>
public static class AwardRoundsWiring
{
    public static IServiceCollection AddAwardRounds(this IServiceCollection services)
    {
        services.AddScoped<AwardRoundService>();
        return services;
    }

    /// <summary>
    /// The results workbook and the certificates. Outside the round's county, or before publication for anyone but the
    /// county admin running it, the answer is 404, the same as for an id that does not exist.
    /// </summary>
    public static void MapAwardRoundEndpoints(this IEndpointRouteBuilder endpoints)
    {
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

    /// <summary>Demo rounds when the demo city was just seeded: last year's published round, and this year's.</summary>
    public static async Task SeedAwardRoundsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (seed.CitySeeded)
        {
            await new AwardDemoSeeder(seed.Db, seed.Clock, seed.Services.GetRequiredService<AwardRoundService>()).SeedAsync(cancellationToken);
        }
    }
}
