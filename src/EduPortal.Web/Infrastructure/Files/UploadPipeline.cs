using EduPortal.Domain.Common;
using SkiaSharp;

namespace EduPortal.Web.Infrastructure.Files;

/// <summary>What a module accepts for one upload slot.</summary>
/// <param name="MaxVideoDuration">For video kinds: the longest duration accepted, read from the container.</param>
public sealed record UploadPolicy(string Category, IReadOnlySet<FileKind> Allowed, long MaxBytes, bool MakeThumbnail, TimeSpan? MaxVideoDuration = null)
{
    public string TooLargeMessage => $"文件过大：不能超过 {MaxBytes / 1024 / 1024} MB";

    /// <summary>Lab photos: the photo policy with a configurable size.</summary>
    public static UploadPolicy LabPhoto(int maxMegabytes) => new("lab-photos", Photo.Allowed, maxMegabytes * 1024L * 1024, true);

    /// <summary>Lab videos: MP4/MOV only (what phones record), duration checked from the container.</summary>
    public static UploadPolicy LabVideo(int maxMegabytes, TimeSpan maxDuration) =>
        new("lab-videos", new HashSet<FileKind> { FileKind.Mp4 }, maxMegabytes * 1024L * 1024, false, maxDuration);

    public static readonly UploadPolicy Avatar = new("avatars", new HashSet<FileKind> { FileKind.Jpeg, FileKind.Png, FileKind.Webp }, 5 * 1024 * 1024, true);
    public static readonly UploadPolicy Photo = new("photos", new HashSet<FileKind> { FileKind.Jpeg, FileKind.Png, FileKind.Webp }, 15 * 1024 * 1024, true);
    public static readonly UploadPolicy Attachment = new("attachments", new HashSet<FileKind> { FileKind.Pdf, FileKind.OfficeZip, FileKind.Jpeg, FileKind.Png }, 30 * 1024 * 1024, false);
}

public sealed record StoredUpload(string Key, string? ThumbnailKey, FileKind Kind, long Length, int? Width, int? Height, TimeSpan? Duration = null);

/// <summary>
/// The one upload pipeline: checks size and content signature, decodes images and stores them re-encoded
/// (no metadata, nothing appended), walks a video's box structure to its last byte, stores the file under a
/// server-generated key and writes a thumbnail.
/// </summary>
public sealed class UploadPipeline(LocalFileStore store)
{
    public const int ThumbnailSize = 320;

    /// <summary>
    /// A form's optional file: nothing stored when none was chosen; a refused file as a validation error on
    /// <paramref name="field"/> with the pipeline's message.
    /// </summary>
    public async Task<Result<StoredUpload?>> StoreOptionalAsync(Stream? content, long declaredLength, UploadPolicy policy, string field,
        CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            return Result<StoredUpload?>.Ok(null);
        }
        var upload = await StoreAsync(content, declaredLength, policy, cancellationToken);
        return upload.Succeeded ? Result<StoredUpload?>.Ok(upload.Value!) : ValidationError.For(field, upload.Error!.Message);
    }

    public async Task<Result<StoredUpload>> StoreAsync(Stream content, long declaredLength, UploadPolicy policy, CancellationToken cancellationToken = default,
        IProgress<long>? progress = null)
    {
        if (declaredLength <= 0)
        {
            return ValidationError.For("File", "文件为空，请重新选择");
        }
        if (declaredLength > policy.MaxBytes)
        {
            return ValidationError.For("File", policy.TooLargeMessage);
        }
        // Buffer with a hard cap: the declared length comes from the client and cannot be trusted.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > policy.MaxBytes)
            {
                return ValidationError.For("File", policy.TooLargeMessage);
            }
            buffer.Write(chunk, 0, read);
            progress?.Report(buffer.Length);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var kind = FileSignatures.Detect(bytes[..Math.Min(bytes.Length, FileSignatures.HeaderLength)]);
        if (!policy.Allowed.Contains(kind))
        {
            var allowed = string.Join("、", policy.Allowed.Select(k => k.DisplayName()));
            return ValidationError.For("File", $"文件内容不是允许的格式（{allowed}），请勿仅修改扩展名");
        }
        int? width = null, height = null;
        byte[]? thumbnail = null;
        if (kind.IsImage())
        {
            // Re-encode every image: what is stored and served is pixels the portal wrote itself, so nothing
            // riding along survives (an HTML page appended to a JPEG, EXIF metadata with the school's GPS
            // position). The EXIF orientation is applied to the pixels first so photos stay upright.
            using var data = SKData.CreateCopy(bytes);
            using var codec = SKCodec.Create(data);
            using var decoded = codec is null ? null : SKBitmap.Decode(codec);
            if (decoded is null)
            {
                return ValidationError.For("File", "图片已损坏，无法读取");
            }
            using var bitmap = ApplyOrigin(decoded, codec!.EncodedOrigin);
            width = bitmap.Width;
            height = bitmap.Height;
            var reencoded = Reencode(bitmap, kind);
            if (reencoded is null)
            {
                return ValidationError.For("File", "图片已损坏，无法读取");
            }
            buffer.SetLength(0);
            buffer.Write(reencoded);
            if (policy.MakeThumbnail)
            {
                thumbnail = MakeThumbnail(bitmap);
            }
        }
        if (kind == FileKind.Mp4 && !VideoProbe.IsWellFormed(bytes))
        {
            return ValidationError.For("File", MediaMessages.VideoMalformed);
        }
        TimeSpan? duration = null;
        if (policy.MaxVideoDuration is { } maxDuration)
        {
            buffer.Position = 0;
            duration = VideoProbe.ReadDuration(buffer);
            if (duration is null)
            {
                return ValidationError.For("File", MediaMessages.VideoUnreadable);
            }
            if (duration > maxDuration)
            {
                return ValidationError.For("File", MediaMessages.VideoTooLong(duration.Value, maxDuration));
            }
        }
        buffer.Position = 0;
        string? key = null;
        try
        {
            key = await store.SaveAsync(policy.Category, kind.Extension(), buffer, cancellationToken);
            string? thumbnailKey = null;
            if (thumbnail is not null)
            {
                using var thumbStream = new MemoryStream(thumbnail);
                thumbnailKey = await store.SaveSiblingAsync(key[..key.LastIndexOf('.')] + ".jpg", "-thumb", thumbStream, cancellationToken);
            }
            return new StoredUpload(key, thumbnailKey, kind, buffer.Length, width, height, duration);
        }
        catch (IOException)
        {
            // Disk full or the shared volume gone: nothing of this upload stays (the file without its thumbnail
            // would be an orphan), and the user is told next to the field instead of losing the circuit.
            if (key is not null)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            return ValidationError.For("File", StorageFailedMessage);
        }
    }

    public const string StorageFailedMessage = "服务器暂时无法保存文件（存储空间不足或不可用），文件未保存，请稍后重试";

    /// <summary>
    /// A stored upload opened for reading, with the content type its key's extension names; null when there is no key or
    /// the file is gone. The caller has already checked that the row naming the key is within the caller's jurisdiction.
    /// </summary>
    public async Task<(Stream Stream, string ContentType)?> OpenAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (key is null || await store.OpenReadAsync(key, cancellationToken) is not { } stream)
        {
            return null;
        }
        return (stream, FileSignatures.ContentTypeOfExtension(key[(key.LastIndexOf('.') + 1)..]));
    }

    /// <summary>Removes a stored upload and its thumbnail (the record that would have owned it was not saved).</summary>
    public async Task DeleteAsync(StoredUpload upload, CancellationToken cancellationToken = default)
    {
        await store.DeleteAsync(upload.Key, cancellationToken);
        if (upload.ThumbnailKey is not null)
        {
            await store.DeleteAsync(upload.ThumbnailKey, cancellationToken);
        }
    }

    /// <summary>The image encoded afresh in its own format (JPEG at quality 90), without any metadata.</summary>
    private static byte[]? Reencode(SKBitmap bitmap, FileKind kind)
    {
        var (format, quality) = kind switch
        {
            FileKind.Png => (SKEncodedImageFormat.Png, 100),
            FileKind.Webp => (SKEncodedImageFormat.Webp, 90),
            _ => (SKEncodedImageFormat.Jpeg, 90),
        };
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality);
        return encoded?.ToArray();
    }

    /// <summary>
    /// The pixels turned the way the camera's EXIF orientation says, so the re-encoded file (which no longer
    /// carries the tag) shows upright. Returns a new bitmap; the caller disposes both.
    /// </summary>
    public static SKBitmap ApplyOrigin(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is null)
        {
            return source.Copy();
        }
        var swap = origin >= SKEncodedOrigin.LeftTop;
        var target = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height,
            source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        canvas.SetMatrix(matrix.Value);
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }

    /// <summary>A JPEG at most <see cref="ThumbnailSize"/> pixels on its long side, aspect kept.</summary>
    public static byte[] MakeThumbnail(SKBitmap source)
    {
        var scale = Math.Min(1.0, (double)ThumbnailSize / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var resized = source.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? source.Copy();
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data.ToArray();
    }
}
