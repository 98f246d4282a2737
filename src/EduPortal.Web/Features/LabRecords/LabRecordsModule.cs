using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.LabRecords;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Bulletins;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Exports;
using EduPortal.Web.Infrastructure.Files;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>Wires the lab-records module: services, the media endpoint, the weekly job and its seed data.</summary>
public static class LabRecordsModule
{
    public static IServiceCollection AddLabRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LabRecordOptions>(configuration.GetSection("LabRecords"));
        services.AddScoped<LabRecordService>();
        services.AddScoped<LabReviewService>();
        services.AddScoped<LabGalleryService>();
        services.AddExportKind<LabRecordListExport>();
        services.AddScoped<LabStatisticsService>();
        services.AddScoped<LabCatalogueService>();
        services.AddScoped<LabInactivityJob>();
        services.AddLabMetrics();
        services.AddBulletinSection<LabRecordsBulletinSection>();
        return services;
    }

    /// <summary>
    /// Photos and videos of lab records. A file is served only if the caller may see its record, so a draft's or a
    /// reported record's photos cannot be fetched by guessing ids.
    /// </summary>
    public static void MapLabRecordsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/media/{mediaId:long}", async (long mediaId, string? thumb, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            IFileStore store, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var media = await db.LabRecords.AsNoTracking().VisibleTo(caller)
                .SelectMany(r => r.Media).Where(m => m.Id == mediaId)
                .Select(m => new { m.FileKey, m.ThumbnailKey, m.ContentType })
                .SingleOrDefaultAsync(cancellationToken);
            if (media is null)
            {
                return Results.NotFound();
            }
            var key = thumb is "1" or "true" && media.ThumbnailKey is not null ? media.ThumbnailKey : media.FileKey;
            var stream = await store.OpenReadAsync(key, cancellationToken);
            if (stream is null)
            {
                return Results.NotFound();
            }
            var contentType = key == media.ThumbnailKey ? "image/jpeg" : media.ContentType;
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return StoredFileResults.Serve(http, stream, contentType, key == media.ThumbnailKey ? $"lab-media-{mediaId}-thumb" : $"lab-media-{mediaId}");
        }).RequireAuthorization();
    }

    public static void ScheduleLabRecordsJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LabRecordOptions>>().Value;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<LabInactivityJob>(LabInactivityJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None), options.InactivityJobCron, new RecurringJobOptions { TimeZone = ChinaTime.Zone });
    }

    /// <summary>
    /// The shipped experiment catalogue (every deployment), and a term of demo records when the demo city was just
    /// seeded. The demo seeder draws its photos with SkiaSharp into the portal's file store, so it lives here in the
    /// module rather than in Data/Seeding.
    /// </summary>
    public static async Task SeedLabRecordsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        await LabCatalogueSeeder.SeedDefaultAsync(seed.Db, cancellationToken);
        if (seed.CitySeeded)
        {
            await new LabDemoSeeder(seed.Db, seed.Services.GetRequiredService<LocalFileStore>(), seed.Clock).SeedAsync(cancellationToken);
        }
        // A database with records older than the statistics' roll-ups gets them counted once.
        await LabTallies.RebuildIfMissingAsync(seed.Db, cancellationToken);
    }
}
