using System.Security.Claims;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>
/// Re-checks an open circuit's account every minute (the template's 30 minutes is far too long for a
/// disabled or demoted account): the security stamp must match and the account must still be allowed in.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<SessionOptions> sessionOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessionOptions.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await IsStillValidAsync(scope.ServiceProvider, authenticationState.User, options.Value, cancellationToken);
    }

    /// <summary>True while the account may stay signed in: active, serving, not locked out, and the security stamp unchanged.</summary>
    public static async Task<bool> IsStillValidAsync(IServiceProvider services, ClaimsPrincipal principal, IdentityOptions identityOptions, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<EduPortalDbContext>>();
        var userManager = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await CallerAccessor.LoadAsync(dbFactory, principal, cancellationToken) is null)
        {
            return false;
        }
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        var principalStamp = principal.FindFirstValue(identityOptions.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }
}

/// <summary>The <c>Session</c> configuration section.</summary>
public sealed class SessionOptions
{
    /// <summary>How often an open circuit and a cookie are re-checked against the account.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
