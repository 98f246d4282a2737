using System.Collections.Immutable;
using Hangfire;
using Hangfire.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace EduPortal.Web.Infrastructure;

/// <summary>
/// Hangfire logs through one process-wide provider, which every host that configures Hangfire replaces with its own
/// logger factory. When a second host in the same process stops (the test suites start several), the others would go on
/// logging into its disposed factory, and Hangfire turns that into a failed enqueue. This provider logs through the
/// newest host still running, so a host that stops takes only its own logging with it. One host (production): the same
/// as Hangfire's own ASP.NET Core provider.
/// </summary>
public sealed class HangfireLogging : ILogProvider
{
    private static readonly HangfireLogging Instance = new();
    private static ImmutableList<ILoggerFactory> live = [];

    private HangfireLogging()
    {
    }

    /// <summary>Logs Hangfire through <paramref name="factory"/> while its host runs.</summary>
    public static void Attach(IGlobalConfiguration configuration, ILoggerFactory factory, IHostApplicationLifetime lifetime)
    {
        ImmutableInterlocked.Update(ref live, list => list.Add(factory));
        lifetime.ApplicationStopped.Register(() => ImmutableInterlocked.Update(ref live, list => list.Remove(factory)));
        configuration.UseLogProvider(Instance);
    }

    public ILog GetLogger(string name) => new HostLog(name);

    private sealed class HostLog(string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (live.LastOrDefault() is not { } factory)
            {
                return false;
            }
            try
            {
                var logger = factory.CreateLogger(name);
                var level = logLevel switch
                {
                    Hangfire.Logging.LogLevel.Trace => MsLogLevel.Trace,
                    Hangfire.Logging.LogLevel.Debug => MsLogLevel.Debug,
                    Hangfire.Logging.LogLevel.Info => MsLogLevel.Information,
                    Hangfire.Logging.LogLevel.Warn => MsLogLevel.Warning,
                    Hangfire.Logging.LogLevel.Error => MsLogLevel.Error,
                    _ => MsLogLevel.Critical,
                };
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }
                logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                // Its host stopped between the lookup and the write: nothing to log into.
                return false;
            }
        }
    }
}
