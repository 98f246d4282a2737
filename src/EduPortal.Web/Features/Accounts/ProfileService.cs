using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Accounts;

public sealed record MyProfile(string RealName, string? UserName, string? Phone, string OrgUnitName, int OrgUnitId, AdminLevel Level,
    Capability Capabilities, IReadOnlyList<string> Subjects, string? AvatarThumbnailKey);

public sealed class ProfileInput
{
    public string RealName { get; set; } = "";
    public string Phone { get; set; } = "";
    public List<string> Subjects { get; set; } = [];
}

/// <summary>The signed-in user's own profile (我的资料), including the avatar the points index checks for.</summary>
public sealed class ProfileService(IDbContextFactory<EduPortalDbContext> dbFactory, UploadPipeline uploads, IFileStore files, TimeProvider clock,
    Points.PointEventRecorder pointEvents)
{
    public async Task<MyProfile?> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.Id == caller.UserId, cancellationToken);
        return user is null ? null : new MyProfile(user.RealName, user.UserName, user.PhoneNumber, user.OrgUnit!.Name, user.OrgUnitId, user.Level,
            user.Capabilities, user.Subjects, user.AvatarThumbnailKey);
    }

    public async Task<Result> UpdateAsync(Caller caller, ProfileInput input, CancellationToken cancellationToken = default)
    {
        var phone = PhoneNumbers.Normalize(input.Phone);
        var name = input.RealName?.Trim() ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A phone is also a sign-in name: it may be nobody else's phone or user name.
        var phoneTaken = PhoneNumbers.IsMainlandMobile(phone) && await db.Users.AnyAsync(
            u => u.Id != caller.UserId && (u.PhoneNumber == phone || u.NormalizedUserName == phone), cancellationToken);
        var error = new ValidationBuilder()
            .Check(name.Length >= 2 && name.Length <= RegistrationService.MaxNameLength, nameof(input.RealName), "姓名应为 2–30 个字")
            .Check(PhoneNumbers.IsMainlandMobile(phone), nameof(input.Phone), PhoneNumbers.MobileMessage)
            .Check(!phoneTaken, nameof(input.Phone), "该手机号已被其他账号使用")
            .Check(input.Subjects.All(Subjects.IsKnown), nameof(input.Subjects), "任教学科无效")
            .Check(caller.Level > AdminLevel.Teacher || input.Subjects.Count > 0, nameof(input.Subjects), "请至少选择一门任教学科")
            .Build();
        if (error is not null)
        {
            return error;
        }
        var user = await db.Users.Include(u => u.OrgUnit).SingleAsync(u => u.Id == caller.UserId, cancellationToken);
        var before = new { 姓名 = user.RealName, 手机号 = user.PhoneNumber, 学科 = user.SubjectsText };
        user.RealName = name;
        // Accounts whose user name is their phone (self-registered, imported) keep the two in step.
        if (user.UserName == user.PhoneNumber && user.PhoneNumber != phone)
        {
            user.UserName = phone;
            user.NormalizedUserName = phone.ToUpperInvariant();
        }
        user.PhoneNumber = phone;
        user.SubjectsText = Subjects.Join(input.Subjects);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(caller, clock, AuditActions.AccountProfileChanged, "Account", user.Id, user.OrgUnit!.Path, $"{name}修改了个人资料",
            before, new { 姓名 = name, 手机号 = phone, 学科 = user.SubjectsText });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the same phone number with another account (unique index).
            return ValidationError.For(nameof(input.Phone), "该手机号已被其他账号使用");
        }
        await pointEvents.RecordProfileCompletionAsync(caller.UserId, cancellationToken);
        return Result.Success;
    }

    public async Task<Result> SetAvatarAsync(Caller caller, Stream content, long length, CancellationToken cancellationToken = default)
    {
        var stored = await uploads.StoreAsync(content, length, UploadPolicy.Avatar, cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Error!;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == caller.UserId, cancellationToken);
        var old = new[] { user.AvatarFileKey, user.AvatarThumbnailKey };
        user.AvatarFileKey = stored.Value!.Key;
        user.AvatarThumbnailKey = stored.Value.ThumbnailKey;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await uploads.DeleteAsync(stored.Value, CancellationToken.None);
            throw;
        }
        foreach (var key in old.OfType<string>())
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
        await pointEvents.RecordProfileCompletionAsync(caller.UserId, cancellationToken);
        return Result.Success;
    }
}
