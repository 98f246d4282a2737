using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;

namespace EduPortal.Data.Auditing;

/// <summary>The one audit writer: adds an entry to the same unit of work as the change it records.</summary>
public static class AuditWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static AuditEntry Audit(this EduPortalDbContext db, Caller actor, TimeProvider clock, string action,
        string entityType, string entityId, string orgPath, string summary, object? before = null, object? after = null) =>
        db.Audit(actor.UserId, actor.RealName, clock, action, entityType, entityId, orgPath, summary, before, after);

    public static AuditEntry Audit(this EduPortalDbContext db, string actorId, string actorName, TimeProvider clock, string action,
        string entityType, string entityId, string orgPath, string summary, object? before = null, object? after = null)
    {
        var entry = AuditEntry.Create(clock.GetUtcNow(), actorId, actorName, action, entityType, entityId, orgPath, summary,
            before is null ? null : JsonSerializer.Serialize(before, JsonOptions),
            after is null ? null : JsonSerializer.Serialize(after, JsonOptions));
        db.AuditEntries.Add(entry);
        return entry;
    }
}
