using EduPortal.Domain.Common;

namespace EduPortal.Domain.Exports;

/// <summary>
/// One export a user asked for in the export centre (我的导出): queued, run by a background job, then a file kept for a
/// while and only for its owner. The parameters say what to export (a round, a period), never whose data: the job
/// re-derives the owner's jurisdiction when it runs.
/// </summary>
public sealed class ExportJob
{
    public const int MaxMessageLength = 500;
    public const string ExpiredMessage = "该导出文件已过期并删除，请在“我的导出”重新申请。";

    private ExportJob()
    {
    }

    public long Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    /// <summary>The registered export kind's key (e.g. <c>surveys.round-pdfs</c>).</summary>
    public string Kind { get; private set; } = "";
    /// <summary>What the owner sees in the list: the kind's title and the period or round it covers.</summary>
    public string Title { get; private set; } = "";
    public string ParametersJson { get; private set; } = "{}";
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public ExportStatus Status { get; private set; }
    public int Percent { get; private set; }
    /// <summary>A line for the owner: the step under way, or why it failed or expired.</summary>
    public string? Message { get; private set; }
    /// <summary>The file's key in the file store (never shown to anyone).</summary>
    public string? FileKey { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? Size { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>
    /// A new request, refused when the owner already has <paramref name="maxActive"/> exports queued or running
    /// (<paramref name="activeCount"/>): a user cannot flood the job workers.
    /// </summary>
    public static Result<ExportJob> Request(string ownerId, string ownerName, string kind, string title, string parametersJson, int activeCount, int maxActive,
        DateTimeOffset now)
    {
        if (activeCount >= maxActive)
        {
            return new ConflictError($"您已有 {activeCount} 个导出在排队或进行中（每人最多 {maxActive} 个），请等待完成后再申请。");
        }
        return new ExportJob
        {
            OwnerId = ownerId,
            OwnerName = ownerName,
            Kind = kind,
            Title = title,
            ParametersJson = parametersJson,
            RequestedAt = now,
            Status = ExportStatus.Queued,
            Message = "等待后台处理",
        };
    }

    /// <summary>A worker picked it up. Only a queued export starts (a retried job that already finished does nothing).</summary>
    public bool Start(DateTimeOffset now)
    {
        if (Status != ExportStatus.Queued)
        {
            return false;
        }
        Status = ExportStatus.Running;
        StartedAt = now;
        Percent = 0;
        Message = "正在生成";
        return true;
    }

    /// <summary>Progress while running, clamped to 0–99 (100 is reached only by <see cref="Complete"/>) and never going back.</summary>
    public void ReportProgress(int percent, string? message = null)
    {
        if (Status != ExportStatus.Running)
        {
            return;
        }
        Percent = Math.Max(Percent, Math.Clamp(percent, 0, 99));
        if (message is not null)
        {
            Message = Clip(message);
        }
    }

    public Result Complete(string fileKey, string fileName, string contentType, long size, DateTimeOffset now, TimeSpan lifetime)
    {
        if (Status != ExportStatus.Running)
        {
            return new ConflictError("该导出不在进行中。");
        }
        Status = ExportStatus.Completed;
        Percent = 100;
        FileKey = fileKey;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        FinishedAt = now;
        ExpiresAt = now + lifetime;
        Message = null;
        return Result.Success;
    }

    /// <summary>Failed with a message for the owner (queued or running exports only).</summary>
    public bool Fail(string message, DateTimeOffset now)
    {
        if (!Status.IsActive())
        {
            return false;
        }
        Status = ExportStatus.Failed;
        FinishedAt = now;
        Message = Clip(message);
        return true;
    }

    /// <summary>Whether the file's time is up at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now) => Status == ExportStatus.Completed && ExpiresAt is { } expires && expires <= now;

    /// <summary>
    /// The file's time is up: the record stays (the owner sees it expired) but the file key is dropped; the caller deletes
    /// the file. Returns the key to delete, or null when nothing expired.
    /// </summary>
    public string? Expire(DateTimeOffset now)
    {
        if (!IsDue(now))
        {
            return null;
        }
        var key = FileKey;
        Status = ExportStatus.Expired;
        FileKey = null;
        Message = "文件已过期并删除，如需请重新导出。";
        return key;
    }

    /// <summary>
    /// What <paramref name="userId"/> may download at <paramref name="now"/>: only the owner, only a completed file that
    /// has not expired. Anyone else gets "not found" (an export's existence is not disclosed).
    /// </summary>
    public Result CanDownload(string userId, DateTimeOffset now)
    {
        if (OwnerId != userId)
        {
            return new NotFoundError("未找到该导出文件。");
        }
        if (Status == ExportStatus.Expired || IsDue(now))
        {
            return new ConflictError(ExpiredMessage);
        }
        if (Status != ExportStatus.Completed || FileKey is null)
        {
            return new ConflictError("该导出尚未完成，暂不能下载。");
        }
        return Result.Success;
    }

    private static string Clip(string message) => message.Length <= MaxMessageLength ? message : message[..MaxMessageLength];
}
