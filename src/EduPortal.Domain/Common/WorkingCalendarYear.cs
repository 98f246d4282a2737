using System.Globalization;

namespace EduPortal.Domain.Common;

/// <summary>
/// One year of China's official holiday arrangement (国务院办公厅关于部分节假日安排的通知): the days off that are not
/// ordinary weekends (法定节假日及调休放假日) and the weekend days that are worked instead (调休上班日).
/// The bureau edits each year's dates once the State Council publishes them; <see cref="DefaultWorkingCalendars"/>
/// holds the defaults a new installation starts with.
/// </summary>
public sealed class WorkingCalendarYear
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private WorkingCalendarYear()
    {
    }

    public int Id { get; private set; }
    public int Year { get; private set; }

    /// <summary>Days off (放假日), weekdays or weekend days inside a holiday period.</summary>
    public List<DateOnly> Holidays { get; private set; } = [];

    /// <summary>Weekend days worked in exchange for a bridged holiday (调休上班日).</summary>
    public List<DateOnly> MakeUpDays { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedByName { get; private set; }

    public static Result<WorkingCalendarYear> Create(int year, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpDays,
        string? editorName, DateTimeOffset now)
    {
        var calendar = new WorkingCalendarYear { Year = year };
        var result = calendar.Update(holidays, makeUpDays, editorName, now);
        return result.Succeeded ? calendar : result.Error!;
    }

    /// <summary>Replaces both lists after checking them; nothing changes when a check fails.</summary>
    public Result Update(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpDays, string? editorName, DateTimeOffset now)
    {
        var off = holidays.Distinct().Order().ToList();
        var worked = makeUpDays.Distinct().Order().ToList();
        var errors = new ValidationBuilder();
        errors.Check(Year is >= MinYear and <= MaxYear, nameof(Year), $"年份须在 {MinYear} 至 {MaxYear} 之间");
        var strayOff = off.FirstOrDefault(d => d.Year != Year);
        errors.Check(strayOff == default, nameof(Holidays), $"{ChinaTime.FormatDate(strayOff)} 不在 {Year} 年内");
        var strayWorked = worked.FirstOrDefault(d => d.Year != Year);
        errors.Check(strayWorked == default, nameof(MakeUpDays), $"{ChinaTime.FormatDate(strayWorked)} 不在 {Year} 年内");
        // 调休上班日 are always a Saturday or Sunday; a weekday is a working day anyway.
        var weekday = worked.FirstOrDefault(d => !WorkingCalendar.IsWeekend(d));
        errors.Check(weekday == default, nameof(MakeUpDays), $"{ChinaTime.FormatDate(weekday)} 不是周末，调休上班日只能是周六或周日");
        var both = off.Intersect(worked).FirstOrDefault();
        errors.Check(both == default, nameof(MakeUpDays), $"{ChinaTime.FormatDate(both)} 不能既是放假日又是调休上班日");
        var problems = errors.Build();
        if (problems is not null)
        {
            return problems;
        }
        Holidays = off;
        MakeUpDays = worked;
        UpdatedAt = now;
        UpdatedByName = editorName;
        return Result.Success;
    }

    /// <summary>
    /// Reads dates typed on the editing page: one a line or separated by commas/、, each a date (2026-10-01) or a range
    /// (2026-10-01~2026-10-07, also with 至 or an en dash). Returns the error for <paramref name="field"/> on bad input.
    /// </summary>
    public static Result<IReadOnlyList<DateOnly>> ParseDates(string? text, string field)
    {
        var dates = new List<DateOnly>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return dates;
        }
        var parts = text.Split(['\n', '\r', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var ends = part.Split(['~', '～', '至', '–', '—'], StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || !TryParse(ends[0], out var first) || !TryParse(ends[^1], out var last))
            {
                return ValidationError.For(field, $"“{part}”不是日期，请写成 2026-10-01 或 2026-10-01~2026-10-07");
            }
            if (last < first)
            {
                return ValidationError.For(field, $"“{part}”的结束日期早于开始日期");
            }
            if (last.DayNumber - first.DayNumber > 31)
            {
                return ValidationError.For(field, $"“{part}”超过 31 天，请检查日期");
            }
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                dates.Add(day);
            }
        }
        return dates;
    }

    /// <summary>The dates as the editing page shows them: consecutive days folded into ranges, one a line.</summary>
    public static string FormatDates(IEnumerable<DateOnly> dates)
    {
        var lines = new List<string>();
        DateOnly? start = null;
        DateOnly previous = default;
        foreach (var day in dates.Distinct().Order())
        {
            if (start is not null && day == previous.AddDays(1))
            {
                previous = day;
                continue;
            }
            if (start is not null)
            {
                lines.Add(Range(start.Value, previous));
            }
            start = day;
            previous = day;
        }
        if (start is not null)
        {
            lines.Add(Range(start.Value, previous));
        }
        return string.Join("\n", lines);

        static string Range(DateOnly from, DateOnly to) => from == to ? ChinaTime.FormatDate(from) : $"{ChinaTime.FormatDate(from)}~{ChinaTime.FormatDate(to)}";
    }

    private static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
