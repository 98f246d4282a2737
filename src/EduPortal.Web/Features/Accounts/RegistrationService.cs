using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Accounts;

public sealed class RegistrationInput
{
    public string RealName { get; set; } = "";
    public string Phone { get; set; } = "";
    public int? SchoolId { get; set; }
    public List<string> Subjects { get; set; } = [];
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed record SchoolOption(int Id, string Name, string CountyName, string? Phone);

/// <summary>Teacher self-registration (教师注册): the account waits for the school admin's approval.</summary>
public sealed class RegistrationService(
    IDbContextFactory<EduPortalDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    TimeProvider clock,
    RegistrationThrottle throttle,
    Microsoft.Extensions.Options.IOptions<RegistrationOptions> options)
{
    /// <summary>The field key of a message about the whole form (shown above it), not one field.</summary>
    public const string FormField = "Form";

    /// <summary>The reason recorded on an application that waited longer than <see cref="RegistrationOptions.PendingDays"/>.</summary>
    public string ExpiredReason => $"申请超过 {options.Value.PendingDays} 天未审核，已自动失效，可重新注册";

    public const int MaxNameLength = RealName.MaxLength;

    /// <summary>
    /// Registration is anonymous: cap the applications waiting at one school so a script cannot bury its
    /// admin (interactive events bypass HTTP rate limiting, so the cap lives here).
    /// </summary>
    public const int MaxPendingPerSchool = 50;

    /// <summary>The answer for a phone number that has an account or an application, whichever it is.</summary>
    public const string PhoneTakenMessage = "该手机号已注册或已提交注册申请，请直接登录；忘记密码请联系学校管理员";

    /// <summary>All schools, with their county, for the public registration form.</summary>
    public async Task<IReadOnlyList<SchoolOption>> ListSchoolsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Select(o => new { o.Id, o.Name, o.Kind, o.Path, o.Phone }).ToListAsync(cancellationToken);
        var counties = units.Where(u => u.Kind == OrgUnitKind.County).ToDictionary(u => u.Path, u => u.Name);
        return units.Where(u => u.Kind == OrgUnitKind.School)
            .Select(u => new SchoolOption(u.Id, u.Name, OrgUnit.AncestorPaths(u.Path).Select(p => counties.GetValueOrDefault(p)).FirstOrDefault(n => n is not null) ?? "", u.Phone))
            .OrderBy(s => s.CountyName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Registers an applicant. <paramref name="clientAddress"/> is the address the registration page was requested
    /// from: at most <see cref="RegistrationOptions.PerAddress"/> registrations per address per window.
    /// </summary>
    public async Task<Result<string>> RegisterAsync(RegistrationInput input, string clientAddress, CancellationToken cancellationToken = default)
    {
        if (await throttle.BlockedForAsync(clientAddress, cancellationToken) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            return ValidationError.For(FormField, $"本网络提交的注册申请过多，请 {minutes} 分钟后再试；同校教师较多时，可请学校管理员用名单导入开通账号");
        }
        var phone = PhoneNumbers.Normalize(input.Phone);
        var name = input.RealName?.Trim() ?? "";
        var validation = new ValidationBuilder()
            .Check(name.Length >= 2, nameof(input.RealName), "请填写真实姓名（至少 2 个字）")
            .Check(name.Length <= MaxNameLength, nameof(input.RealName), $"姓名不能超过 {MaxNameLength} 个字")
            .Check(PhoneNumbers.IsMainlandMobile(phone), nameof(input.Phone), PhoneNumbers.MobileMessage)
            .Check(input.SchoolId is not null, nameof(input.SchoolId), "请选择所在学校")
            .Check(input.Subjects.Count > 0, nameof(input.Subjects), "请至少选择一门任教学科")
            .Check(input.Subjects.All(Domain.Accounts.Subjects.IsKnown), nameof(input.Subjects), "任教学科无效")
            .Check(input.Password == input.ConfirmPassword, nameof(input.ConfirmPassword), "两次输入的密码不一致");
        // A scope per registration: Identity's stores and the audit entry share one context and one SaveChanges.
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EduPortalDbContext>();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var school = input.SchoolId is { } schoolId ? await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == schoolId, cancellationToken) : null;
        validation.Check(input.SchoolId is null || school is { Kind: OrgUnitKind.School }, nameof(input.SchoolId), "请选择所在学校");
        if (school is { Kind: OrgUnitKind.School })
        {
            // Applications older than PendingDays no longer count (the daily job marks them expired): a flood
            // fills the cap for at most that long, and the admin clears it at once with 批量驳回.
            var cutoff = PendingCutoff();
            var waiting = await db.Users.CountAsync(u => u.OrgUnitId == school.Id && u.Status == AccountStatus.Pending && u.RegisteredAt >= cutoff, cancellationToken);
            validation.Check(waiting < MaxPendingPerSchool, nameof(input.SchoolId), "该校待审核的注册申请过多，请先联系学校管理员处理后再提交");
        }
        var existing = PhoneNumbers.IsMainlandMobile(phone)
            ? await userManager.Users.SingleOrDefaultAsync(u => u.PhoneNumber == phone, cancellationToken)
            : null;
        // One answer for an account and for an application waiting for review: different answers told a stranger
        // which numbers belong to active teachers (user enumeration, issue 10).
        validation.Check(existing is null or { Status: AccountStatus.Rejected }, nameof(input.Phone), PhoneTakenMessage);

        var user = existing ?? new ApplicationUser();
        user.UserName = phone;
        user.PhoneNumber = phone;
        user.RealName = name;
        user.OrgUnitId = school?.Id ?? 0;
        user.Level = AdminLevel.Teacher;
        user.Status = AccountStatus.Pending;
        user.Employment = EmploymentStatus.Serving;
        user.Capabilities = Capability.None;
        user.SubjectsText = Domain.Accounts.Subjects.Join(input.Subjects);
        user.RegisteredAt = clock.GetUtcNow();
        user.ReviewedById = null;
        user.ReviewedAt = null;
        user.RejectionReason = null;
        user.LockoutEnabled = true;
        foreach (var validator in userManager.PasswordValidators)
        {
            var passwordResult = await validator.ValidateAsync(userManager, user, input.Password);
            if (!passwordResult.Succeeded)
            {
                validation.Check(false, nameof(input.Password), passwordResult.Errors.First().Description);
            }
        }
        if (validation.Build() is { } error)
        {
            return error;
        }

        // Added before the user is saved so both land in Identity's one SaveChanges.
        if (string.IsNullOrEmpty(user.Id))
        {
            user.Id = Guid.NewGuid().ToString();
        }
        db.Audit(user.Id, name, clock, AuditActions.AccountRegistered, "Account", user.Id, school!.Path,
            $"{name}申请注册为{school.Name}教师", after: new { 姓名 = name, 手机号 = phone, 学校 = school.Name, 学科 = user.SubjectsText });
        // A rejected applicant re-registers on the same account, which keeps its audit trail.
        IdentityResult saved;
        try
        {
            if (existing is null)
            {
                saved = await userManager.CreateAsync(user, input.Password);
            }
            else
            {
                user.PasswordHash = userManager.PasswordHasher.HashPassword(user, input.Password);
                saved = await userManager.UpdateAsync(user);
            }
        }
        catch (DbUpdateException)
        {
            // The same phone submitted twice at once: the unique index lets one through.
            return ValidationError.For(nameof(input.Phone), PhoneTakenMessage);
        }
        if (!saved.Succeeded)
        {
            return ValidationError.For(nameof(input.Phone), saved.Errors.First().Description);
        }
        await throttle.RecordAsync(clientAddress, cancellationToken);
        return user.Id;
    }

    private DateTimeOffset PendingCutoff() => clock.GetUtcNow().AddDays(-options.Value.PendingDays);

    /// <summary>
    /// Marks applications that waited longer than <see cref="RegistrationOptions.PendingDays"/> as rejected with
    /// <see cref="ExpiredReason"/> (audited as the system); the applicant sees the reason and may register again.
    /// Run daily by Hangfire (<see cref="ExpiryJobId"/>); returns how many expired.
    /// </summary>
    public async Task<int> ExpireStaleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cutoff = PendingCutoff();
        var stale = await db.Users.Include(u => u.OrgUnit).Where(u => u.Status == AccountStatus.Pending && u.RegisteredAt < cutoff)
            .OrderBy(u => u.RegisteredAt).Take(1000).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var user in stale)
        {
            user.Status = AccountStatus.Rejected;
            user.ReviewedAt = now;
            user.ReviewedById = null;
            user.RejectionReason = ExpiredReason;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.Audit("system", "系统", clock, AuditActions.AccountRejected, "Account", user.Id, user.OrgUnit?.Path ?? "/",
                $"{user.OrgUnit?.Name}{user.RealName}的注册申请{ExpiredReason}",
                new { 状态 = AccountStatus.Pending.DisplayName() }, new { 状态 = AccountStatus.Rejected.DisplayName(), 原因 = ExpiredReason });
        }
        await db.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }

    public const string ExpiryJobId = "registration-expiry-daily";
}
