using System.Globalization;

namespace EduPortal.Domain.Plans;

/// <summary>
/// The period of a county's feedback: a calendar month in China time ("2026年11月"). Circular 002 五(六) asks counties to
/// report "及时" without a cycle; a fixed monthly period is what every 县区 already works to and needs no set-up by the city.
/// </summary>
public readonly record struct FeedbackMonth(int Year, int Month)
{
    public static FeedbackMonth Of(DateOnly chinaDate) => new(chinaDate.Year, chinaDate.Month);

    public bool IsValid => Year is >= 2000 and <= 2100 && Month is >= 1 and <= 12;

    public string Label => $"{Year}年{Month}月";

    public FeedbackMonth Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public bool IsAfter(FeedbackMonth other) => Year > other.Year || (Year == other.Year && Month > other.Month);

    /// <summary>"2026-11", the form used in addresses.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static bool TryParse(string? key, out FeedbackMonth month)
    {
        month = default;
        if (key is not { Length: 7 } || key[4] != '-' || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !int.TryParse(key.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return false;
        }
        month = new FeedbackMonth(year, m);
        return month.IsValid;
    }
}
