namespace EduPortal.Domain.LabRecords;

/// <summary>
/// The photo slots of circular 000 §四.2: three named panoramas/close-ups are required, two extra photos
/// are allowed, plus one short video.
/// </summary>
public enum LabMediaSlot
{
    /// <summary>教室从前向后全场.</summary>
    FrontToBack = 1,

    /// <summary>教室从后向前全场.</summary>
    BackToFront = 2,

    /// <summary>小组实验的学生和台面仪器特写.</summary>
    GroupCloseUp = 3,
    Extra1 = 4,
    Extra2 = 5,
    Video = 6,
}

public static class LabMediaSlots
{
    public static readonly IReadOnlyList<LabMediaSlot> Required = [LabMediaSlot.FrontToBack, LabMediaSlot.BackToFront, LabMediaSlot.GroupCloseUp];
    public static readonly IReadOnlyList<LabMediaSlot> Photos = [.. Required, LabMediaSlot.Extra1, LabMediaSlot.Extra2];

    /// <summary>Circular 000 §四.2: at least three photos, at most two more.</summary>
    public const int MaxPhotos = 5;

    /// <summary>Circular 000 §四.2: "录制10秒以内的小视频".</summary>
    public static readonly TimeSpan MaxVideoDuration = TimeSpan.FromSeconds(10);

    public static bool IsPhoto(this LabMediaSlot slot) => slot != LabMediaSlot.Video;

    public static string DisplayName(this LabMediaSlot slot) => slot switch
    {
        LabMediaSlot.FrontToBack => "教室从前向后全场",
        LabMediaSlot.BackToFront => "教室从后向前全场",
        LabMediaSlot.GroupCloseUp => "小组实验的学生和台面仪器特写",
        LabMediaSlot.Extra1 => "补充照片一",
        LabMediaSlot.Extra2 => "补充照片二",
        LabMediaSlot.Video => "实验小视频（10秒以内）",
        _ => slot.ToString(),
    };
}

/// <summary>A stored photo or video of a record. The file key is server-generated.</summary>
public sealed class LabMedia
{
    private LabMedia()
    {
    }

    internal LabMedia(LabMediaSlot slot, string fileKey, string? thumbnailKey, string contentType, long length, double? durationSeconds)
    {
        Slot = slot;
        FileKey = fileKey;
        ThumbnailKey = thumbnailKey;
        ContentType = contentType;
        Length = length;
        DurationSeconds = durationSeconds;
    }

    public long Id { get; private set; }
    public long RecordId { get; private set; }
    public LabMediaSlot Slot { get; private set; }
    public string FileKey { get; private set; } = "";
    public string? ThumbnailKey { get; private set; }
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public double? DurationSeconds { get; private set; }
}
