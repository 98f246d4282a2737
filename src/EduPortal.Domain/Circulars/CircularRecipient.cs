using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Circulars;

/// <summary>
/// One unit a published circular was sent to — a snapshot taken at publication, so later changes to the org tree do not
/// change who received it — with its acknowledgement (签收: who and when, once) and its reply.
/// </summary>
public sealed class CircularRecipient
{
    public const int MaxReplyTextLength = 1000;

    private CircularRecipient()
    {
    }

    public CircularRecipient(RecipientCandidate unit)
    {
        UnitId = unit.Id;
        UnitName = unit.Name;
        UnitPath = unit.Path;
        UnitKind = unit.Kind;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public string UnitName { get; private set; } = "";
    public string UnitPath { get; private set; } = "";
    public OrgUnitKind UnitKind { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedById { get; private set; }
    public string? AcknowledgedByName { get; private set; }

    public string? ReplyText { get; private set; }
    public string? ReplyFilePath { get; private set; }
    public string? ReplyFileName { get; private set; }
    public string? ReplyContentType { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public string? RepliedByName { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;
    public bool HasReplied => RepliedAt is not null;

    internal void Acknowledge(string userId, string name, DateTimeOffset at)
    {
        AcknowledgedAt = at;
        AcknowledgedById = userId;
        AcknowledgedByName = name;
    }

    /// <summary>Replies replace the earlier one (the audit log keeps every one); the stored file path of the old one is returned for deletion.</summary>
    internal string? Reply(string? text, string? filePath, string? fileName, string? contentType, string byName, DateTimeOffset at)
    {
        var old = ReplyFilePath;
        ReplyText = text;
        ReplyFilePath = filePath;
        ReplyFileName = fileName is null ? null : Path.GetFileName(fileName)[..Math.Min(Path.GetFileName(fileName).Length, CircularAttachment.MaxFileNameLength)];
        ReplyContentType = contentType;
        RepliedAt = at;
        RepliedByName = byName;
        return old == filePath ? null : old;
    }
}
