using System.Security.Cryptography;
using System.Text;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Points;

/// <summary>
/// An ingestion key for one platform (接入平台). Only a SHA-256 hash of the key is stored: the key is
/// shown once when issued. The key's platform code is the source of every event it sends.
/// </summary>
public sealed class PointApiKey
{
    public const int MaxNameLength = 60;

    private PointApiKey()
    {
    }

    public int Id { get; private set; }
    public string PlatformName { get; private set; } = "";
    /// <summary>Source code stamped on the platform's events (idempotency is per source).</summary>
    public string Source { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    /// <summary>First characters of the key, so admins can tell keys apart.</summary>
    public string KeyPrefix { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public string IssuedByName { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedByName { get; private set; }
    public bool IsActive => RevokedAt is null;

    /// <summary>Issues a key; returns the entity and the plain key, which is never stored.</summary>
    public static Result<(PointApiKey Key, string PlainKey)> Issue(string platformName, string source, string byName, DateTimeOffset at)
    {
        var name = platformName?.Trim() ?? "";
        var code = source?.Trim().ToLowerInvariant() ?? "";
        var error = new ValidationBuilder()
            .Check(name.Length > 0, nameof(PlatformName), "请填写平台名称")
            .Check(name.Length <= MaxNameLength, nameof(PlatformName), $"平台名称不能超过 {MaxNameLength} 个字")
            .Check(code.Length is >= 2 and <= 30 && code.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'), nameof(Source),
                "来源代码应为 2–30 位小写字母、数字或连字符")
            .Check(code != PointSources.Portal && !code.StartsWith(PointSources.ImportPrefix, StringComparison.Ordinal), nameof(Source), "该来源代码为本平台保留")
            .Build();
        if (error is not null)
        {
            return error;
        }
        var plain = "ep_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new PointApiKey
        {
            PlatformName = name,
            Source = code,
            KeyHash = Hash(plain),
            KeyPrefix = plain[..10],
            IssuedAt = at,
            IssuedByName = byName,
        }, plain);
    }

    public Result Revoke(string byName, DateTimeOffset at)
    {
        if (!IsActive)
        {
            return new ConflictError("该密钥已吊销。");
        }
        RevokedAt = at;
        RevokedByName = byName;
        return Result.Success;
    }

    public static string Hash(string plainKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plainKey)));
}
