using System.Globalization;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Bulletins;

/// <summary>
/// When an issuing unit's weekly bulletin is built (a weekday and a China time; Monday 07:00 by default) and whether it
/// is published at once or left as a draft for the editor's foreword. One row per unit; a unit without one uses the defaults.
/// </summary>
public sealed class BulletinSettings
{
    public const DayOfWeek DefaultDay = DayOfWeek.Monday;
    public const int DefaultHour = 7;

    private BulletinSettings()
    {
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public DayOfWeek Day { get; private set; } = DefaultDay;
    public int Hour { get; private set; } = DefaultHour;
    public int Minute { get; private set; }
    public bool AutoPublish { get; private set; }

    public static BulletinSettings DefaultFor(int unitId) => new() { UnitId = unitId };

    /// <summary>Hangfire's cron for the schedule, read in China time (the job is registered with <see cref="ChinaTime.Zone"/>).</summary>
    public string Cron => CronFor(Day, Hour, Minute);

    public static string CronFor(DayOfWeek day, int hour, int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute} {hour} * * {(int)day}");

    /// <summary>每周一 07:00.</summary>
    public string ScheduleText => $"每{DayName(Day)} {Hour:00}:{Minute:00}";

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        DayOfWeek.Sunday => "周日",
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };

    public Result Change(DayOfWeek day, int hour, int minute, bool autoPublish)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(day))
        {
            errors["Day"] = "请选择星期几";
        }
        if (hour is < 0 or > 23)
        {
            errors["Hour"] = "小时应在 0–23 之间";
        }
        if (minute is < 0 or > 59)
        {
            errors["Minute"] = "分钟应在 0–59 之间";
        }
        if (errors.Count > 0)
        {
            return new ValidationError(errors);
        }
        Day = day;
        Hour = hour;
        Minute = minute;
        AutoPublish = autoPublish;
        return Result.Success;
    }
}
