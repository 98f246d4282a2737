using System.Text.Json;
using System.Threading.RateLimiting;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Bulletins;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Exports;
using Hangfire;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.Points;

/// <summary>The <c>Points</c> configuration section.</summary>
public sealed class PointsOptions
{
    /// <summary>Ingestion requests a platform key may make per minute (each up to 1,000 events).</summary>
    public int IngestionRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Ingestion requests one client address may make per minute, whatever key it sends (or none): counted
    /// before the key is looked up, so made-up keys do not escape the limit.
    /// </summary>
    public int IngestionRequestsPerAddressPerMinute { get; set; } = 240;

    /// <summary>Largest ingestion request body; a larger one is answered 413 before the key is checked or the body parsed.</summary>
    public int IngestionMaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>The per-key ingestion rate limiter (one per process), applied after the key is authenticated.</summary>
public sealed record IngestionKeyLimiter(PartitionedRateLimiter<int> Limiter);

/// <summary>Registration, endpoints and jobs of the deep-application index module (深度应用指数).</summary>
public static class PointsModule
{
    public const string IngestionRateLimit = "points-ingestion";
    public const string ApiKeyHeader = "X-Api-Key";

    public static IServiceCollection AddPoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PointsOptions>(configuration.GetSection("Points"));
        var options = configuration.GetSection("Points").Get<PointsOptions>() ?? new PointsOptions();
        services.AddScoped<PointEventStore>();
        services.AddScoped<PointRecomputation>();
        services.AddScoped<PointRuleService>();
        services.AddScoped<PointEventRecorder>();
        services.AddScoped<PointIngestionService>();
        services.AddScoped<PointApiKeyService>();
        services.AddScoped<PointQueryService>();
        services.AddExportKind<PointTeachersExport>();
        services.AddScoped<PointTaskService>();
        services.AddScoped<PointImportService>();
        services.AddScoped<PointJobs>();
        services.AddPointMetrics();
        // First a fixed window per client address, before the key or the body is looked at: a made-up key per
        // request does not open a window of its own.
        services.AddRateLimiter(limiter =>
        {
            // The 429 answer (a JSON body under /api) is written by the portal's one OnRejected (ServiceRegistration).
            limiter.AddPolicy(IngestionRateLimit, http =>
                RateLimitPartition.GetFixedWindowLimiter(SignInThrottle.AddressOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.IngestionRequestsPerAddressPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        // Then a fixed window per authenticated key (its id, never the key itself), counted once the key is known to be real.
        services.AddSingleton(new IngestionKeyLimiter(PartitionedRateLimiter.Create<int, int>(keyId =>
            RateLimitPartition.GetFixedWindowLimiter(keyId, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.IngestionRequestsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }))));
        services.AddBulletinSection<PointsBulletinSection>();
        return services;
    }

    public static void MapPointsEndpoints(this IEndpointRouteBuilder app)
    {
        // Order of checks: client address (rate limiter), body size, key, key's own rate, then the body is parsed.
        app.MapPost("/api/points/events", async (HttpRequest request, PointIngestionService ingestion, IngestionKeyLimiter keyLimiter,
            IOptions<PointsOptions> pointsOptions, IBackgroundJobClient jobs, CancellationToken cancellationToken) =>
        {
            var maxBytes = Math.Max(1, pointsOptions.Value.IngestionMaxBodyBytes);
            var tooLarge = Results.Json(new { error = $"请求体过大：每次最多 {maxBytes / 1024} KB，请分批提交" }, statusCode: StatusCodes.Status413PayloadTooLarge);
            if (request.ContentLength > maxBytes)
            {
                return tooLarge;
            }
            var key = await ingestion.AuthenticateAsync(request.Headers[ApiKeyHeader].ToString(), cancellationToken);
            if (key is null)
            {
                return Results.Json(new { error = "接入密钥无效或已吊销" }, statusCode: StatusCodes.Status401Unauthorized);
            }
            using (var lease = keyLimiter.Limiter.AttemptAcquire(key.Id))
            {
                if (!lease.IsAcquired)
                {
                    request.HttpContext.Response.Headers.RetryAfter = "60";
                    return Results.Json(new { error = "请求过于频繁，请一分钟后再试" }, statusCode: StatusCodes.Status429TooManyRequests);
                }
            }
            // Read at most the cap (a chunked body has no Content-Length to refuse up front).
            var body = await ReadCappedAsync(request.Body, maxBytes, cancellationToken);
            if (body is null)
            {
                return tooLarge;
            }
            ApiPointBatch? batch;
            try
            {
                batch = body.Length == 0 ? null : JsonSerializer.Deserialize<ApiPointBatch>(body, JsonOptions);
            }
            catch (JsonException)
            {
                return Results.Json(new { error = "请求体不是有效的 JSON" }, statusCode: StatusCodes.Status400BadRequest);
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
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The drain job that recomputes the teacher-years touched by ingested events, every minute.</summary>
    public static void SchedulePointsJobs(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<PointJobs>(PointJobs.DrainJobId, j => j.RecomputeDirtyAsync(), Cron.Minutely());

    /// <summary>
    /// A year of demo activity for the demo city's teachers, with its awards (<see cref="PointsDemoSeeder"/>); nothing
    /// when the ledger has events already. Called by the database initializer with its scope's services.
    /// </summary>
    public static async Task SeedPointsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        // The demo year is idempotent (it adds nothing when the ledger holds events), so it runs whenever demo data is wanted.
        if (seed.Demo)
        {
            await new PointsDemoSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken);
        }
    }

    /// <summary>The year picker's choices: this points year and the two before it.</summary>
    public static IReadOnlyList<int> YearChoices(TimeProvider clock)
    {
        var year = ChinaTime.Today(clock).Year;
        return [year, year - 1, year - 2];
    }
}
