using EduPortal.Web.Infrastructure.Database;

namespace EduPortal.Web.Features.Guides;

/// <summary>Registration and shipped content of the operation guides (操作指南, circular 000 附件2).</summary>
public static class GuidesModule
{
    public static IServiceCollection AddGuides(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<GuideService>();
        return services;
    }

    /// <summary>Guides are pages only: no endpoints of their own.</summary>
    public static void MapGuidesEndpoints(this IEndpointRouteBuilder app)
    {
    }

    public static void ScheduleGuidesJobs(this WebApplication app)
    {
    }

    /// <summary>The shipped guides (<see cref="GuideSeeder"/>), in every deployment: topics missing from the database are added, edited ones are kept.</summary>
    public static Task SeedGuidesAsync(this SeedContext seed, CancellationToken cancellationToken = default) =>
        GuideSeeder.SeedAsync(seed.Db, seed.Clock, cancellationToken);
}
