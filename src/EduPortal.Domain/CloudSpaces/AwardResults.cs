namespace EduPortal.Domain.CloudSpaces;

/// <summary>The result rules of a round: the experts' mean per entry, the ranking and the tiers by count.</summary>
public static class AwardResults
{
    /// <summary>The stated rule that settles a tie at a tier boundary (shown on the results page and in the export).</summary>
    public const string TieRule = "同分跨越奖次分界时，依次比较：参评空间的“综合应用”平均分（深度应用优秀学校比较统计期在职教师总积分）高者在前；" +
        "仍相同的，报名（评定）在先者在前。县级管理员可调整奖次，须注明理由。";

    /// <summary>
    /// The mean of the experts' totals, to two decimals; when at least <paramref name="trimFromExperts"/> experts scored
    /// (a round setting, 0 = never), one highest and one lowest score are dropped first. Null when nobody scored.
    /// </summary>
    public static decimal? Mean(IReadOnlyList<int> totals, int trimFromExperts)
    {
        if (totals.Count == 0)
        {
            return null;
        }
        IEnumerable<int> counted = totals;
        if (trimFromExperts > 0 && totals.Count >= trimFromExperts && totals.Count >= 3)
        {
            counted = totals.OrderBy(t => t).Skip(1).Take(totals.Count - 2);
        }
        return Math.Round(counted.Average(t => (decimal)t), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Ranks the scored candidates (score descending; equal scores share the rank) and hands out the tiers by count in
    /// order, ties settled by <see cref="TieRule"/>. A candidate whose score equals one placed in another tier is marked
    /// as tied at the boundary. Unscored candidates are not ranked and win nothing.
    /// </summary>
    public static IReadOnlyList<AwardRanking> Rank(IReadOnlyList<AwardCandidate> candidates, AwardTierCounts tiers)
    {
        var ordered = candidates.Where(c => c.Score is not null)
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.TieBreak).ThenBy(c => c.NominatedAt).ThenBy(c => c.EntryId).ToList();
        var placed = new List<(AwardCandidate Candidate, int Rank, AwardTier Tier)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? placed[i - 1].Rank : i + 1;
            placed.Add((ordered[i], rank, TierAt(i, tiers)));
        }
        var tiersByScore = placed.GroupBy(p => p.Candidate.Score).ToDictionary(g => g.Key!.Value, g => g.Select(p => p.Tier).Distinct().Count());
        var result = placed.Select(p => new AwardRanking(p.Candidate.EntryId, p.Candidate.Score, p.Rank, p.Tier, tiersByScore[p.Candidate.Score!.Value] > 1)).ToList();
        result.AddRange(candidates.Where(c => c.Score is null).Select(c => new AwardRanking(c.EntryId, null, null, AwardTier.None, false)));
        return result;
    }

    private static AwardTier TierAt(int position, AwardTierCounts tiers)
    {
        if (position < tiers.First)
        {
            return AwardTier.First;
        }
        if (position < tiers.First + tiers.Second)
        {
            return AwardTier.Second;
        }
        return position < tiers.Total ? AwardTier.Third : AwardTier.None;
    }
}
