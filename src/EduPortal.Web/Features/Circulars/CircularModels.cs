using EduPortal.Domain.Circulars;
using EduPortal.Domain.Organization;

namespace EduPortal.Web.Features.Circulars;

/// <summary>A row of the circular lists (发文 / 收文).</summary>
public sealed record CircularRow(int Id, string? DocumentNumber, string Title, string IssuerName, CircularStatus Status, DateTimeOffset? PublishedAt,
    DateTimeOffset CreatedAt, int RecipientCount, int AcknowledgedCount, bool? MyUnitAcknowledged, bool Reminded);

/// <summary>The two lists of the circulars page: issued by my bureau and addressed to me (my unit, or my school's teachers).</summary>
public sealed record CircularLists(IReadOnlyList<CircularRow> Issued, IReadOnlyList<CircularRow> Received, bool CanWrite);

/// <summary>A circular opened by a caller, with what the caller may do and the body rendered as sanitized HTML.</summary>
public sealed record CircularView(Circular Circular, CircularPermissions Permissions, string BodyHtml, CircularRecipient? MyRecipient, DateOnly Today);

/// <summary>A unit the editor may pick as a recipient.</summary>
public sealed record RecipientOption(int Id, string Name, string Path, OrgUnitKind Kind, SchoolStage Stage, string ParentName, int Depth);

/// <summary>One recipient unit on the issuer's receipt page.</summary>
public sealed record ReceiptRow(int UnitId, string UnitName, OrgUnitKind UnitKind, DateTimeOffset? AcknowledgedAt, string? AcknowledgedByName,
    DateTimeOffset? RepliedAt, string? RepliedByName, string? ReplyText, string? ReplyFileName, bool ReplyLate, int RecipientId);

public sealed record ReceiptsView(Circular Circular, IReadOnlyList<ReceiptRow> Rows, CircularPermissions Permissions)
{
    public int Acknowledged => Rows.Count(r => r.AcknowledgedAt is not null);
    public int Pending => Rows.Count - Acknowledged;
}

/// <summary>A circular on a recipient's home card: milestone countdowns, and 催办 when the issuer has reminded.</summary>
public sealed record HomeCircular(int Id, string? DocumentNumber, string Title, string IssuerName, IReadOnlyList<string> Countdowns, bool Overdue,
    bool Reminded, bool NeedsAcknowledgement);

/// <summary>A file to serve from a circular (an attachment or a recipient's reply file).</summary>
public sealed record CircularFile(string StoredPath, string FileName, string ContentType);
