namespace EduPortal.Domain.CloudSpaces;

/// <summary>A teacher of the school as the award ranks them: 合格 or not, the term's points, the targets exceeded.</summary>
public sealed record CloudSpaceAwardCandidate(string TeacherId, string Name, bool Qualified, int Points, int Exceeded);

/// <summary>
/// A candidate's place: the rank (equal keys share a rank), the tier the rule gives, and whether the candidate is one of
/// several tied across a tier's last place.
/// </summary>
public sealed record CloudSpaceAwardPlace(CloudSpaceAwardCandidate Candidate, int Rank, CloudSpaceAwardTier Tier, bool TiedAtBoundary);
