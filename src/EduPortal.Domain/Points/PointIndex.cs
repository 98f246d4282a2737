namespace EduPortal.Domain.Points;

/// <summary>Index and rank rules shared by the rankings pages (circular 001 附件2 §二).</summary>
public static class PointIndex
{
    /// <summary>
    /// School index = the school's teachers' points / its teachers, retired and departed teachers left out of
    /// both (circular 001 附件2 §二(2)); null when no active teacher is left (shown as "—").
    /// </summary>
    public static decimal? SchoolIndex(int activeTeachersPoints, int activeTeachers) =>
        activeTeachers <= 0 ? null : Math.Round((decimal)activeTeachersPoints / activeTeachers, 2, MidpointRounding.AwayFromZero);

    /// <summary>Competition ranks (1, 2, 2, 4) of values sorted descending; equal values share a rank.</summary>
    public static int[] CompetitionRanks(IReadOnlyList<decimal> descending)
    {
        var ranks = new int[descending.Count];
        for (var i = 0; i < descending.Count; i++)
        {
            ranks[i] = i > 0 && descending[i] == descending[i - 1] ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }

    public static string Format(decimal? index) => index is { } value ? value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
