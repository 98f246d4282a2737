using EduPortal.Data;
using EduPortal.Data.Seeding;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>Wires the 班班通 module (register, devices, labels, import/export, transfers, coverage, staffing).</summary>
public static class SmartboardsModule
{
    public static IServiceCollection AddSmartboards(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<SmartboardRegisterService>();
        services.AddSmartboardService();
        return services;
    }

    public static void MapSmartboardsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints;
        endpoints.MapSmartboardServiceEndpoints();
    }

    public static void ScheduleSmartboardsJobs(this WebApplication app)
    {
        _ = app;
        app.ScheduleSmartboardServiceJobs();
    }

    /// <summary>Demo classrooms and devices for every demo school (deterministic).</summary>
    public static async Task<int> SeedSmartboardsAsync(EduPortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default) =>
        await new SmartboardsDemoSeeder(db, clock).SeedAsync(cancellationToken)
        + await SmartboardServiceWiring.SeedSmartboardServiceAsync(db, clock, cancellationToken);
}
