using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Points;

/// <summary>
/// A raw event of the points ledger, stored as received. Unique on (source, external id), so a platform
/// may send the same event again; a later copy may only raise its numbers (readers grow).
/// </summary>
public sealed class PointEvent
{
    public const int MaxSourceLength = 40;
    public const int MaxExternalIdLength = 100;
    public const int MaxTypeLength = 40;

    private PointEvent()
    {
    }

    public long Id { get; private set; }
    public string TeacherId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>China calendar day of <see cref="OccurredAt"/>, for date-range queries.</summary>
    public DateOnly Day { get; private set; }
    public string Source { get; private set; } = "";
    public string ExternalId { get; private set; } = "";
    public int? Quantity { get; private set; }
    public int? SecondaryQuantity { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public static PointEvent Create(string teacherId, string type, DateTimeOffset occurredAt, string source, string externalId,
        int? quantity, int? secondaryQuantity, DateTimeOffset receivedAt) => new()
        {
            TeacherId = teacherId,
            Type = type,
            // Stored in UTC so every provider orders instants the same way.
            OccurredAt = occurredAt.ToUniversalTime(),
            Day = PointEngine.ChinaDay(occurredAt),
            Source = source,
            ExternalId = externalId,
            Quantity = quantity,
            SecondaryQuantity = secondaryQuantity,
            ReceivedAt = receivedAt,
        };

    public PointEventInput ToInput() => new(Id, Type, OccurredAt, Source, ExternalId, Quantity, SecondaryQuantity);

    /// <summary>Whether another copy names the same teacher, type and time (only its numbers may differ).</summary>
    public bool IsSameEvent(string teacherId, string type, DateTimeOffset occurredAt) =>
        TeacherId == teacherId && Type == type && OccurredAt.UtcTicks == occurredAt.UtcTicks;

    /// <summary>
    /// A resent copy with new numbers (a test's readers grew): the numbers may only rise, since readers, marks and
    /// class members accumulate. A lower number (or a number dropped) is refused with the reason and nothing changes;
    /// otherwise the numbers are replaced and the value says whether anything changed.
    /// </summary>
    public Result<bool> UpdateQuantities(int? quantity, int? secondaryQuantity)
    {
        if (Falls(Quantity, quantity) || Falls(SecondaryQuantity, secondaryQuantity))
        {
            return new ConflictError($"外部编号“{ExternalId}”的事件已记录数量 {Describe(Quantity, SecondaryQuantity)}，重发时数量只能增加，不能减少（本次 {Describe(quantity, secondaryQuantity)}）");
        }
        if (Quantity == quantity && SecondaryQuantity == secondaryQuantity)
        {
            return false;
        }
        Quantity = quantity;
        SecondaryQuantity = secondaryQuantity;
        return true;
    }

    private static bool Falls(int? stored, int? resent) => stored is { } before && (resent ?? 0) < before;

    private static string Describe(int? quantity, int? secondary) => secondary is null ? Number(quantity) : $"{Number(quantity)}、{Number(secondary)}";

    private static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空";
}

/// <summary>What one raw event earned in its points year: derived, rebuilt whenever the teacher's year is recomputed.</summary>
public sealed class PointAward
{
    public long EventId { get; set; }
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public DateOnly Day { get; set; }
    public int Points { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A teacher's points of a year, total and per category: derived, what the rankings read.</summary>
public sealed class PointTeacherTotal
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public int Total { get; set; }
    public int SpaceBuilding { get; set; }
    public int TeachingApplication { get; set; }
    public int Interaction { get; set; }
    public int TeacherTraining { get; set; }
    public int CampusManagement { get; set; }
    public int EventCount { get; set; }

    public int[] ByCategory => [SpaceBuilding, TeachingApplication, Interaction, TeacherTraining, CampusManagement];

    public void Set(int total, int[] byCategory, int eventCount)
    {
        Total = total;
        SpaceBuilding = byCategory[(int)PointCategory.SpaceBuilding];
        TeachingApplication = byCategory[(int)PointCategory.TeachingApplication];
        Interaction = byCategory[(int)PointCategory.Interaction];
        TeacherTraining = byCategory[(int)PointCategory.TeacherTraining];
        CampusManagement = byCategory[(int)PointCategory.CampusManagement];
        EventCount = eventCount;
    }
}

/// <summary>A teacher's points of one Monday–Sunday week: derived with the awards, what the weekly trend reads.</summary>
public sealed class PointTeacherWeek
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public DateOnly WeekStart { get; set; }
    public int Points { get; set; }
}

/// <summary>A teacher-year whose awards are stale because events arrived; drained by the recompute job.</summary>
public sealed class PointDirtyTeacher
{
    public long Id { get; set; }
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
}

/// <summary>A run of "recompute the year" (重新计算), with the progress the rule editor shows.</summary>
public sealed class PointRecomputeRun
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int TeachersDone { get; set; }
    public int TeachersTotal { get; set; }
    public long EventsDone { get; set; }
    public string? Failure { get; set; }

    public int Percent => TeachersTotal == 0 ? (FinishedAt is null ? 0 : 100) : (int)(100L * TeachersDone / TeachersTotal);
}

/// <summary>One saved version of a year's rule table (规则版本): every edit adds a version; the highest is in force.</summary>
public sealed class PointRuleSetVersion
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private PointRuleSetVersion()
    {
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Version { get; private set; }
    public DateOnly StartDate { get; private set; }
    public int PointsPerHour { get; private set; }
    public string RulesJson { get; private set; } = "[]";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public string Note { get; private set; } = "";

    public static Result<PointRuleSetVersion> Create(PointRuleSet set, int version, string byId, string byName, string note, DateTimeOffset at)
    {
        if (set.Validate() is { } error)
        {
            return error;
        }
        return new PointRuleSetVersion
        {
            Year = set.Year,
            Version = version,
            StartDate = set.StartDate,
            PointsPerHour = set.PointsPerHour,
            RulesJson = JsonSerializer.Serialize(set.Rules, Json),
            CreatedAt = at,
            CreatedById = byId,
            CreatedByName = byName,
            Note = note.Trim(),
        };
    }

    public PointRuleSet ToRuleSet() => new()
    {
        Year = Year,
        StartDate = StartDate,
        PointsPerHour = PointsPerHour,
        Rules = JsonSerializer.Deserialize<List<PointRule>>(RulesJson, Json) ?? [],
    };
}

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

public static class PointSources
{
    /// <summary>Events the portal records itself (sign-ins, profile completion, lab records).</summary>
    public const string Portal = "portal";
    /// <summary>Excel/CSV imports: <c>import-{orgUnitId}</c>, so one unit's re-import is idempotent.</summary>
    public const string ImportPrefix = "import-";
}
