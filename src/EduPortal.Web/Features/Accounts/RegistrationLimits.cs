using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
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
/// Counts registrations per client address in the distributed cache (per instance by default, like the sign-in
/// throttle). Registration is an interactive page whose events travel over the circuit, where the HTTP rate
/// limiter never sees them, so the count is kept here; the address is the one the page's HTTP request came
/// from (App.razor hands it to the circuit, after the forwarded-headers middleware).
/// </summary>
public sealed class RegistrationThrottle(IDistributedCache cache, TimeProvider clock, IOptions<RegistrationOptions> options)
{
    private sealed record Window(int Count, DateTimeOffset Ends);

    /// <summary>Whether the address may submit another registration; if not, how long until it may.</summary>
    public async Task<TimeSpan?> BlockedForAsync(string address, CancellationToken cancellationToken = default)
    {
        var window = await ReadAsync(address, cancellationToken);
        return window is not null && window.Count >= options.Value.PerAddress ? window.Ends - clock.GetUtcNow() : null;
    }

    /// <summary>Counts a submitted registration from the address.</summary>
    public async Task RecordAsync(string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var window = await ReadAsync(address, cancellationToken) ?? new Window(0, now + options.Value.AddressWindow);
        window = window with { Count = window.Count + 1 };
        await cache.SetStringAsync(Key(address), JsonSerializer.Serialize(window),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window.Ends - now }, cancellationToken);
    }

    private async Task<Window?> ReadAsync(string address, CancellationToken cancellationToken)
    {
        var json = await cache.GetStringAsync(Key(address), cancellationToken);
        var window = json is null ? null : JsonSerializer.Deserialize<Window>(json);
        return window is not null && window.Ends > clock.GetUtcNow() ? window : null;
    }

    private static string Key(string address) => "register:address:" + address;
}
