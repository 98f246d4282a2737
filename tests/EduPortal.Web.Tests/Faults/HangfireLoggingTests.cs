using EduPortal.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EduPortal.Web.Tests.Faults;

/// <summary>
/// Hangfire logs through one process-wide provider. A host in the process that stops (the test suites start several) must
/// not leave the others logging into its disposed logger factory: Hangfire turns that into a failed enqueue, which broke
/// every background request made after it (<see cref="Infrastructure.HangfireLogging"/>).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HangfireLoggingTests(PortalFactory portal)
{
    [Fact]
    public void A_host_configured_after_another_host_stopped_enqueues_and_logs_through_a_live_logger_factory()
    {
        _ = portal.Services;
        // What a stopped host leaves behind: the process-wide provider pointing at its disposed factory.
        var stopped = LoggerFactory.Create(_ => { });
        stopped.Dispose();
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(stopped));

        using var other = portal.WithWebHostBuilder(_ => { });
        var jobs = other.Services.GetRequiredService<IBackgroundJobClient>();
        // A job method whose filter attribute Hangfire has never built: building it asks the log provider for a logger.
        var id = jobs.Schedule(() => NeverRunJob.Nothing(), TimeSpan.FromDays(365));

        Assert.False(string.IsNullOrEmpty(id));
        Assert.True(jobs.Delete(id));
    }
}

/// <summary>A job the test schedules a year ahead and deletes; it never runs.</summary>
public static class NeverRunJob
{
    [AutomaticRetry(Attempts = 0)]
    public static void Nothing()
    {
    }
}
