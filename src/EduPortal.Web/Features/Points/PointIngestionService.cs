using System.Text.Json.Serialization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

/// <summary>One row of an ingestion batch, as another platform posts it (see docs/points-ingestion.md).</summary>
public sealed record ApiPointEvent
{
    public string? ExternalId { get; init; }
    /// <summary>The teacher's mobile number on the portal; or <see cref="TeacherId"/>.</summary>
    public string? TeacherPhone { get; init; }
    public string? TeacherId { get; init; }
    public string? Type { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public int? Quantity { get; init; }
    public int? SecondaryQuantity { get; init; }
    /// <summary>Optional; when given it must be the key's own source.</summary>
    public string? Source { get; init; }
}

public sealed record ApiPointBatch
{
    public List<ApiPointEvent>? Events { get; init; }
}

public sealed record ApiRowResult(int Index, string? ExternalId, [property: JsonConverter(typeof(JsonStringEnumConverter<PointRowStatus>))] PointRowStatus Status, string? Error);

public sealed record ApiBatchResult(int Created, int Duplicates, int Updated, int Rejected, IReadOnlyList<ApiRowResult> Results);

/// <summary>
/// The HTTP ingestion path for other platforms: authenticates the platform's key, checks each row on its own
/// (a bad row is rejected with its reason, the good rows are kept), and hands the good rows to the ledger.
/// </summary>
public sealed class PointIngestionService(IDbContextFactory<EduPortalDbContext> dbFactory, PointEventStore events, TimeProvider clock)
{
    public const int MaxBatchSize = 1000;

    /// <summary>The active key matching the plain key, or null (unknown and revoked keys look the same).</summary>
    public async Task<PointApiKey?> AuthenticateAsync(string? plainKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(plainKey) || plainKey.Length > 200)
        {
            return null;
        }
        var hash = PointApiKey.Hash(plainKey.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PointApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    public async Task<Result<ApiBatchResult>> IngestAsync(PointApiKey key, IReadOnlyList<ApiPointEvent>? rows, CancellationToken cancellationToken = default)
    {
        if (rows is null || rows.Count == 0)
        {
            return ValidationError.For("events", "events 不能为空");
        }
        if (rows.Count > MaxBatchSize)
        {
            return ValidationError.For("events", $"每批最多 {MaxBatchSize} 条事件，请分批提交");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var phones = rows.Select(r => PhoneNumbers.Normalize(r.TeacherPhone)).Where(p => p.Length > 0).Distinct().ToList();
        var ids = rows.Select(r => r.TeacherId?.Trim()).OfType<string>().Where(i => i.Length > 0).Distinct().ToList();
        var teachers = db.Users.AsNoTracking().PointEarners();
        var byPhone = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in phones.Chunk(500))
        {
            foreach (var t in await teachers.Where(u => chunk.Contains(u.PhoneNumber!)).Select(u => new { u.Id, u.PhoneNumber }).ToListAsync(cancellationToken))
            {
                byPhone[t.PhoneNumber!] = t.Id;
            }
        }
        var knownIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            knownIds.UnionWith(await teachers.Where(u => chunk.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken));
        }
        var now = clock.GetUtcNow();
        var rulesFor = await PointRuleSets.ForDaysAsync(db, rows.Select(r => r.OccurredAt).OfType<DateTimeOffset>()
            .Where(t => PointEventRow.CheckTime(t, now, PointEventOrigins.Platform) is null).Select(PointEngine.ChinaDay), cancellationToken);
        var results = new ApiRowResult?[rows.Count];
        var accepted = new List<(int Index, IncomingPointEvent Event)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var externalId = row.ExternalId?.Trim() ?? "";
            string? Fail(string message)
            {
                results[i] = new ApiRowResult(i, row.ExternalId, PointRowStatus.Rejected, message);
                return null;
            }
            if (externalId.Length == 0 || externalId.Length > PointEvent.MaxExternalIdLength)
            {
                Fail($"externalId 必填，且不超过 {PointEvent.MaxExternalIdLength} 个字符");
                continue;
            }
            if (seen.TryGetValue(externalId, out var first))
            {
                Fail($"externalId 与本批第 {first} 条重复");
                continue;
            }
            seen[externalId] = i;
            if (row.Source is { Length: > 0 } source && !string.Equals(source.Trim(), key.Source, StringComparison.OrdinalIgnoreCase))
            {
                Fail($"source 应为该密钥的来源“{key.Source}”");
                continue;
            }
            string? teacherId = null;
            if (row.TeacherId is { Length: > 0 } id)
            {
                teacherId = knownIds.Contains(id.Trim()) ? id.Trim() : null;
            }
            else if (PhoneNumbers.Normalize(row.TeacherPhone) is { Length: > 0 } phone)
            {
                teacherId = byPhone.GetValueOrDefault(phone);
            }
            else
            {
                Fail("teacherPhone 或 teacherId 必填其一");
                continue;
            }
            if (teacherId is null)
            {
                Fail("找不到该教师（手机号或编号不存在，或不是在校教师账号）");
                continue;
            }
            if (row.OccurredAt is not { } occurredAt)
            {
                Fail("occurredAt 必填（ISO 8601，带时区，如 2026-03-02T08:30:00+08:00）");
                continue;
            }
            var valid = new PointEventRow(teacherId, row.Type ?? "", occurredAt).Validate(PointEventOrigins.Platform, rulesFor, now, platformSource: key.Source);
            if (!valid.Succeeded)
            {
                Fail(valid.Error!.Message);
                continue;
            }
            if (row.Quantity is < 0 || row.SecondaryQuantity is < 0)
            {
                Fail("quantity 不能为负数");
                continue;
            }
            accepted.Add((i, new IncomingPointEvent(teacherId, valid.Value!.Type, occurredAt, externalId, row.Quantity, row.SecondaryQuantity)));
        }
        if (accepted.Count > 0)
        {
            var outcomes = await events.RecordAsync(key.Source, accepted.Select(a => a.Event).ToList(), cancellationToken);
            for (var n = 0; n < accepted.Count; n++)
            {
                var index = accepted[n].Index;
                results[index] = new ApiRowResult(index, rows[index].ExternalId, outcomes[n].Status, outcomes[n].Error);
            }
        }
        var list = results.Select(r => r!).ToList();
        return new ApiBatchResult(
            list.Count(r => r.Status == PointRowStatus.Created),
            list.Count(r => r.Status == PointRowStatus.Duplicate),
            list.Count(r => r.Status == PointRowStatus.Updated),
            list.Count(r => r.Status == PointRowStatus.Rejected),
            list);
    }
}
