namespace EduPortal.Domain.News;

/// <summary>One photo of a news item, stored by the upload pipeline (re-encoded, with a thumbnail).</summary>
public sealed class NewsPhoto
{
    private NewsPhoto()
    {
    }

    public NewsPhoto(string fileKey, string? thumbnailKey, string contentType, int position)
    {
        FileKey = fileKey;
        ThumbnailKey = thumbnailKey;
        ContentType = contentType;
        Position = position;
    }

    public int Id { get; private set; }
    public string FileKey { get; private set; } = "";
    public string? ThumbnailKey { get; private set; }
    public string ContentType { get; private set; } = "";
    public int Position { get; private set; }
}
