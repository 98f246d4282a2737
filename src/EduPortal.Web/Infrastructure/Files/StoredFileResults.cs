using Microsoft.Net.Http.Headers;

namespace EduPortal.Web.Infrastructure.Files;

/// <summary>How every endpoint that serves a stored file answers: declared type, no sniffing, a safe file name.</summary>
public static class StoredFileResults
{
    /// <summary>
    /// Streams a stored file with its content type, <c>X-Content-Type-Options: nosniff</c> (a browser never
    /// second-guesses the type) and <c>Content-Disposition</c>: inline for images and videos, attachment for
    /// anything else. The file name is built by the server from <paramref name="baseName"/> (ASCII letters,
    /// digits and dashes) and the stored kind's extension, never taken from an upload.
    /// </summary>
    public static IResult Serve(HttpContext http, Stream stream, string contentType, string baseName)
    {
        var kind = KindOf(contentType);
        var safeName = new string(baseName.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        var fileName = $"{(safeName.Length == 0 ? "file" : safeName)}.{kind.Extension()}";
        var inline = kind.IsImage() || kind == FileKind.Mp4;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        http.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return Results.Stream(stream, contentType, enableRangeProcessing: true);
    }

    private static FileKind KindOf(string contentType) =>
        Enum.GetValues<FileKind>().FirstOrDefault(k => k != FileKind.Unknown && k.ContentType() == contentType);
}
