using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Features.Smartboards.Safety;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Metrics;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>
/// The service half of the 班班通 module (working-day calendar, repair tickets, safety inspections, policies), called
/// from the verbs of <see cref="SmartboardsModule"/> so that file stays the module's single entry point.
/// </summary>
public static class SmartboardServiceWiring
{
    public const string EscalationJobId = "smartboards-repair-escalation";
    public const string SafetyReminderJobId = "smartboards-safety-reminder";
    public const string RepairFiguresJobId = "smartboards-repair-figures";

    public static IServiceCollection AddSmartboardService(this IServiceCollection services)
    {
        services.AddScoped<WorkingCalendarService>();
        services.AddScoped<RepairTicketService>();
        services.AddScoped<RepairFiguresService>();
        services.AddScoped<SafetyService>();
        services.AddMetricSource<RepairOverdueShareMetric>();
        return services;
    }

    /// <summary>Photos of tickets and of rectified findings, served only to callers who may open the ticket or finding.</summary>
    public static void MapSmartboardServiceEndpoints(this IEndpointRouteBuilder endpoints)
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

    /// <summary>
    /// The escalation job every 15 minutes, the rectification reminder each morning and the repair figures' snapshot each night (China time). AddOrUpdate with
    /// fixed ids: registering again at every start replaces the schedule instead of adding a second one, and both jobs
    /// change nothing when run twice.
    /// </summary>
    public static void ScheduleSmartboardServiceJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = ChinaTime.Zone };
        jobs.AddOrUpdate<RepairTicketService>(EscalationJobId, service => service.EscalateOverdueAsync(CancellationToken.None), "*/15 * * * *", options);
        jobs.AddOrUpdate<SafetyService>(SafetyReminderJobId, service => service.RemindAsync(CancellationToken.None), "30 7 * * *", options);
        // Just after midnight: the repair figures' snapshot of the settled tickets (the figures page adds the live rest).
        jobs.AddOrUpdate<RepairFiguresService>(RepairFiguresJobId, service => service.TakeSnapshotAsync(CancellationToken.None), "5 0 * * *", options);
    }

    public static Task<int> SeedSmartboardServiceAsync(EduPortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default) =>
        new SmartboardServiceDemoSeeder(db, clock).SeedAsync(cancellationToken);
}
