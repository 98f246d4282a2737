using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Web.Features.Bulletins;
using EduPortal.Web.Features.Circulars;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Features.Exports;
using EduPortal.Web.Features.Feedback;
using EduPortal.Web.Features.Guides;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.News;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Infrastructure.Database;

/// <summary>The <c>Seed</c> configuration section.</summary>
public sealed class SeedOptions
{
    /// <summary>Seed the fictional demo city into an empty database (the embedded default).</summary>
    public bool Demo { get; set; } = true;
    public SeedSize Size { get; set; } = SeedSize.Standard;
}

/// <summary>Whether the database has been migrated and seeded since the start; /health is unhealthy until then.</summary>
public sealed class DatabaseReadiness
{
    public bool Ready { get; set; }
}

public static class DatabaseInitializer
{
    /// <summary>
    /// Initialises the database, then runs <paramref name="then"/> (the recurring jobs need it). When the database is
    /// unreachable at start (server down, volume not mounted) the portal still starts: it logs one clear error line,
    /// /health reports Unhealthy, and it retries every <c>Database:StartupRetrySeconds</c> (10 s) until the database
    /// answers, without a restart. Any other failure (a broken migration, a seeding bug) still stops the start.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, Action? then = null)
    {
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        var provider = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        var interval = TimeSpan.FromSeconds(Math.Max(1, app.Configuration.GetValue("Database:StartupRetrySeconds", 10)));
        try
        {
            await InitializeAsync(app);
            readiness.Ready = true;
            then?.Invoke();
            return;
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            app.Logger.LogError(
                "The database ({Provider}) is unreachable at start: {Reason}. /health reports Unhealthy; retrying every {Seconds} s without a restart.",
                provider, Innermost(e).Message, interval.TotalSeconds);
        }
        var stopping = app.Lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, stopping);
                    await InitializeAsync(app);
                    then?.Invoke();
                    app.Logger.LogInformation("The database ({Provider}) answers again: migrated and seeded, /health is Healthy.", provider);
                    readiness.Ready = true;
                    return;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (IsUnreachable(e))
                {
                    app.Logger.LogWarning("The database ({Provider}) is still unreachable: {Reason}", provider, Innermost(e).Message);
                }
                catch (Exception e)
                {
                    app.Logger.LogCritical(e, "Initialising the database failed; the portal stops.");
                    app.Lifetime.StopApplication();
                    return;
                }
            }
        }, CancellationToken.None);
    }

    /// <summary>A connection that could not be made (any provider), as opposed to a failure of the portal's own code.</summary>
    private static bool IsUnreachable(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Data.Common.DbException or IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    /// <summary>
    /// Applies migrations (from the configured provider's assembly), then calls each module's seed verb: the shipped
    /// reference data always, demo data into an empty database outside Production.
    /// </summary>
    private static async Task InitializeAsync(WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var seed = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EduPortalDbContext>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        // Each step's time is logged at the end (the demo start-up's budget: README "Start-up time").
        var steps = new List<string>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        async Task Timed(string name, Func<Task> step)
        {
            var at = System.Diagnostics.Stopwatch.GetTimestamp();
            await step();
            steps.Add($"{name} {System.Diagnostics.Stopwatch.GetElapsedTime(at).TotalMilliseconds:0}");
        }
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging with synchronous=NORMAL (SqlitePragmas): the demo seed's many commits no longer wait on the disk.
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.WalMode);
        }
        if (database.MigrateOnStartup)
        {
            await Timed("migrations", () => db.Database.MigrateAsync());
        }
        // The demo accounts share a password printed in the README: Production never seeds them, whatever
        // Seed:Demo says (appsettings.json turns it on for laptops). A public demo server runs as Staging.
        if (seed.Demo && app.Environment.IsProduction())
        {
            app.Logger.LogWarning("Seed:Demo is ignored in Production: the demo accounts' password is public.");
        }
        var context = new SeedContext(db, scope.ServiceProvider, seed.Demo && !app.Environment.IsProduction(), seed.Size);
        await Timed("organization", () => context.SeedOrganizationAsync());
        await Timed("labRecords", () => context.SeedLabRecordsAsync());
        await Timed("surveys", () => context.SeedSurveysAsync());
        await Timed("points", () => context.SeedPointsAsync());
        await Timed("smartboards", () => context.SeedSmartboardsAsync());
        await Timed("cloudSpaces", () => context.SeedCloudSpacesAsync());
        // Last: the plans' demo snapshots read every other module's figures.
        await Timed("plans", () => context.SeedPlansAsync());
        await Timed("news", () => context.SeedNewsAsync());
        await Timed("guides", () => context.SeedGuidesAsync());
        await Timed("feedback", () => context.SeedFeedbackAsync());
        await Timed("circulars", () => context.SeedCircularsAsync());
        await Timed("exports", () => context.SeedExportsAsync());
        // After plans: the demo bulletins read every module's figures.
        await Timed("bulletins", () => context.SeedBulletinsAsync());
        app.Logger.LogInformation("Initialised the database in {Total:0} ms (ms per step: {Steps}).",
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, string.Join(", ", steps));
        if (context.CitySeeded)
        {
            app.Logger.LogInformation("Seeded the demo city ({Size}).", seed.Size);
        }
    }
}
