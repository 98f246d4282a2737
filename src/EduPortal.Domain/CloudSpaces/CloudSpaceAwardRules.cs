namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// The school's award at term end (学校优秀教师空间, circular 001 §四(二)2: 一等奖6人，二等奖15人，三等奖24人).
/// Every serving teacher of the school is ranked: 合格 first, then the term's points, then the number of targets
/// exceeded; equal keys share a rank. Tiers go by count down the ranking, so a school with fewer teachers than places
/// gives fewer awards. Ties across a tier's last place: every tied teacher gets the higher tier and the next tier has
/// that many fewer places (at the last tier, every tied teacher gets 三等奖).
/// </summary>
public static class CloudSpaceAwardRules
{
    public const string OrderText = "排序：全校在岗教师参评，合格者在前；再按本学期积分从高到低；再按超额完成的目标数从多到少。按名次依次评出一、二、三等奖。";
    public const string TieRuleText = "奖次分界处并列（合格、积分、超额目标数都相同）时，并列者同获较高奖次，下一奖次名额相应减少；三等奖分界处并列者均获三等奖。管理员可填写说明后调整个人奖次。";

    public static IReadOnlyList<CloudSpaceAwardPlace> Assign(IEnumerable<CloudSpaceAwardCandidate> candidates, CloudSpaceAwardCounts counts)
    {
        var ordered = candidates
            .OrderByDescending(c => c.Qualified).ThenByDescending(c => c.Points).ThenByDescending(c => c.Exceeded)
            .ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.TeacherId, StringComparer.Ordinal)
            .ToList();
        var firstEnd = counts.First;
        var secondEnd = firstEnd + counts.Second;
        var thirdEnd = secondEnd + counts.Third;
        var places = new List<CloudSpaceAwardPlace>(ordered.Count);
        var position = 0;
        while (position < ordered.Count)
        {
            var head = ordered[position];
            var size = 1;
            while (position + size < ordered.Count && SameKey(head, ordered[position + size]))
            {
                size++;
            }
            var (tier, end) = position < firstEnd ? (CloudSpaceAwardTier.First, firstEnd)
                : position < secondEnd ? (CloudSpaceAwardTier.Second, secondEnd)
                : position < thirdEnd ? (CloudSpaceAwardTier.Third, thirdEnd)
                : (CloudSpaceAwardTier.None, int.MaxValue);
            var tied = size > 1 && tier != CloudSpaceAwardTier.None && position + size > end;
            for (var i = 0; i < size; i++)
            {
                places.Add(new CloudSpaceAwardPlace(ordered[position + i], position + 1, tier, tied));
            }
            position += size;
        }
        return places;
    }

    private static bool SameKey(CloudSpaceAwardCandidate a, CloudSpaceAwardCandidate b) =>
        a.Qualified == b.Qualified && a.Points == b.Points && a.Exceeded == b.Exceeded;
}
