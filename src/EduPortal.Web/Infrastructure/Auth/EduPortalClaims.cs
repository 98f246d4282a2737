using System.Security.Claims;
using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Infrastructure.Auth;

public static class EduPortalClaims
{
    public const string Level = "eduportal:level";
    public const string RealName = "eduportal:realname";
    public const string OrgUnitName = "eduportal:org";
    public const string Capabilities = "eduportal:capabilities";
    public const string OrgKind = "eduportal:orgkind";
    /// <summary>Present while the account still has a temporary password (see <see cref="ApplicationUser.MustChangePassword"/>).</summary>
    public const string MustChangePassword = "eduportal:mustchangepassword";

    public static bool MustChangePasswordNow(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == MustChangePassword);

    public static AdminLevel GetLevel(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(Level), out var value) && Enum.IsDefined((AdminLevel)value) ? (AdminLevel)value : AdminLevel.Teacher;

    /// <summary>The kind of the account's org unit (menus only: a school's people record lab lessons).</summary>
    public static Domain.Organization.OrgUnitKind? GetOrgKind(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(OrgKind), out var value) ? (Domain.Organization.OrgUnitKind)value : null;

    public static Capability GetCapabilities(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(Capabilities), out var value) ? (Capability)value : Capability.None;
}

/// <summary>Puts level, name and org unit into the cookie so menus render without a query. Services still re-read the account.</summary>
public sealed class EduPortalClaimsFactory(UserManager<ApplicationUser> userManager, IOptions<IdentityOptions> options, Data.EduPortalDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var org = user.OrgUnit ?? await db.OrgUnits.FindAsync(user.OrgUnitId);
        identity.AddClaim(new Claim(EduPortalClaims.Level, ((int)user.Level).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(EduPortalClaims.RealName, user.RealName));
        identity.AddClaim(new Claim(EduPortalClaims.OrgUnitName, org?.Name ?? ""));
        if (org is not null)
        {
            identity.AddClaim(new Claim(EduPortalClaims.OrgKind, ((int)org.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        identity.AddClaim(new Claim(EduPortalClaims.Capabilities, ((int)user.Capabilities).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(EduPortalClaims.MustChangePassword, "1"));
        }
        return identity;
    }
}

/// <summary>Only active, serving accounts may sign in: pending, rejected, disabled, retired and departed ones may not.</summary>
public sealed class AccountStatusConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(user.CanSignIn);
}

/// <summary>Length over composition (NIST 800-63B): no class rules, but not the user's own name or phone.</summary>
public sealed class NotIdentifierPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is not null && (string.Equals(password, user.UserName, StringComparison.OrdinalIgnoreCase)
            || (user.PhoneNumber is { Length: > 0 } phone && password.Contains(phone, StringComparison.Ordinal))))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordIsIdentifier", Description = "密码不能与用户名或手机号相同" }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
