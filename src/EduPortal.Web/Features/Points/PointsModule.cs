using System.Threading.RateLimiting;
using EduPortal.Data.Points;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Excel;
using Hangfire;
using Microsoft.AspNetCore.Mvc;

namespace EduPortal.Web.Features.Points;

/// <summary>The <c>Points</c> configuration section.</summary>
public sealed class PointsOptions
{
    /// <summary>Ingestion requests a platform key may make per minute (each up to 1,000 events).</summary>
    public int IngestionRequestsPerMinute { get; set; } = 120;
}

/// <summary>Registration, endpoints and jobs of the deep-application index module (深度应用指数).</summary>
public static class PointsModule
{
    public const string IngestionRateLimit = "points-ingestion";
    public const string ApiKeyHeader = "X-Api-Key";

    public static IServiceCollection AddPointsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PointsOptions>(configuration.GetSection("Points"));
        var options = configuration.GetSection("Points").Get<PointsOptions>() ?? new PointsOptions();
        services.AddScoped<PointLedger>();
        services.AddScoped<PointRuleService>();
        services.AddScoped<PointEventRecorder>();
        services.AddScoped<PointIngestionService>();
        services.AddScoped<PointApiKeyService>();
        services.AddScoped<PointQueryService>();
        services.AddScoped<PointTaskService>();
        services.AddScoped<PointImportService>();
        services.AddScoped<PointJobs>();
        // Fixed window per platform key (the hash, never the key itself); requests without a key share one small window.
        services.AddRateLimiter(limiter =>
        {
            // The 429 answer (a JSON body under /api) is written by the portal's one OnRejected (ServiceRegistration).
            limiter.AddPolicy(IngestionRateLimit, http =>
            {
                var key = http.Request.Headers[ApiKeyHeader].ToString();
                var partition = string.IsNullOrEmpty(key) ? "anonymous" : PointApiKey.Hash(key);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.IngestionRequestsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    public static WebApplication UsePointsModule(this WebApplication app)
    {
        app.MapPost("/api/points/events", async ([FromHeader(Name = ApiKeyHeader)] string? apiKey, [FromBody] ApiPointBatch? batch,
            PointIngestionService ingestion, IBackgroundJobClient jobs, CancellationToken cancellationToken) =>
        {
            var key = await ingestion.AuthenticateAsync(apiKey, cancellationToken);
            if (key is null)
            {
                return Results.Json(new { error = "接入密钥无效或已吊销" }, statusCode: StatusCodes.Status401Unauthorized);
            }
            var result = await ingestion.IngestAsync(key, batch?.Events, cancellationToken);
            if (!result.Succeeded)
            {
                return Results.Json(new { error = result.Error!.Message }, statusCode: StatusCodes.Status400BadRequest);
            }
            if (result.Value!.Created + result.Value.Updated > 0)
            {
                jobs.Enqueue<PointJobs>(j => j.RecomputeDirtyAsync());
            }
            return Results.Ok(result.Value);
        }).RequireRateLimiting(IngestionRateLimit).DisableAntiforgery().AllowAnonymous();

        app.MapGet("/points/import-template.xlsx", () =>
            Results.File(PointImportService.BuildTemplate(), ExcelExport.ContentType, "积分事件导入模板.xlsx"))
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    /// <summary>The drain job that recomputes the teacher-years touched by ingested events, every minute.</summary>
    public static void SchedulePointJobs(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<PointJobs>(PointJobs.DrainJobId, j => j.RecomputeDirtyAsync(), Cron.Minutely());

    /// <summary>The year picker's choices: this points year and the two before it.</summary>
    public static IReadOnlyList<int> YearChoices(TimeProvider clock)
    {
        var year = ChinaTime.Today(clock).Year;
        return [year, year - 1, year - 2];
    }
}
