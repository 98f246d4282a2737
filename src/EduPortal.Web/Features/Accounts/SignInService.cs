using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Accounts;

/// <summary>How a sign-in attempt ended: signed in, locked out (the lockout page), or refused with a message for the form.</summary>
public enum SignInOutcomeKind
{
    SignedIn,
    LockedOut,
    Refused,
}

public sealed record SignInOutcome(SignInOutcomeKind Kind, string? Error = null)
{
    public static readonly SignInOutcome SignedIn = new(SignInOutcomeKind.SignedIn);
    public static readonly SignInOutcome LockedOut = new(SignInOutcomeKind.LockedOut);

    public static SignInOutcome Refused(string error) => new(SignInOutcomeKind.Refused, error);
}

/// <summary>
/// The sign-in form's work: finds the account by user name or phone, applies the throttle and Identity's lockout,
/// says why an account may not sign in (only to someone who knows its password), audits a lockout and records the
/// day's sign-in for the points index.
/// </summary>
public sealed class SignInService(UserManager<ApplicationUser> userManager, SignInManager<ApplicationUser> signInManager, EduPortalDbContext db,
    TimeProvider clock, SignInThrottle throttle, PointEventRecorder pointEvents, ILogger<SignInService> logger)
{
    public const string WrongCredentials = "手机号/用户名或密码错误。";

    public async Task<SignInOutcome> SignInAsync(string login, string password, bool rememberMe, string address)
    {
        login = login.Trim();
        // Sign-in by user name or by the phone number on the account.
        var user = await userManager.FindByNameAsync(login)
            ?? await userManager.Users.SingleOrDefaultAsync(u => u.PhoneNumber == login);
        // Guessing is stopped per client address and per (account, address) before any password is checked.
        var (block, retryAfter) = await throttle.CheckAsync(address, user?.Id);
        if (block != SignInBlock.None)
        {
            return SignInOutcome.Refused(BlockedMessage(block, retryAfter));
        }
        if (user is null)
        {
            // The same password hashing as for a real account: answering faster for an unknown one would tell a
            // stranger which phone numbers have accounts (57 ms against 3 ms before).
            UnknownAccountPassword.Verify(userManager.PasswordHasher, password);
            await throttle.RecordFailureAsync(address, null);
            return SignInOutcome.Refused(WrongCredentials);
        }
        if (!user.CanSignIn)
        {
            // Say why only to someone who knows the password, or the page would tell strangers who is pending or rejected.
            // The password is checked even when locked out, so the answer takes as long either way.
            var passwordMatches = await userManager.CheckPasswordAsync(user, password);
            if (await userManager.IsLockedOutAsync(user) || !passwordMatches)
            {
                await userManager.AccessFailedAsync(user);
                await throttle.RecordFailureAsync(address, user.Id);
                return SignInOutcome.Refused(WrongCredentials);
            }
        }
        // Account-wide lockout is the backstop (20 wrong passwords from anywhere); the throttle acts first.
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await throttle.RecordSuccessAsync(address, user.Id);
            logger.LogInformation("User {UserId} signed in.", user.Id);
            // The day's sign-in for the points index (circular 001 附件2 空间登录); never fails the sign-in.
            await pointEvents.RecordSignInAsync(user.Id);
            return SignInOutcome.SignedIn;
        }
        if (result.IsLockedOut)
        {
            var org = await db.OrgUnits.FindAsync(user.OrgUnitId);
            db.Audit(user.Id, user.RealName, clock, AuditActions.AccountLockedOut, "Account", user.Id, org?.Path ?? "/",
                $"{user.RealName}连续输错密码，账号被临时锁定");
            await db.SaveChangesAsync();
            return SignInOutcome.LockedOut;
        }
        if (result.IsNotAllowed)
        {
            return SignInOutcome.Refused(NotAllowedMessage(user));
        }
        var caused = await throttle.RecordFailureAsync(address, user.Id);
        return SignInOutcome.Refused(caused == SignInBlock.None ? WrongCredentials : BlockedMessage(caused, TimeSpan.FromMinutes(15)));
    }

    /// <summary>Why an account that may not sign in is refused (shown only after the right password).</summary>
    public static string NotAllowedMessage(ApplicationUser user) => (user.Status, user.Employment) switch
    {
        (AccountStatus.Pending, _) => "您的注册申请正在等待学校管理员审核，审核通过后即可登录。",
        (AccountStatus.Rejected, _) => $"您的注册申请未通过：{user.RejectionReason}。可修改信息后重新注册。",
        (AccountStatus.Disabled, _) => "该账号已停用，请联系学校管理员。",
        (_, EmploymentStatus.Retired) => "该账号已登记为退休，不能再登录。如有误，请联系学校管理员。",
        (_, _) => "该账号已登记为调离，不能再登录。如有误，请联系原学校管理员。",
    };

    private static string BlockedMessage(SignInBlock block, TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return block == SignInBlock.Address
            ? $"本网络登录失败次数过多，请 {minutes} 分钟后再试。"
            : $"该账号密码错误次数过多，请 {minutes} 分钟后再试；忘记密码请联系学校管理员重置。";
    }
}
