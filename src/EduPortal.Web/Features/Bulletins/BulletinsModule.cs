using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Files;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Bulletins;

/// <summary>Registration, endpoints, jobs and demo data of the weekly bulletins (工作周通报).</summary>
public static class BulletinsModule
{
    /// <summary>Weeks of demo bulletins built at seed time for the demo county and the city (so a new user sees some).</summary>
    public const int DemoWeeks = 2;

    public static IServiceCollection AddBulletins(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<BulletinGenerator>();
        services.AddScoped<BulletinJobs>();
        services.AddScoped<BulletinService>();
        // Published bulletins go out as circulars to the unit's subtree; a refused circular leaves the bulletin a draft marked 发布失败.
        services.AddScoped<IBulletinPublisher, CircularBulletinPublisher>();
        return services;
    }

    /// <summary>A bulletin's PDF and workbook, served only to callers who may read the bulletin (another county's ids answer 404).</summary>
    public static void MapBulletinsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bulletins/{bulletinId:int}/pdf", (int bulletinId, HttpContext http, CancellationToken cancellationToken) =>
            ServeAsync(http, bulletinId, pdf: true, cancellationToken)).RequireAuthorization();
        app.MapGet("/bulletins/{bulletinId:int}/xlsx", (int bulletinId, HttpContext http, CancellationToken cancellationToken) =>
            ServeAsync(http, bulletinId, pdf: false, cancellationToken)).RequireAuthorization();
    }

    private static async Task<IResult> ServeAsync(HttpContext http, int bulletinId, bool pdf, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var caller = await CallerAccessor.LoadAsync(services.GetRequiredService<IDbContextFactory<EduPortalDbContext>>(), http.User, cancellationToken);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        var file = await services.GetRequiredService<BulletinService>().FindFileAsync(caller, bulletinId, pdf, cancellationToken);
        var stream = file is null ? null : await services.GetRequiredService<IFileStore>().OpenReadAsync(file.Value.Key, cancellationToken);
        if (stream is null)
        {
            return Results.NotFound();
        }
        return StoredFileResults.Serve(http, stream, file!.Value.ContentType, file.Value.Name, file.Value.DisplayName);
    }

    /// <summary>
    /// The weekly job of the city and of each county (Monday 07:00 China time unless the unit set another time), and a
    /// catch-up at start for the weeks missed while the portal was down.
    /// </summary>
    public static void ScheduleBulletinsJobs(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EduPortalDbContext>();
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var (unitId, settings) in BulletinJobs.IssuersAsync(db, CancellationToken.None).GetAwaiter().GetResult())
        {
            BulletinJobs.Schedule(recurring, unitId, settings);
        }
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<BulletinJobs>(j => j.CatchUpAsync(CancellationToken.None));
    }

    /// <summary>
    /// The last <see cref="DemoWeeks"/> weeks' bulletins of the demo county and the city, when the demo city was just
    /// seeded — built by a background job right after start (rendering a bulletin costs about a second, the first one
    /// several while fonts and the workbook code warm up), so the seed adds nothing to the start-up time.
    /// </summary>
    public static async Task SeedBulletinsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (!seed.Demo || !seed.CitySeeded)
        {
            return;
        }
        var county = await seed.Db.Users.AsNoTracking().Where(u => u.UserName == DemoAccounts.CountyAdmin).Select(u => u.OrgUnitId).SingleOrDefaultAsync(cancellationToken);
        var city = await seed.Db.OrgUnits.AsNoTracking().Where(o => o.Kind == Domain.Organization.OrgUnitKind.City).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        var units = new[] { county, city }.Where(id => id != 0).Distinct().ToArray();
        seed.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<BulletinJobs>(j => j.SeedDemoAsync(units, DemoWeeks, CancellationToken.None));
    }
}
