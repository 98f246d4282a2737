namespace EduPortal.Domain.CloudSpaces;

/// <summary>A school admin's hand entry of one teacher's target in a term, with the evidence (a note or a link).</summary>
public sealed class CloudSpaceManualEntry
{
    public const int MaxEvidenceLength = 500;

    private CloudSpaceManualEntry()
    {
    }

    public long Id { get; private set; }
    public int TermId { get; private set; }
    public string TeacherId { get; private set; } = "";
    public CloudSpaceTarget Target { get; private set; }
    public string Summary { get; private set; } = "";
    public string Evidence { get; private set; } = "";
    public string EnteredById { get; private set; } = "";
    public string EnteredByName { get; private set; } = "";
    public DateTimeOffset EnteredAt { get; private set; }

    public static CloudSpaceManualEntry Create(int termId, string teacherId, CloudSpaceTarget target, string summary, string evidence,
        string byId, string byName, DateTimeOffset at) => new()
        {
            TermId = termId,
            TeacherId = teacherId,
            Target = target,
            Summary = summary,
            Evidence = evidence,
            EnteredById = byId,
            EnteredByName = byName,
            EnteredAt = at,
        };
}
