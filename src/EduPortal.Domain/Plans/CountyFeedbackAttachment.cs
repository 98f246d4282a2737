namespace EduPortal.Domain.Plans;

/// <summary>A file attached to a county's feedback.</summary>
public sealed class CountyFeedbackAttachment : PlanFile
{
    private CountyFeedbackAttachment()
    {
    }

    internal CountyFeedbackAttachment(string storedPath, string fileName, string contentType, string uploadedByName, DateTimeOffset at)
        : base(storedPath, fileName, "附件", contentType, uploadedByName, at)
    {
    }
}
