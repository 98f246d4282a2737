namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// A teacher's place in the school's award of a term (学校优秀教师空间): the rule's tier and, when the admin overrode it,
/// the tier given and the note why.
/// </summary>
public sealed class CloudSpaceAward
{
    public const int MaxNoteLength = 300;

    private CloudSpaceAward()
    {
    }

    public long Id { get; private set; }
    public int TermId { get; private set; }
    public string TeacherId { get; private set; } = "";
    public string TeacherName { get; private set; } = "";
    public int Rank { get; private set; }
    public bool Qualified { get; private set; }
    public int Points { get; private set; }
    public int Exceeded { get; private set; }
    public CloudSpaceAwardTier RuleTier { get; private set; }
    public bool TiedAtBoundary { get; private set; }
    public CloudSpaceAwardTier Tier { get; private set; }
    public string? OverrideNote { get; private set; }
    public string? OverriddenByName { get; private set; }
    public DateTimeOffset? OverriddenAt { get; private set; }

    public bool IsOverridden => OverrideNote is not null;

    public static CloudSpaceAward From(int termId, CloudSpaceAwardPlace place) => new()
    {
        TermId = termId,
        TeacherId = place.Candidate.TeacherId,
        TeacherName = place.Candidate.Name,
        Rank = place.Rank,
        Qualified = place.Candidate.Qualified,
        Points = place.Candidate.Points,
        Exceeded = place.Candidate.Exceeded,
        RuleTier = place.Tier,
        TiedAtBoundary = place.TiedAtBoundary,
        Tier = place.Tier,
    };

    /// <summary>The admin's tier with a required note.</summary>
    public Common.Result Override(CloudSpaceAwardTier tier, string? note, string byName, DateTimeOffset at)
    {
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Common.ValidationError.For("Note", "调整奖次须填写说明");
        }
        if (text.Length > MaxNoteLength)
        {
            return Common.ValidationError.For("Note", $"说明不能超过 {MaxNoteLength} 个字");
        }
        Tier = tier;
        OverrideNote = text;
        OverriddenByName = byName;
        OverriddenAt = at;
        return Common.Result.Success;
    }
}
