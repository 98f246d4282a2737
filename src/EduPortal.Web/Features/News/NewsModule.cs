using EduPortal.Data;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.News;

/// <summary>Registration, endpoints and demo data of school news (学校新闻, circular 001 §四(二)1).</summary>
public static class NewsModule
{
    public static IServiceCollection AddNews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NewsService>();
        return services;
    }

    /// <summary>A news photo or its thumbnail, served only to callers who may see the item (another school's ids answer 404).</summary>
    public static void MapNewsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/news/photos/{photoId:int}", async (int photoId, string? thumb, HttpContext http, NewsService news, IFileStore store,
            IDbContextFactory<EduPortalDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var photo = await news.FindPhotoAsync(caller, photoId, thumb is "1" or "true", cancellationToken);
            var stream = photo is null ? null : await store.OpenReadAsync(photo.Value.Key, cancellationToken);
            if (stream is null)
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return StoredFileResults.Serve(http, stream, photo!.Value.ContentType, $"news-photo-{photoId}");
        }).RequireAuthorization();
    }

    /// <summary>School news has no recurring jobs.</summary>
    public static void ScheduleNewsJobs(this WebApplication app)
    {
    }

    /// <summary>A few items in the demo school in every state (<see cref="NewsDemoSeeder"/>), when the demo city was just seeded.</summary>
    public static async Task SeedNewsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (seed.Demo && seed.CitySeeded)
        {
            await ActivatorUtilities.CreateInstance<NewsDemoSeeder>(seed.Services, seed.Db).SeedAsync(cancellationToken);
        }
    }
}
