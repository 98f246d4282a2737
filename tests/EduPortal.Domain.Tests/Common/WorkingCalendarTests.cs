using EduPortal.Domain.Common;

namespace EduPortal.Domain.Tests.Common;

/// <summary>Working days: weekends, official holidays and 调休 make-up days, and deadlines in China time.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly WorkingCalendar Calendar = new(DefaultWorkingCalendars.Create(Now));

    private static DateTimeOffset China(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Weekdays_work_and_weekends_do_not()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 11, 27)));   // Friday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));  // Saturday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 29)));  // Sunday
    }

    [Fact]
    public void A_deadline_runs_across_the_weekend()
    {
        // Raised Friday 16:00 with two working days: Monday and Tuesday count, the deadline is the end of Tuesday.
        Assert.Equal(new DateOnly(2026, 12, 1), Calendar.AddWorkingDays(new DateOnly(2026, 11, 27), 2));
        Assert.Equal(China(2026, 12, 2, 0), Calendar.Deadline(China(2026, 11, 27, 16), 2));
    }

    [Fact]
    public void A_ticket_raised_on_a_saturday_counts_from_monday()
    {
        Assert.Equal(China(2026, 12, 1, 0), Calendar.Deadline(China(2026, 11, 28, 10), 1));
    }

    [Fact]
    public void The_national_day_holiday_does_not_count()
    {
        // 2026-09-30 is a Wednesday; 10-01..10-07 are off; 10-08 (Thu) and 10-09 (Fri) work.
        Assert.All(Enumerable.Range(1, 7), d => Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, d))));
        Assert.Equal(new DateOnly(2026, 10, 9), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 2));
    }

    [Fact]
    public void A_make_up_saturday_counts_as_a_working_day()
    {
        // 2026-10-10 is a Saturday worked for the national day (调休上班): Friday 10-09 + 1 working day = Saturday 10-10.
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.AddWorkingDays(new DateOnly(2026, 10, 9), 1));
        Assert.Equal(new DateOnly(2026, 10, 12), Calendar.AddWorkingDays(new DateOnly(2026, 10, 9), 2));
        // Without the arrangement the Saturday would not count.
        Assert.Equal(new DateOnly(2026, 10, 13), WorkingCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 10, 9), 2));
    }

    [Fact]
    public void The_spring_festival_and_its_make_up_days()
    {
        // 2026-02-13 (Fri) + 3: Sat 02-14 is worked, 02-15..02-23 off, Tue 02-24 and Wed 02-25 work.
        Assert.Equal(new DateOnly(2026, 2, 25), Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 3));
    }

    [Fact]
    public void Deadlines_are_counted_in_china_time_whatever_the_instant_offset()
    {
        // Friday 2026-11-27 23:30 UTC is already Saturday 07:30 in China, so counting starts from Saturday.
        var fridayUtcLate = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(China(2026, 12, 1, 0), Calendar.Deadline(fridayUtcLate, 1));
        // An instant in UTC: PostgreSQL stores timestamptz values with offset 0 only.
        Assert.Equal(TimeSpan.Zero, Calendar.Deadline(fridayUtcLate, 1).Offset);
    }

    [Fact]
    public void Zero_days_is_the_start_day_and_working_days_between_counts_the_same_way()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), Calendar.AddWorkingDays(new DateOnly(2026, 10, 1), 0));
        Assert.Equal(2, Calendar.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 10, 1), -1));
    }

    [Fact]
    public void A_year_without_an_arrangement_counts_weekends_only()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2030, 10, 1)));  // Tuesday, nobody entered 2030
    }

    [Fact]
    public void The_defaults_follow_the_published_pattern_and_validate()
    {
        var years = DefaultWorkingCalendars.Create(Now).ToList();
        Assert.Equal([2026, 2027], years.Select(y => y.Year));
        Assert.All(years.SelectMany(y => y.MakeUpDays), d => Assert.True(WorkingCalendar.IsWeekend(d)));
        Assert.Contains(new DateOnly(2026, 9, 20), years[0].MakeUpDays);
    }

    [Fact]
    public void An_edit_refuses_a_weekday_make_up_day_a_date_of_another_year_and_a_day_in_both_lists()
    {
        var year = WorkingCalendarYear.Create(2026, [], [], null, Now).Value!;
        var weekday = year.Update([], [new DateOnly(2026, 10, 9)], "孙县管", Now);
        Assert.Contains("不是周末", weekday.Error!.Message);
        var stray = year.Update([new DateOnly(2027, 1, 1)], [], "孙县管", Now);
        Assert.Contains("不在 2026 年内", ((ValidationError)stray.Error!).Fields["Holidays"]);
        var both = year.Update([new DateOnly(2026, 10, 10)], [new DateOnly(2026, 10, 10)], "孙县管", Now);
        Assert.Contains("既是放假日又是调休上班日", both.Error!.Message);
        Assert.Empty(year.Holidays);
        Assert.Empty(year.MakeUpDays);
    }

    [Fact]
    public void Dates_are_read_as_days_or_ranges_and_written_back_folded()
    {
        var parsed = WorkingCalendarYear.ParseDates("2026-10-01~2026-10-07\n2026-09-25至2026-09-27，2026-1-1", "Holidays").Value!;
        Assert.Equal(11, parsed.Count);
        Assert.Equal("2026-01-01\n2026-09-25~2026-09-27\n2026-10-01~2026-10-07", WorkingCalendarYear.FormatDates(parsed));
    }

    [Theory]
    [InlineData("十月一日")]
    [InlineData("2026-10-07~2026-10-01")]
    [InlineData("2026-01-01~2026-03-01")]
    public void Bad_dates_are_refused_with_a_message_for_the_field(string text)
    {
        var result = WorkingCalendarYear.ParseDates(text, "Holidays");
        Assert.False(result.Succeeded);
        Assert.True(((ValidationError)result.Error!).Fields.ContainsKey("Holidays"));
    }
}
