namespace EduPortal.Web.Features.Circulars;

/// <summary>
/// A circular a job publishes without an editor (a weekly bulletin, 通报): the public contract of
/// <see cref="CircularService.PublishGeneratedAsync"/>. Keep its shape stable; other modules call it.
/// </summary>
/// <param name="IssuerUnitId">The city or county bureau that issues it (its document number counter is used).</param>
/// <param name="Title">The title, e.g. 东溪区教育信息化工作周通报（2026年第48周）.</param>
/// <param name="BodyMarkdown">The body as Markdown (rendered with Markdig and sanitized before display).</param>
/// <param name="ForTeachers">Teachers of the recipient schools see it too.</param>
/// <param name="RecipientSubtreeUnitId">The subtree whose every unit (below its root) receives it; null = the issuer's subtree.</param>
/// <param name="Attachments">Files to attach (a bulletin's PDF and workbook).</param>
/// <param name="DocumentPrefix">The document number's prefix; null = the issuer's default (e.g. 东教发).</param>
public sealed record GeneratedCircular(
    int IssuerUnitId,
    string Title,
    string BodyMarkdown,
    bool ForTeachers = false,
    int? RecipientSubtreeUnitId = null,
    IReadOnlyList<GeneratedAttachment>? Attachments = null,
    string? DocumentPrefix = null);

/// <summary>
/// One file of a <see cref="GeneratedCircular"/>: either its bytes (stored through the content-checked upload pipeline with the
/// attachment policy: PDF, Office, JPEG, PNG) or the key of a file the upload pipeline stored already.
/// </summary>
public sealed record GeneratedAttachment(string FileName, byte[]? Content = null, string? StoredKey = null);

/// <summary>What publication answered: the circular's id and its document number (e.g. 东教发〔2026〕12号).</summary>
public sealed record PublishedCircular(int Id, string DocumentNumber);
