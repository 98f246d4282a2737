using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Accounts;

public sealed record AccountRow(string Id, string RealName, string? UserName, string? Phone, int OrgUnitId, string OrgUnitName,
    string OrgPath, OrgUnitKind OrgKind, AdminLevel Level, AccountStatus Status, EmploymentStatus Employment, Capability Capabilities,
    string SubjectsText, DateTimeOffset RegisteredAt, DateTimeOffset? LockoutEnd = null)
{
    /// <summary>Locked after too many wrong passwords (the account-wide backstop); open sessions are unaffected.</summary>
    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    public AccountPosition Position => new(Level, OrgPath, OrgKind);
}

public sealed record AccountQuery(string? Search = null, int? OrgUnitId = null, AdminLevel? Level = null, AccountStatus? Status = null,
    EmploymentStatus? Employment = null, int Page = 0, int PageSize = 20);

public sealed record PlacementOption(int Id, string Name, OrgUnitKind Kind);

/// <summary>What an admin does to accounts below it: list, approve registrations, change level, grant capabilities, change status.</summary>
public sealed class AccountAdminService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, Infrastructure.Auth.SignInThrottle throttle,
    IPasswordHasher<ApplicationUser> hasher)
{
    public async Task<(IReadOnlyList<AccountRow> Rows, int Total)> SearchAsync(Caller caller, AccountQuery query, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return ([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await FilterAsync(db, caller, query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Project(filtered.OrderByDescending(u => u.Level).ThenBy(u => u.OrgUnit!.Path).ThenBy(u => u.RealName)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)).ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<byte[]> ExportAsync(Caller caller, AccountQuery query, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return ExcelExport.Build<AccountRow>("人员名单", Columns, []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = await FilterAsync(db, caller, query, cancellationToken);
        var rows = await Project(filtered.OrderBy(u => u.OrgUnit!.Path).ThenByDescending(u => u.Level).ThenBy(u => u.RealName)).ToListAsync(cancellationToken);
        return ExcelExport.Build("人员名单", Columns, rows);
    }

    private static readonly IReadOnlyList<ExcelColumn<AccountRow>> Columns =
    [
        new("姓名", r => r.RealName, 12),
        new("手机号", r => r.Phone, 14),
        new("用户名", r => r.UserName, 14),
        new("单位", r => r.OrgUnitName, 28),
        new("管理级别", r => r.Level.DisplayName(), 12),
        new("附加权限", r => r.Capabilities == Capability.None ? "" : r.Capabilities.DisplayName(), 16),
        new("任教学科", r => r.SubjectsText, 18),
        new("账号状态", r => r.Status.DisplayName(), 10),
        new("在职状态", r => r.Employment.DisplayName(), 10),
        new("注册时间", r => r.RegisteredAt, 18),
    ];

    private static async Task<IQueryable<ApplicationUser>> FilterAsync(EduPortalDbContext db, Caller caller, AccountQuery query, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().WithinJurisdiction(caller);
        if (query.OrgUnitId is { } orgUnitId)
        {
            var path = await db.OrgUnits.WithinJurisdiction(caller).Where(o => o.Id == orgUnitId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken);
            // An id outside the jurisdiction matches nothing rather than widening the search.
            users = path is null ? users.Where(_ => false) : users.Where(u => u.OrgUnit!.Path.StartsWith(path));
        }
        if (query.Level is { } level)
        {
            users = users.Where(u => u.Level == level);
        }
        if (query.Status is { } status)
        {
            users = users.Where(u => u.Status == status);
        }
        if (query.Employment is { } employment)
        {
            users = users.Where(u => u.Employment == employment);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            users = users.Where(u => u.RealName.Contains(text) || u.PhoneNumber!.Contains(text) || u.UserName!.Contains(text));
        }
        return users;
    }

    private static IQueryable<AccountRow> Project(IQueryable<ApplicationUser> users) =>
        users.Select(u => new AccountRow(u.Id, u.RealName, u.UserName, u.PhoneNumber, u.OrgUnitId, u.OrgUnit!.Name, u.OrgUnit.Path, u.OrgUnit.Kind,
            u.Level, u.Status, u.Employment, u.Capabilities, u.SubjectsText, u.RegisteredAt, u.LockoutEnd));

    /// <summary>Pending registrations, oldest first, so nobody waits behind newer applicants.</summary>
    public async Task<IReadOnlyList<AccountRow>> PendingAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Users.AsNoTracking().WithinJurisdiction(caller).Where(u => u.Status == AccountStatus.Pending)
            .OrderBy(u => u.RegisteredAt).Take(500)).ToListAsync(cancellationToken);
    }

    public async Task<int> PendingCountAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.WithinJurisdiction(caller).CountAsync(u => u.Status == AccountStatus.Pending, cancellationToken);
    }

    public Task<Result> ApproveAsync(Caller caller, string userId, CancellationToken cancellationToken = default) =>
        ReviewAsync(caller, userId, approve: true, reason: null, cancellationToken);

    public Task<Result> RejectAsync(Caller caller, string userId, string reason, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult<Result>(ValidationError.For("Reason", "请填写驳回原因，便于教师修改后重新注册"))
            : ReviewAsync(caller, userId, approve: false, reason.Trim(), cancellationToken);

    /// <summary>
    /// Rejects several applications with one reason (a flood of scripted registrations, issue 10): each is checked
    /// and audited as a single rejection would be. Returns how many were rejected; the first error if none was.
    /// </summary>
    public async Task<Result<int>> RejectManyAsync(Caller caller, IReadOnlyCollection<string> userIds, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ValidationError.For("Reason", "请填写驳回原因，便于教师修改后重新注册");
        }
        if (userIds.Count == 0)
        {
            return ValidationError.For("Selection", "请先勾选要驳回的注册申请");
        }
        var rejected = 0;
        Error? first = null;
        foreach (var id in userIds.Distinct())
        {
            var result = await ReviewAsync(caller, id, approve: false, reason.Trim(), cancellationToken);
            if (result.Succeeded)
            {
                rejected++;
            }
            else
            {
                first ??= result.Error;
            }
        }
        return rejected == 0 && first is not null ? first : rejected;
    }

    private async Task<Result> ReviewAsync(Caller caller, string userId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindManageableAsync(db, caller, userId, cancellationToken,
            u => u.Status != AccountStatus.Pending ? new ConflictError($"该注册申请已处理（{u.Status.DisplayName()}）。") : null);
        if (!found.Succeeded)
        {
            return found.Error!;
        }
        var user = found.Value!;
        if (reason is { Length: > 200 })
        {
            return ValidationError.For("Reason", "驳回原因不能超过 200 字");
        }
        user.Status = approve ? AccountStatus.Active : AccountStatus.Rejected;
        user.ReviewedById = caller.UserId;
        user.ReviewedAt = clock.GetUtcNow();
        user.RejectionReason = reason;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(caller, clock, approve ? AuditActions.AccountApproved : AuditActions.AccountRejected, "Account", user.Id, user.OrgUnit!.Path,
            approve ? $"通过{user.OrgUnit.Name}{user.RealName}的注册申请" : $"驳回{user.OrgUnit.Name}{user.RealName}的注册申请：{reason}",
            new { 状态 = AccountStatus.Pending.DisplayName() }, new { 状态 = user.Status.DisplayName(), 原因 = reason });
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Org units the account could sit in at the new level: fitting the level, inside the caller's jurisdiction, on the account's own branch.</summary>
    public async Task<Result<IReadOnlyList<PlacementOption>>> GetPlacementOptionsAsync(Caller caller, string userId, AdminLevel newLevel, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindManageableAsync(db, caller, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }
        var user = found.Value!;
        var userPath = user.OrgUnit!.Path;
        var ancestors = OrgUnit.AncestorPaths(userPath);
        var candidates = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Where(o => ancestors.Contains(o.Path) || o.Path.StartsWith(userPath))
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path })
            .ToListAsync(cancellationToken);
        IReadOnlyList<PlacementOption> options = candidates
            .Where(o => newLevel.FitsOrgKind(o.Kind))
            .OrderByDescending(o => ancestors.Contains(o.Path) ? o.Path.Length : 0) // nearest own unit first
            .ThenBy(o => o.Path, StringComparer.Ordinal)
            .Select(o => new PlacementOption(o.Id, o.Name, o.Kind))
            .ToList();
        return Result<IReadOnlyList<PlacementOption>>.Ok(options);
    }

    /// <summary>Promotes or demotes an account (circular 000 §二(二).1), re-checking every rule on the server.</summary>
    public async Task<Result> ChangeLevelAsync(Caller caller, string userId, AdminLevel newLevel, int? orgUnitId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAccountAsync(db, caller, userId, cancellationToken);
        if (user is null)
        {
            return new NotFoundError();
        }
        if (user.Status != AccountStatus.Active)
        {
            return new ConflictError("只能调整已审核通过且未停用账号的级别。");
        }
        OrgUnit? target;
        if (orgUnitId is { } id)
        {
            target = await db.OrgUnits.WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (target is null)
            {
                return new NotFoundError();
            }
            // Only the account's own branch: one of its units' ancestors, or a unit below its current one.
            var userPath = user.OrgUnit!.Path;
            if (!OrgUnit.PathContains(target.Path, userPath) && !OrgUnit.PathContains(userPath, target.Path))
            {
                return ValidationError.For("OrgUnit", "只能安排在该人员所在单位或其上级、下级单位。");
            }
        }
        else
        {
            // Default placement: the nearest unit on the account's own branch that suits the new level.
            var ancestors = OrgUnit.AncestorPaths(user.OrgUnit!.Path);
            var branch = await db.OrgUnits.WithinJurisdiction(caller).Where(o => ancestors.Contains(o.Path)).ToListAsync(cancellationToken);
            target = branch.Where(o => newLevel.FitsOrgKind(o.Kind)).OrderByDescending(o => o.Path.Length).FirstOrDefault() ?? user.OrgUnit;
        }
        var check = RoleRules.CanChangeLevel(caller.Position, user.Position, newLevel, target.Path, target.Kind);
        if (!check.Succeeded)
        {
            return check;
        }
        var before = new { 级别 = user.Level.DisplayName(), 单位 = user.OrgUnit!.Name };
        var promoted = newLevel > user.Level;
        user.Level = newLevel;
        user.OrgUnitId = target.Id;
        user.OrgUnit = target;
        user.SecurityStamp = Guid.NewGuid().ToString("N"); // open sessions pick up the new level at the next check
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(caller, clock, AuditActions.AccountLevelChanged, "Account", user.Id, target.Path,
            $"{(promoted ? "提升" : "降级")}{user.RealName}为{newLevel.DisplayName()}（{target.Name}）",
            before, new { 级别 = newLevel.DisplayName(), 单位 = target.Name });
        return await SaveAsync(db, cancellationToken);
    }

    public async Task<Result> SetCapabilitiesAsync(Caller caller, string userId, Capability capabilities, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAccountAsync(db, caller, userId, cancellationToken);
        if (user is null)
        {
            return new NotFoundError();
        }
        var check = RoleRules.CanGrantCapabilities(caller.Position, user.Position);
        if (!check.Succeeded)
        {
            return check;
        }
        if (user.Status != AccountStatus.Active)
        {
            return new ConflictError("只能给已审核通过且未停用的账号授予权限。");
        }
        if (user.Capabilities == capabilities)
        {
            return Result.Success;
        }
        var before = new { 附加权限 = user.Capabilities.DisplayName() };
        user.Capabilities = capabilities;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(caller, clock, AuditActions.AccountCapabilitiesChanged, "Account", user.Id, user.OrgUnit!.Path,
            $"设置{user.RealName}的附加权限为：{capabilities.DisplayName()}", before, new { 附加权限 = capabilities.DisplayName() });
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Disables/enables an account or records retirement/departure. A disabled account loses access at its next click.</summary>
    public async Task<Result> SetStatusAsync(Caller caller, string userId, AccountStatus status, EmploymentStatus employment, CancellationToken cancellationToken = default)
    {
        if (status is not (AccountStatus.Active or AccountStatus.Disabled))
        {
            return ValidationError.For("Status", "只能启用或停用账号");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindManageableAsync(db, caller, userId, cancellationToken,
            u => u.Status is AccountStatus.Pending or AccountStatus.Rejected ? new ConflictError("注册申请尚未通过，请在“注册审核”中处理。") : null);
        if (!found.Succeeded)
        {
            return found.Error!;
        }
        var user = found.Value!;
        if (user.Status == status && user.Employment == employment)
        {
            return Result.Success;
        }
        var before = new { 账号状态 = user.Status.DisplayName(), 在职状态 = user.Employment.DisplayName() };
        user.Status = status;
        user.Employment = employment;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(caller, clock, AuditActions.AccountStatusChanged, "Account", user.Id, user.OrgUnit!.Path,
            $"{user.RealName}：{status.DisplayName()}，{employment.DisplayName()}", before, new { 账号状态 = status.DisplayName(), 在职状态 = employment.DisplayName() });
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Resets a forgotten password (忘记密码请联系学校管理员): a fresh temporary password shown once to the
    /// admin, any lockout lifted, open sessions ended. The password itself is never stored or audited.
    /// </summary>
    public async Task<Result<string>> ResetPasswordAsync(Caller caller, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindManageableAsync(db, caller, userId, cancellationToken,
            u => u.Status != AccountStatus.Active ? new ConflictError("只能为已审核通过且未停用的账号重置密码。") : null);
        if (!found.Succeeded)
        {
            return found.Error!;
        }
        var user = found.Value!;
        var password = TemporaryPasswords.Generate();
        user.PasswordHash = hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(caller, clock, AuditActions.AccountPasswordReset, "Account", user.Id, user.OrgUnit!.Path, $"为{user.RealName}重置密码并解除锁定");
        var saved = await SaveAsync(db, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Error!;
        }
        // "解除锁定" covers the throttle too: a teacher who forgot the password and tried five times on their own
        // phone must be able to use the new one there at once.
        await throttle.ResetAccountAsync(user.Id, cancellationToken);
        return password;
    }

    /// <summary>
    /// Lifts a sign-in lock (the account-wide one, and every address's count for the account) without touching
    /// the password or open sessions: for a teacher locked out by someone else's guesses.
    /// </summary>
    public async Task<Result> UnlockAsync(Caller caller, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await FindManageableAsync(db, caller, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }
        var user = found.Value!;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(caller, clock, AuditActions.AccountUnlocked, "Account", user.Id, user.OrgUnit!.Path, $"解除{user.RealName}的登录锁定");
        var saved = await SaveAsync(db, cancellationToken);
        if (saved.Succeeded)
        {
            await throttle.ResetAccountAsync(user.Id, cancellationToken);
        }
        return saved;
    }

    /// <summary>
    /// The account with its org unit when the caller may manage it (circular 000: only lower levels, inside the
    /// caller's subtree); not found outside the jurisdiction, the role rule's refusal otherwise.
    /// </summary>
    /// <summary>
    /// The account, if the caller may manage it (jurisdiction, then the role rule) and it passes the action's own
    /// state check (<paramref name="state"/>: an error for a state the action refuses).
    /// </summary>
    private static async Task<Result<ApplicationUser>> FindManageableAsync(EduPortalDbContext db, Caller caller, string userId, CancellationToken cancellationToken,
        Func<ApplicationUser, Error?>? state = null)
    {
        var user = await FindAccountAsync(db, caller, userId, cancellationToken);
        if (user is null)
        {
            return new NotFoundError();
        }
        var manage = RoleRules.CanManage(caller.Position, user.Position);
        if (!manage.Succeeded)
        {
            return manage.Error!;
        }
        return state?.Invoke(user) is { } refused ? refused : user;
    }

    /// <summary>The account with its org unit, or null when it is outside the caller's jurisdiction.</summary>
    private static Task<ApplicationUser?> FindAccountAsync(EduPortalDbContext db, Caller caller, string userId, CancellationToken cancellationToken) =>
        db.Users.WithinJurisdiction(caller).Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);

    /// <summary>Two admins acting on one account at once: the second is told, never silently overwrites.</summary>
    private static async Task<Result> SaveAsync(EduPortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("该账号刚被其他管理员修改，请刷新后重试。");
        }
    }
}
