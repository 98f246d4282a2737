using EduPortal.Web.Features.CloudSpaces.Awards;
using EduPortal.Web.Infrastructure.Database;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>
/// Wires the cloud-spaces module (circular 001): the term checklist and the school's award (cloud-terms), and the
/// district's award rounds with expert scoring (<see cref="AwardRoundsWiring"/>).
/// </summary>
public static class CloudSpacesModule
{
    public static IServiceCollection AddCloudSpaces(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        // --- district award rounds (§四(三)) ---
        services.AddAwardRounds();
        return services;
    }

    public static void MapCloudSpacesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // --- district award rounds (§四(三)) ---
        endpoints.MapAwardRoundEndpoints();
    }

    public static void ScheduleCloudSpacesJobs(this WebApplication app)
    {
        _ = app;
    }

    public static async Task SeedCloudSpacesAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        // --- district award rounds (§四(三)) ---
        await seed.SeedAwardRoundsAsync(cancellationToken);
    }
}
