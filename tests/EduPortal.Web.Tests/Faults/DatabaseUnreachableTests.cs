using System.Collections.Concurrent;
using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace EduPortal.Web.Tests.Faults;

/// <summary>
/// The portal whose SQLite database lives on a "volume" that is not mounted at start: the folder's name is taken by a
/// plain file, so the database can be neither opened nor created until the test "mounts" it by removing that file.
/// </summary>
public sealed class UnmountedDatabasePortalFactory : PortalFactory
{
    public string Volume { get; private set; } = "";
    public ConcurrentQueue<string> Log { get; } = new();

    protected override void ConfigureDatabase(IWebHostBuilder builder, string folder)
    {
        Volume = Path.Combine(folder, "volume");
        File.WriteAllText(Volume, "not mounted");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(Volume, "portal.db")}");
        builder.UseSetting("Database:StartupRetrySeconds", "1");
        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
    }

    public void Mount() => File.Delete(Volume);

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(log);
        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}

public sealed class DatabaseUnreachableTests : IDisposable
{
    private readonly UnmountedDatabasePortalFactory _portal = new();

    [Fact]
    public async Task An_unreachable_database_at_start_is_logged_reported_unhealthy_and_recovered_without_a_restart()
    {
        using var http = _portal.CreateClient();
        var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        Assert.Contains(_portal.Log, line => line.StartsWith("Error: The database (Sqlite) is unreachable at start", StringComparison.Ordinal)
            && line.Contains("/health reports Unhealthy; retrying every 1 s without a restart", StringComparison.Ordinal));

        // The volume appears: within a few retries the same process migrates, seeds and serves.
        _portal.Mount();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the portal did not recover: " + string.Join("\n", _portal.Log.TakeLast(5)));
            await Task.Delay(500);
        }
        Assert.Contains(_portal.Log, line => line.StartsWith("Information: The database (Sqlite) answers again", StringComparison.Ordinal));
        var (_, signIn) = await _portal.SignInAsync(DemoAccounts.Teacher);
        Assert.True(PortalFactory.IsSignedIn(signIn));
    }

    public void Dispose() => _portal.Dispose();
}
