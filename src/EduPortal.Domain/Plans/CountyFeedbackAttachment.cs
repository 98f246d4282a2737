namespace EduPortal.Domain.Plans;

/// <summary>A file attached to a county's feedback, stored through the portal's content-checked upload pipeline.</summary>
public sealed class CountyFeedbackAttachment
{
    private CountyFeedbackAttachment()
    {
    }

    internal CountyFeedbackAttachment(string storedPath, string fileName, string contentType, string uploadedByName, DateTimeOffset at)
    {
        StoredPath = storedPath;
        FileName = fileName;
        ContentType = contentType;
        UploadedByName = uploadedByName;
        At = at;
    }

    public int Id { get; private set; }
    public string StoredPath { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
