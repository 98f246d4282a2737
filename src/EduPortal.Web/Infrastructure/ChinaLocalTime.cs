using EduPortal.Domain.Common;

namespace EduPortal.Web.Infrastructure;

/// <summary>
/// The portal's clock with China as its local time zone. Components that ask a <see cref="TimeProvider"/> for
/// local time (MudBlazor's date picker marks "today" with <c>GetLocalNow()</c>) see China's today, not the
/// server's: on a server in UTC, UTC's date lags China's until 08:00. Instants still come from the inner clock.
/// </summary>
public sealed class ChinaLocalTimeProvider(TimeProvider inner) : TimeProvider
{
    public TimeProvider Inner { get; } = inner;

    public override TimeZoneInfo LocalTimeZone => ChinaTime.Zone;

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Inner.CreateTimer(callback, state, dueTime, period);
}

public static class ChinaLocalTimeRegistration
{
    /// <summary>
    /// Wraps the registered <see cref="TimeProvider"/> (the system clock, or a configured override) so that its
    /// local time zone is China's. Call after the clock is registered.
    /// </summary>
    public static IServiceCollection UseChinaLocalTime(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider));
        if (registered is null)
        {
            services.AddSingleton<TimeProvider>(new ChinaLocalTimeProvider(TimeProvider.System));
            return services;
        }
        services.Remove(registered);
        services.AddSingleton<TimeProvider>(provider => registered switch
        {
            { ImplementationInstance: TimeProvider instance } => instance as ChinaLocalTimeProvider ?? new ChinaLocalTimeProvider(instance),
            { ImplementationFactory: { } factory } => Wrap((TimeProvider)factory(provider)),
            _ => Wrap((TimeProvider)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
        });
        return services;
    }

    private static TimeProvider Wrap(TimeProvider clock) => clock as ChinaLocalTimeProvider ?? new ChinaLocalTimeProvider(clock);
}
