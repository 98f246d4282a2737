namespace EduPortal.Domain.CloudSpaces;

/// <summary>An entry as the ranking sees it: its score (null: unscored, not ranked), tie-break key and nomination order.</summary>
public sealed record AwardCandidate(int EntryId, decimal? Score, decimal TieBreak, DateTimeOffset NominatedAt);
