using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>A count in a fixed time window, as the throttles keep it.</summary>
public sealed record CountWindow(int Count, DateTimeOffset Ends);

/// <summary>
/// Fixed-window counters in the distributed cache (in memory per instance by default), shared by the sign-in
/// and registration throttles: a key's window starts with its first count and expires with the cache entry.
/// </summary>
public sealed class CachedWindowCounter(IDistributedCache cache, TimeProvider clock)
{
    /// <summary>The key's current window, or null when it has none or it has ended.</summary>
    public async Task<CountWindow?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var json = await cache.GetStringAsync(key, cancellationToken);
        var window = json is null ? null : JsonSerializer.Deserialize<CountWindow>(json);
        return window is not null && window.Ends > clock.GetUtcNow() ? window : null;
    }

    /// <summary>Adds one to the key's window (starting one of the given length if none runs) and returns the new count.</summary>
    public async Task<int> IncrementAsync(string key, TimeSpan length, CancellationToken cancellationToken = default)
    {
        // Read-modify-write without a lock: two simultaneous counts may land as one. A limit that is off by one
        // under a race still stops a flood; a lock would serialise every sign-in of the district.
        var now = clock.GetUtcNow();
        var window = await ReadAsync(key, cancellationToken) ?? new CountWindow(0, now + length);
        window = window with { Count = window.Count + 1 };
        await cache.SetStringAsync(key, JsonSerializer.Serialize(window),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window.Ends - now }, cancellationToken);
        return window.Count;
    }
}
