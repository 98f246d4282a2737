using EduPortal.Data;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Plans;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Bulletins;
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
        services.AddBulletinSection<PlansBulletinSection>();
        return services;
    }

    /// <summary>
    /// The module's stored files — a task's evidence, a hand-entered value's evidence, a county feedback attachment — each
    /// served only to callers who may see the thing it belongs to (another county's or school's ids answer 404).
    /// </summary>
    public static void MapPlansEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/tasks/{taskId:int}/evidence/{evidenceId:int}", (int taskId, int evidenceId, HttpContext http, PlanService plans, CancellationToken cancellationToken) =>
            ServeAsync(http, caller => plans.FindEvidenceAsync(caller, taskId, evidenceId, cancellationToken), $"plan-evidence-{evidenceId}", cancellationToken))
            .RequireAuthorization();

        app.MapGet("/plans/targets/{targetId:int}/entries/{entryId:int}/files/{fileId:int}", (int targetId, int entryId, int fileId, HttpContext http, PlanService plans,
                CancellationToken cancellationToken) =>
            ServeAsync(http, caller => plans.FindEntryFileAsync(caller, targetId, entryId, fileId, cancellationToken), $"target-evidence-{fileId}", cancellationToken))
            .RequireAuthorization();

        app.MapGet("/feedback/{feedbackId:int}/files/{attachmentId:int}", (int feedbackId, int attachmentId, HttpContext http, FeedbackService feedback,
                CancellationToken cancellationToken) =>
            ServeAsync(http, caller => feedback.FindAttachmentAsync(caller, feedbackId, attachmentId, cancellationToken), $"county-feedback-{attachmentId}", cancellationToken))
            .RequireAuthorization();
    }

    private static async Task<IResult> ServeAsync<TFile>(HttpContext http, Func<Caller, Task<TFile?>> find, string downloadName, CancellationToken cancellationToken)
        where TFile : PlanFile
    {
        var services = http.RequestServices;
        var caller = await CallerAccessor.LoadAsync(services.GetRequiredService<IDbContextFactory<EduPortalDbContext>>(), http.User, cancellationToken);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        var file = await find(caller);
        var stream = file is null ? null : await services.GetRequiredService<IFileStore>().OpenReadAsync(file.StoredPath, cancellationToken);
        return stream is null ? Results.NotFound() : StoredFileResults.Serve(http, stream, file!.ContentType, downloadName);
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
