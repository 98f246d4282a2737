using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>The <c>SignIn</c> configuration section: how many wrong passwords are tolerated, and from where.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Wrong passwords (any account, unknown ones included) from one client address per window.</summary>
    public int FailuresPerAddress { get; set; } = 30;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords for one account from one client address before that address must wait.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 5;
    public TimeSpan AccountAndAddressWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in form posts from one client address per minute (the rate limiter, before any password is checked).</summary>
    public int PostsPerAddressPerMinute { get; set; } = 60;
}

public enum SignInBlock
{
    None,
    /// <summary>Too many wrong passwords from this client address, whatever the account.</summary>
    Address,
    /// <summary>Too many wrong passwords for this account from this client address.</summary>
    AccountFromAddress,
}

/// <summary>
/// Slows password guessing without handing an attacker a switch to lock others out: wrong passwords are
/// counted per client address and per (account, address) pair, so a stranger's guesses block the stranger,
/// not the teacher on another network. Identity's own account-wide lockout remains as a backstop against
/// guessing spread over many addresses, at a higher threshold (see <c>docs/security.md</c>). Counters live in
/// the distributed cache: per instance by default, shared when production configures a shared cache.
/// </summary>
public sealed class SignInThrottle(IDistributedCache cache, CachedWindowCounter counter, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    private readonly SignInThrottleOptions _options = options.Value;

    public async Task<(SignInBlock Block, TimeSpan RetryAfter)> CheckAsync(string address, string? userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var byAddress = await counter.ReadAsync(AddressKey(address), cancellationToken);
        if (byAddress is not null && byAddress.Count >= _options.FailuresPerAddress)
        {
            return (SignInBlock.Address, byAddress.Ends - now);
        }
        if (userId is not null)
        {
            var pair = await counter.ReadAsync(await PairKeyAsync(userId, address, cancellationToken), cancellationToken);
            if (pair is not null && pair.Count >= _options.FailuresPerAccountAndAddress)
            {
                return (SignInBlock.AccountFromAddress, pair.Ends - now);
            }
        }
        return (SignInBlock.None, TimeSpan.Zero);
    }

    /// <summary>Counts a wrong password (or an unknown account) from the address; returns the block it causes, if any.</summary>
    public async Task<SignInBlock> RecordFailureAsync(string address, string? userId, CancellationToken cancellationToken = default)
    {
        var byAddress = await counter.IncrementAsync(AddressKey(address), _options.AddressWindow, cancellationToken);
        if (userId is not null)
        {
            var pair = await counter.IncrementAsync(await PairKeyAsync(userId, address, cancellationToken), _options.AccountAndAddressWindow, cancellationToken);
            if (pair >= _options.FailuresPerAccountAndAddress)
            {
                return SignInBlock.AccountFromAddress;
            }
        }
        return byAddress >= _options.FailuresPerAddress ? SignInBlock.Address : SignInBlock.None;
    }

    /// <summary>A successful sign-in clears the pair's count.</summary>
    public async Task RecordSuccessAsync(string address, string userId, CancellationToken cancellationToken = default) =>
        await cache.RemoveAsync(await PairKeyAsync(userId, address, cancellationToken), cancellationToken);

    /// <summary>An admin's unlock: every address's count for the account starts again (a new generation of keys).</summary>
    public Task ResetAccountAsync(string userId, CancellationToken cancellationToken = default) =>
        cache.SetStringAsync(GenerationKey(userId), Guid.NewGuid().ToString("N"), cancellationToken);

    private static string AddressKey(string address) => "signin:address:" + address;

    private static string GenerationKey(string userId) => "signin:generation:" + userId;

    private async Task<string> PairKeyAsync(string userId, string address, CancellationToken cancellationToken) =>
        $"signin:pair:{userId}:{await cache.GetStringAsync(GenerationKey(userId), cancellationToken) ?? "0"}:{address}";

    /// <summary>The client's address (after the forwarded-headers middleware, which trusts only known proxies).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>The client address of the request that opened the page, cascaded to interactive components (Routes.razor).</summary>
public sealed record ClientAddress(string Value);
