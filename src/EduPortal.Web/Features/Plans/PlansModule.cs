using EduPortal.Data;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Files;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Plans;

/// <summary>Registration, endpoints, jobs and demo data of the plans module (工作方案、任务、目标、驾驶舱).</summary>
public static class PlansModule
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PlanService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<MetricSnapshotJob>();
        return services;
    }

    /// <summary>A task's evidence file and a county feedback attachment, served only to callers who may see the task (another county's id answers 404).</summary>
    public static void MapPlansEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/tasks/{taskId:int}/evidence/{evidenceId:int}", async (int taskId, int evidenceId, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory,
            PlanService plans, IFileStore store, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var evidence = await plans.FindEvidenceAsync(caller, taskId, evidenceId, cancellationToken);
            var stream = evidence is null ? null : await store.OpenReadAsync(evidence.StoredPath, cancellationToken);
            if (stream is null)
            {
                return Results.NotFound();
            }
            return StoredFileResults.Serve(http, stream, evidence!.ContentType, $"plan-evidence-{evidenceId}");
        }).RequireAuthorization();

        // A county feedback attachment: the county's own admins and the city's; another county's id answers 404.
        app.MapGet("/feedback/{feedbackId:int}/files/{attachmentId:int}", async (int feedbackId, int attachmentId, HttpContext http,
            IDbContextFactory<EduPortalDbContext> dbFactory, FeedbackService feedback, IFileStore store, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var attachment = await feedback.FindAttachmentAsync(caller, feedbackId, attachmentId, cancellationToken);
            var stream = attachment is null ? null : await store.OpenReadAsync(attachment.StoredPath, cancellationToken);
            if (stream is null)
            {
                return Results.NotFound();
            }
            return StoredFileResults.Serve(http, stream, attachment!.ContentType, $"county-feedback-{attachmentId}");
        }).RequireAuthorization();
    }

    /// <summary>The daily metric snapshot at 23:30 China time (idempotent per day, so a manual re-run is harmless).</summary>
    public static void SchedulePlansJobs(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<MetricSnapshotJob>(MetricSnapshotJob.JobId, j => j.RunAsync(), "30 23 * * *",
                new RecurringJobOptions { TimeZone = Domain.Common.ChinaTime.Zone });

    /// <summary>The demo plans, target and ~60 days of snapshots (<see cref="PlanDemoSeeder"/>); nothing when plans exist.</summary>
    public static async Task SeedPlansAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (seed.Demo)
        {
            await ActivatorUtilities.CreateInstance<PlanDemoSeeder>(seed.Services).SeedAsync(cancellationToken);
        }
    }
}
