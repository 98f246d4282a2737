namespace EduPortal.Domain.Bulletins;

/// <summary>Which weeks a scheduled run builds, so a week missed while the portal was down is produced when it runs again.</summary>
public static class BulletinCatchUp
{
    /// <summary>At most this many weeks are caught up (older gaps are left: a bulletin two months late informs nobody).</summary>
    public const int MaxWeeks = 8;

    /// <summary>
    /// The weeks after <paramref name="lastBuilt"/> up to <paramref name="lastComplete"/> (oldest first, the latest
    /// <paramref name="limit"/> of them); just <paramref name="lastComplete"/> for a unit that never had a bulletin; none
    /// when it is already built.
    /// </summary>
    public static IReadOnlyList<BulletinWeek> WeeksToBuild(BulletinWeek? lastBuilt, BulletinWeek lastComplete, int limit = MaxWeeks)
    {
        if (lastBuilt is null)
        {
            return [lastComplete];
        }
        var weeks = new List<BulletinWeek>();
        for (var week = lastComplete; week.Monday > lastBuilt.Value.Monday && weeks.Count < Math.Max(1, limit); week = week.Previous)
        {
            weeks.Add(week);
        }
        weeks.Reverse();
        return weeks;
    }
}
