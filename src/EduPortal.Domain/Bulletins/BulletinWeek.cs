using System.Globalization;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Bulletins;

/// <summary>
/// The week a bulletin reports on: Monday 00:00 to Sunday 24:00 China time (+08:00), numbered by ISO 8601 (the week
/// holding 4 January is week 1, so 2026-12-28 … 2027-01-03 is 2026年第53周). A week's bulletin is built on the following
/// Monday.
/// </summary>
public readonly record struct BulletinWeek(DateOnly Monday)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The week holding a China date (any day is moved back to its Monday).</summary>
    public static BulletinWeek Of(DateOnly date) => new(date.AddDays(-(((int)date.DayOfWeek + 6) % 7)));

    /// <summary>The week holding an instant, read in China time (Sunday 23:59 +08:00 is still that week; Monday 00:00 is the next).</summary>
    public static BulletinWeek Containing(DateTimeOffset instant) => Of(DateOnly.FromDateTime(ChinaTime.ToChina(instant).DateTime));

    /// <summary>The last complete week at <paramref name="now"/>: the one a bulletin built now reports on.</summary>
    public static BulletinWeek LastCompleteAt(DateTimeOffset now) => Containing(now).Previous;

    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The week's first instant (Monday 00:00 China time) in UTC, as stored.</summary>
    public DateTimeOffset Start => new DateTimeOffset(Monday.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();

    /// <summary>The instant after the week (the next Monday 00:00 China time) in UTC; the week is [Start, End).</summary>
    public DateTimeOffset End => Next.Start;

    public BulletinWeek Previous => new(Monday.AddDays(-7));

    public BulletinWeek Next => new(Monday.AddDays(7));

    /// <summary>ISO week-numbering year (2026 for 2027-01-01, which falls in 2026's week 53).</summary>
    public int Year => ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue));

    public int Number => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>2026年第48周.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Year}年第{Number}周");

    /// <summary>2026年11月23日至2026年11月29日.</summary>
    public string PeriodText => $"{ChinaTime.FormatDateLong(Monday)}至{ChinaTime.FormatDateLong(Sunday)}";

    public override string ToString() => Label;
}
