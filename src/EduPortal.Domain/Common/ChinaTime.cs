namespace EduPortal.Domain.Common;

/// <summary>Days and weeks are counted in China time (Asia/Shanghai), whatever the server's zone.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // China has had no daylight saving since 1991, so a fixed offset is exact for current dates.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }

    public static DateTimeOffset ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToChina(clock.GetUtcNow()).DateTime);

    /// <summary>2026-11-23 14:05 in China time.</summary>
    public static string Format(DateTimeOffset instant) => ToChina(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date in tables and exports: 2026-11-23 (prose uses <see cref="FormatDateLong"/>).</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>2026年11月23日.</summary>
    public static string FormatDateLong(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
