using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A 技术资料 (an uploaded document: contract, wiring plan, manual) or a 教研工作日志 entry (text, optionally with a
/// document) in a school's 班班通 archive (circular 003 §二.1).
/// </summary>
public sealed class ArchiveDocument
{
    public const int MaxTitleLength = 100;
    public const int MaxContentLength = 2000;
    public const int MaxFileNameLength = 120;

    private ArchiveDocument()
    {
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public ArchiveKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly EntryDate { get; private set; }
    public string? Content { get; private set; }
    public string? FileKey { get; private set; }
    public string? FileName { get; private set; }
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The school's admins and technicians keep its archive, and admins over the school (circular 003 §二.1 整理归档).</summary>
    public static bool MayFile(Caller caller, string schoolPath) => caller.Covers(schoolPath) && (caller.IsAdmin || caller.Has(Capability.Technician));

    /// <param name="fileKey">The stored upload's key (already content-checked by the upload pipeline), or null.</param>
    public static Result<ArchiveDocument> File(Caller caller, int schoolId, string schoolPath, ArchiveKind kind, string? title, DateOnly? entryDate,
        string? content, string? fileKey, string? fileName, TimeProvider clock)
    {
        if (!caller.Covers(schoolPath))
        {
            return new NotFoundError();
        }
        if (!MayFile(caller, schoolPath))
        {
            return new ForbiddenError("只有学校管理员、技术员或上级管理员可以整理档案。");
        }
        var errors = new ValidationBuilder();
        errors.Check(kind.IsStored(), "Kind", "维护维修记录和培训记录由平台自动归档，无需上传");
        var trimmedTitle = title?.Trim();
        errors.Check(!string.IsNullOrEmpty(trimmedTitle), "Title", "请填写标题");
        errors.Check(trimmedTitle is null || trimmedTitle.Length <= MaxTitleLength, "Title", $"标题不能超过 {MaxTitleLength} 字");
        errors.Check(entryDate is not null, "EntryDate", "请填写日期");
        errors.Check(entryDate is null || entryDate <= ChinaTime.Today(clock), "EntryDate", "日期不能晚于今天");
        var trimmedContent = string.IsNullOrWhiteSpace(content) ? null : content.Trim();
        errors.Check(trimmedContent is null || trimmedContent.Length <= MaxContentLength, "Content", $"内容不能超过 {MaxContentLength} 字");
        // 技术资料 is a document; a 教研工作日志 entry is its text (a document may come with it).
        errors.Check(kind != ArchiveKind.TechnicalDocument || fileKey is not null, "File", "请上传技术资料文件");
        errors.Check(kind != ArchiveKind.ResearchLog || trimmedContent is not null, "Content", "请填写日志内容");
        var problems = errors.Build();
        if (problems is not null)
        {
            return problems;
        }
        // Browsers may send a full client path (either separator); only the last segment is kept.
        var name = fileName?.Trim().Split('/', '\\')[^1];
        return new ArchiveDocument
        {
            SchoolId = schoolId,
            SchoolPath = schoolPath,
            Kind = kind,
            Title = trimmedTitle!,
            EntryDate = entryDate!.Value,
            Content = trimmedContent,
            FileKey = fileKey,
            FileName = fileKey is null ? null : (name is { Length: > MaxFileNameLength } ? name[^MaxFileNameLength..] : name),
            RecordedById = caller.UserId,
            RecordedByName = caller.RealName,
            RecordedAt = clock.GetUtcNow(),
        };
    }

    public ArchiveDocumentPermissions PermissionsFor(Caller caller) =>
        caller.Covers(SchoolPath) ? new ArchiveDocumentPermissions(true, MayFile(caller, SchoolPath)) : ArchiveDocumentPermissions.None;
}
