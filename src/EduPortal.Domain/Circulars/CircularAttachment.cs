namespace EduPortal.Domain.Circulars;

/// <summary>A file attached to a circular (附件), stored by the portal's content-checked upload pipeline.</summary>
public sealed class CircularAttachment
{
    public const int MaxFileNameLength = 120;

    private CircularAttachment()
    {
    }

    public CircularAttachment(string storedPath, string fileName, string contentType, long length, DateTimeOffset at)
    {
        var name = Path.GetFileName(fileName ?? "");
        StoredPath = storedPath;
        FileName = name.Length > 0 ? name[..Math.Min(name.Length, MaxFileNameLength)] : "附件";
        ContentType = contentType;
        Length = length;
        At = at;
    }

    public int Id { get; private set; }
    public string StoredPath { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public DateTimeOffset At { get; private set; }
}
