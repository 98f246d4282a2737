using EduPortal.Data;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace EduPortal.Web.Features.Exports;

/// <summary>
/// Wires the export centre (我的导出): the centre and its job runner, the owner-only download endpoint and the
/// hourly clean-up of expired files. The kinds themselves are registered by their modules (<c>AddExportKind</c>).
/// </summary>
public static class ExportsModule
{
    public const string ExpiryJobId = "exports-expire-files";

    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportsOptions>(configuration.GetSection("Exports"));
        services.AddScoped<ExportCentre>();
        services.AddScoped<ExportRunner>();
        return services;
    }

    /// <summary>
    /// The file of a finished export, for its owner only: anyone else gets 404 (as for an id that does not exist); an
    /// expired or unfinished export answers 410 / 409 with a Chinese sentence saying why.
    /// </summary>
    public static void MapExportsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{exportId:long}/file", async (long exportId, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            ExportCentre centre, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var opened = await centre.OpenAsync(caller.UserId, exportId, cancellationToken);
            if (!opened.Succeeded)
            {
                return opened.Error switch
                {
                    NotFoundError => Results.NotFound(),
                    var error when error!.Message == Domain.Exports.ExportJob.ExpiredMessage =>
                        Results.Text(error.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status410Gone),
                    var error => Results.Text(error!.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict),
                };
            }
            var file = opened.Value!;
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            // The name was built by the kind on the server (period and time of making), never taken from a user.
            return Results.Stream(file.Stream, file.ContentType, file.FileName, enableRangeProcessing: true);
        }).RequireAuthorization();
    }

    /// <summary>The clean-up every hour (China time): expired files deleted, lost exports failed. Fixed id, so a restart replaces it.</summary>
    public static void ScheduleExportsJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<ExportCentre>(ExpiryJobId, centre => centre.ExpireAsync(CancellationToken.None), "17 * * * *",
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
    }

    /// <summary>No demo data: exports are made by people using the portal.</summary>
    public static Task SeedExportsAsync(this SeedContext seed, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
