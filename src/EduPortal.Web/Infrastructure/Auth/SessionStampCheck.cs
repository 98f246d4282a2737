using System.Security.Claims;
using EduPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>
/// Checks the sign-in cookie's security stamp against the account on every request. Identity's own validator
/// compares it only every <see cref="SessionOptions.RevalidationInterval"/>, and a sign-out used to end the session
/// in the browser only: a copy of the cookie kept working for up to 8 hours. Sign-out now renews the stamp
/// (<c>AccountsModule.MapAccountsEndpoints</c>), so every cookie issued before it is refused here at its next request.
/// </summary>
public static class SessionStampCheck
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal is null || userId is null)
        {
            context.RejectPrincipal();
            return;
        }
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        await using var db = await services.GetRequiredService<IDbContextFactory<EduPortalDbContext>>().CreateDbContextAsync(context.HttpContext.RequestAborted);
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stamp is null || stamp != principal.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
