namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// An entry's place: its rank (equal scores share a rank), its tier by count and whether it ties with an entry on the
/// other side of a tier boundary (a tie the stated rule settled and the admin may override).
/// </summary>
public sealed record AwardRanking(int EntryId, decimal? Score, int? Rank, AwardTier Tier, bool TiedAtBoundary);
