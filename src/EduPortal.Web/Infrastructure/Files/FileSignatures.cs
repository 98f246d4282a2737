namespace EduPortal.Web.Infrastructure.Files;

/// <summary>Kinds of file the portal accepts, recognised by their first bytes, never by name.</summary>
public enum FileKind
{
    Unknown,
    Jpeg,
    Png,
    Webp,
    Mp4,
    Pdf,
    /// <summary>Office Open XML (xlsx, docx, pptx) — a zip archive.</summary>
    OfficeZip,
}

public static class FileSignatures
{
    public const int HeaderLength = 16;

    public static FileKind Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return FileKind.Jpeg;
        }
        if (header.Length >= 8 && header[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return FileKind.Png;
        }
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return FileKind.Webp;
        }
        // ISO base media: a box size then 'ftyp' at offset 4 (mp4, m4v, mov variants phones record).
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            return FileKind.Mp4;
        }
        if (header.Length >= 5 && header[..5].SequenceEqual("%PDF-"u8))
        {
            return FileKind.Pdf;
        }
        if (header.Length >= 4 && header[..4].SequenceEqual(new byte[] { 0x50, 0x4B, 0x03, 0x04 }))
        {
            return FileKind.OfficeZip;
        }
        return FileKind.Unknown;
    }

    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Jpeg => "jpg",
        FileKind.Png => "png",
        FileKind.Webp => "webp",
        FileKind.Mp4 => "mp4",
        FileKind.Pdf => "pdf",
        FileKind.OfficeZip => "zip",
        _ => "bin",
    };

    /// <summary>The kind a stored file has, from the extension the pipeline gave it.</summary>
    public static FileKind FromExtension(string extension) =>
        Enum.GetValues<FileKind>().FirstOrDefault(k => k != FileKind.Unknown && k.Extension() == extension);

    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Webp => "image/webp",
        FileKind.Mp4 => "video/mp4",
        FileKind.Pdf => "application/pdf",
        FileKind.OfficeZip => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>The Office Open XML types by extension: each is a zip archive underneath, told apart only by its name.</summary>
    private static readonly Dictionary<string, string> OfficeOpenXml = new(StringComparer.OrdinalIgnoreCase)
    {
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>
    /// The content type a stored file is declared with: the signature's kind, and for a zip archive (the signature check
    /// said <see cref="FileKind.OfficeZip"/>) the Office type its file name's extension names — an .xlsx upload is a
    /// spreadsheet, not application/zip. A zip under any other name stays application/zip.
    /// </summary>
    public static string ContentTypeFor(this FileKind kind, string? fileName) =>
        kind == FileKind.OfficeZip && OfficeTypeOf(fileName) is { } office ? office : kind.ContentType();

    /// <summary>The Office Open XML content type a file name's extension names (xlsx, docx, pptx), or null.</summary>
    public static string? OfficeTypeOf(string? fileName) =>
        OfficeOpenXml.GetValueOrDefault(Path.GetExtension(fileName ?? "").TrimStart('.'));

    /// <summary>The content type of a stored file by its key's extension (the Office types included: the bulletins' workbooks are stored as .xlsx).</summary>
    public static string ContentTypeOfExtension(string extension) =>
        OfficeOpenXml.GetValueOrDefault(extension) ?? FromExtension(extension).ContentType();

    /// <summary>The extension of an Office Open XML content type (xlsx, docx, pptx), or null for any other type.</summary>
    public static string? OfficeExtensionOf(string contentType) =>
        OfficeOpenXml.FirstOrDefault(e => e.Value == contentType).Key;

    public static bool IsImage(this FileKind kind) => kind is FileKind.Jpeg or FileKind.Png or FileKind.Webp;

    public static string DisplayName(this FileKind kind) => kind switch
    {
        FileKind.Jpeg => "JPEG 图片",
        FileKind.Png => "PNG 图片",
        FileKind.Webp => "WebP 图片",
        FileKind.Mp4 => "MP4/MOV 视频",
        FileKind.Pdf => "PDF 文档",
        FileKind.OfficeZip => "Office 文档",
        _ => "未知格式",
    };
}
