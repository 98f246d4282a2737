using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

public sealed record ApiKeyRow(int Id, string PlatformName, string Source, string KeyPrefix, DateTimeOffset IssuedAt, string IssuedByName,
    DateTimeOffset? RevokedAt, string? RevokedByName);

/// <summary>Ingestion keys (接入密钥) for other platforms: issued and revoked by city admins, audited.</summary>
public sealed class PointApiKeyService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    private static ForbiddenError NotCity => new("只有市级管理员可以管理接入密钥。");

    public async Task<Result<IReadOnlyList<ApiKeyRow>>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.Level != AdminLevel.City)
        {
            return NotCity;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PointApiKeys.AsNoTracking()
            .Select(k => new ApiKeyRow(k.Id, k.PlatformName, k.Source, k.KeyPrefix, k.IssuedAt, k.IssuedByName, k.RevokedAt, k.RevokedByName))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.IssuedAt).ToList();
    }

    /// <summary>Issues a key and returns it in plain text: the only time anyone sees it.</summary>
    public async Task<Result<string>> IssueAsync(Caller caller, string platformName, string source, CancellationToken cancellationToken = default)
    {
        if (caller.Level != AdminLevel.City)
        {
            return NotCity;
        }
        var issued = PointApiKey.Issue(platformName, source, caller.RealName, clock.GetUtcNow());
        if (!issued.Succeeded)
        {
            return issued.Error!;
        }
        var (key, plain) = issued.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.PointApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit(caller, clock, AuditActions.PointApiKeyIssued, "PointApiKey", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.OrgPath,
            $"为“{key.PlatformName}”签发积分接入密钥（{key.KeyPrefix}…，来源 {key.Source}）", null, new { 平台 = key.PlatformName, 来源 = key.Source, 密钥前缀 = key.KeyPrefix });
        await db.SaveChangesAsync(cancellationToken);
        return plain;
    }

    public async Task<Result> RevokeAsync(Caller caller, int keyId, CancellationToken cancellationToken = default)
    {
        if (caller.Level != AdminLevel.City)
        {
            return NotCity;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.PointApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return new NotFoundError();
        }
        var revoked = key.Revoke(caller.RealName, clock.GetUtcNow());
        if (!revoked.Succeeded)
        {
            return revoked;
        }
        db.Audit(caller, clock, AuditActions.PointApiKeyRevoked, "PointApiKey", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.OrgPath,
            $"吊销“{key.PlatformName}”的积分接入密钥（{key.KeyPrefix}…）", new { 状态 = "有效" }, new { 状态 = "已吊销" });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
