namespace EduPortal.Web.Infrastructure;

/// <summary>
/// The portal's clock. In Production it is the system clock. Elsewhere the configuration key
/// <c>Clock:Now</c> (e.g. <c>2027-01-02T09:30:00+08:00</c>) moves the whole portal to that moment, and time
/// runs on from there: a tester can try the first days of a new year, and CI re-runs the web tests at
/// another date to prove nothing depends on the day they run.
/// </summary>
public static class PortalClock
{
    public const string NowKey = "Clock:Now";

    /// <summary>The clock for this host; null when <c>Clock:Now</c> is absent or ignored.</summary>
    public static TimeProvider For(IConfiguration configuration, IHostEnvironment environment, out string? ignoredReason)
    {
        ignoredReason = null;
        var value = configuration[NowKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return TimeProvider.System;
        }
        if (environment.IsProduction())
        {
            ignoredReason = $"{NowKey} is ignored in Production; the system clock is used.";
            return TimeProvider.System;
        }
        if (!DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var start))
        {
            throw new InvalidOperationException($"{NowKey} = '{value}' is not a date and time (e.g. 2027-01-02T09:30:00+08:00).");
        }
        return new ShiftedTimeProvider(start - TimeProvider.System.GetUtcNow());
    }

    /// <summary>The system clock moved by a fixed offset: it keeps ticking, so timeouts and durations behave.</summary>
    public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
    {
        public TimeSpan Offset { get; } = offset;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
