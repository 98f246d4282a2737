using Microsoft.Net.Http.Headers;

namespace EduPortal.Web.Infrastructure.Files;

/// <summary>How every endpoint that serves a stored file answers: declared type, no sniffing, a safe file name.</summary>
public static class StoredFileResults
{
    /// <summary>Longest download name served (characters before the extension).</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Streams a stored file with its content type, <c>X-Content-Type-Options: nosniff</c> (a browser never
    /// second-guesses the type) and <c>Content-Disposition</c>: inline for images and videos, attachment for
    /// anything else. The download name is <paramref name="displayName"/> when given (the name a user gave the file, or
    /// a title; Chinese is kept and sent as RFC 5987 <c>filename*</c>, path separators, quotes and control characters are
    /// dropped) else <paramref name="baseName"/> (ASCII letters, digits and dashes); its extension is always the one of
    /// the type served, never taken from an upload.
    /// </summary>
    /// <remarks>
    /// Office Open XML files are zip archives, so the upload signature check knows them only as
    /// <see cref="FileKind.OfficeZip"/>. A file stored before its Office type was recorded (application/zip, or
    /// application/octet-stream) is served with the Office type its name's extension names once its first bytes are
    /// checked to be a zip archive — so an .xlsx always downloads as a spreadsheet.
    /// </remarks>
    public static IResult Serve(HttpContext http, Stream stream, string contentType, string baseName, string? displayName = null)
    {
        var (servedType, extension) = Resolve(stream, contentType, displayName ?? baseName);
        var kind = KindOf(servedType);
        var name = SafeName(displayName is null ? null : Path.GetFileNameWithoutExtension(displayName), unicode: true)
            ?? SafeName(baseName, unicode: false) ?? "file";
        var inline = kind.IsImage() || kind == FileKind.Mp4;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName($"{name}.{extension}");
        http.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return Results.Stream(stream, servedType, enableRangeProcessing: true);
    }

    /// <summary>The type served and its extension (see the remarks of <see cref="Serve"/> for Office files).</summary>
    private static (string ContentType, string Extension) Resolve(Stream stream, string contentType, string name)
    {
        if (FileSignatures.OfficeExtensionOf(contentType) is { } officeExtension)
        {
            return (contentType, officeExtension);
        }
        var kind = KindOf(contentType);
        if (kind is FileKind.OfficeZip or FileKind.Unknown && FileSignatures.OfficeTypeOf(name) is { } office && IsZip(stream))
        {
            return (office, FileSignatures.OfficeExtensionOf(office)!);
        }
        return (contentType, kind.Extension());
    }

    private static bool IsZip(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[FileSignatures.HeaderLength];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return FileSignatures.Detect(header[..read]) == FileKind.OfficeZip;
    }

    private static string? SafeName(string? name, bool unicode)
    {
        var kept = new string((name ?? "").Where(c => unicode
            ? !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('/' or '\\' or '"' or ':' or '*' or '?' or '<' or '>' or '|' or ';')
            : char.IsAsciiLetterOrDigit(c) || c == '-').Take(MaxNameLength).ToArray()).Trim().Trim('.');
        return kept.Length == 0 ? null : kept;
    }

    private static FileKind KindOf(string contentType) =>
        Enum.GetValues<FileKind>().FirstOrDefault(k => k != FileKind.Unknown && k.ContentType() == contentType);
}
