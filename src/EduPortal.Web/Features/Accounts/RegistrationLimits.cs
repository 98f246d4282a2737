using EduPortal.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.Accounts;

/// <summary>The <c>Registration</c> configuration section: how much anonymous registration one address may do.</summary>
public sealed class RegistrationOptions
{
    /// <summary>Registrations submitted from one client address per window (47 scripted ones filled a school's cap).</summary>
    public int PerAddress { get; set; } = 10;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Days an application may wait; older ones stop counting against the school's cap and are expired.</summary>
    public int PendingDays { get; set; } = 30;

    /// <summary>When the expiry job runs (China time): daily at 03:10.</summary>
    public string ExpiryJobCron { get; set; } = "10 3 * * *";
}

/// <summary>
/// Counts registrations per client address (a <see cref="CachedWindowCounter"/>, per instance by default, like the
/// sign-in throttle). Registration is an interactive page whose events travel over the circuit, where the HTTP
/// rate limiter never sees them, so the count is kept here; the address is the one the page's HTTP request came
/// from (App.razor hands it to the circuit, after the forwarded-headers middleware).
/// </summary>
public sealed class RegistrationThrottle(CachedWindowCounter counter, TimeProvider clock, IOptions<RegistrationOptions> options)
{
    /// <summary>Whether the address may submit another registration; if not, how long until it may.</summary>
    public async Task<TimeSpan?> BlockedForAsync(string address, CancellationToken cancellationToken = default)
    {
        var window = await counter.ReadAsync(Key(address), cancellationToken);
        return window is not null && window.Count >= options.Value.PerAddress ? window.Ends - clock.GetUtcNow() : null;
    }

    /// <summary>Counts a submitted registration from the address.</summary>
    public Task RecordAsync(string address, CancellationToken cancellationToken = default) =>
        counter.IncrementAsync(Key(address), options.Value.AddressWindow, cancellationToken);

    private static string Key(string address) => "register:address:" + address;
}
