namespace EduPortal.Domain.Common;

/// <summary>
/// Working days in China: Monday to Friday, minus the official holidays, plus the 调休 make-up weekend days, as the
/// stored <see cref="WorkingCalendarYear"/>s say. A year with no stored arrangement counts weekends only.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _makeUpDays = [];

    public WorkingCalendar(IEnumerable<WorkingCalendarYear> years)
    {
        foreach (var year in years)
        {
            _holidays.UnionWith(year.Holidays);
            _makeUpDays.UnionWith(year.MakeUpDays);
        }
    }

    /// <summary>Weekends only, for tests and for years nobody has entered.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly date) =>
        _makeUpDays.Contains(date) || (!_holidays.Contains(date) && !IsWeekend(date));

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day itself is never
    /// counted, whether it is a working day or not). Zero gives the start day back.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>
    /// A deadline of <paramref name="workingDays"/> working days from an instant: the end (24:00 China time) of the
    /// n-th working day after the China date of <paramref name="from"/>. Raised on Friday afternoon with two days,
    /// the deadline is the end of the next Tuesday.
    /// </summary>
    public DateTimeOffset Deadline(DateTimeOffset from, int workingDays)
    {
        var chinaDate = DateOnly.FromDateTime(ChinaTime.ToChina(from).DateTime);
        var lastDay = AddWorkingDays(chinaDate, workingDays);
        return EndOfDay(lastDay);
    }

    /// <summary>Working days from one China date to a later one (the first day excluded, the last included).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>24:00 China time at the end of a date, as an instant in UTC (PostgreSQL stores only UTC offsets).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date)
    {
        var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, ChinaTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
