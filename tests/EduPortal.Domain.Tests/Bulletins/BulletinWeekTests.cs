using EduPortal.Domain.Bulletins;

namespace EduPortal.Domain.Tests.Bulletins;

public class BulletinWeekTests
{
    private static DateTimeOffset China(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Fact]
    public void Sunday_23_59_china_time_is_still_in_the_week_and_monday_00_00_starts_the_next()
    {
        var sundayNight = BulletinWeek.Containing(China(2026, 11, 29, 23, 59, 59));
        var mondayMidnight = BulletinWeek.Containing(China(2026, 11, 30, 0, 0));

        Assert.Equal(new DateOnly(2026, 11, 23), sundayNight.Monday);
        Assert.Equal(new DateOnly(2026, 11, 30), mondayMidnight.Monday);
        Assert.Equal(48, sundayNight.Number);
        Assert.Equal(49, mondayMidnight.Number);
    }

    [Fact]
    public void The_week_is_read_in_china_time_whatever_the_offset_of_the_instant()
    {
        // 2026-11-29 16:30 UTC is Monday 00:30 in China: the next week, though it is still Sunday in UTC.
        var week = BulletinWeek.Containing(new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 30), week.Monday);
    }

    [Fact]
    public void Week_starts_and_ends_at_china_midnight_stored_as_utc()
    {
        var week = BulletinWeek.Of(new DateOnly(2026, 11, 25));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero), week.Start);
        Assert.Equal(TimeSpan.Zero, week.Start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), week.End);
        Assert.True(week.Contains(China(2026, 11, 29, 23, 59, 59)));
        Assert.False(week.Contains(China(2026, 11, 30, 0, 0)));
    }

    [Fact]
    public void The_bulletin_built_on_monday_reports_the_week_before()
    {
        var week = BulletinWeek.LastCompleteAt(China(2026, 11, 30, 7, 0));

        Assert.Equal(new DateOnly(2026, 11, 23), week.Monday);
        Assert.Equal(new DateOnly(2026, 11, 29), week.Sunday);
        Assert.Equal("2026年第48周", week.Label);
        Assert.Equal("2026年11月23日至2026年11月29日", week.PeriodText);
    }

    [Fact]
    public void A_week_across_new_year_keeps_its_iso_year_and_number()
    {
        // 2026 begins on a Thursday, so it has 53 ISO weeks; 2027-01-01 (Friday) falls in 2026's week 53.
        var newYear = BulletinWeek.Of(new DateOnly(2027, 1, 1));
        var reportedOnSaturday = BulletinWeek.LastCompleteAt(China(2027, 1, 2, 9, 30));

        Assert.Equal(new DateOnly(2026, 12, 28), newYear.Monday);
        Assert.Equal(2026, newYear.Year);
        Assert.Equal(53, newYear.Number);
        Assert.Equal("2026年第53周", newYear.Label);
        Assert.Equal(new DateOnly(2026, 12, 21), reportedOnSaturday.Monday);
        Assert.Equal(52, reportedOnSaturday.Number);
        Assert.Equal(1, newYear.Next.Number);
        Assert.Equal(2027, newYear.Next.Year);
    }

    [Fact]
    public void A_week_starting_in_late_december_can_be_week_one_of_the_next_year()
    {
        // 2024-12-30 (Monday) holds 2 January 2025, a Thursday: ISO week 1 of 2025.
        var week = BulletinWeek.Of(new DateOnly(2024, 12, 31));

        Assert.Equal(2025, week.Year);
        Assert.Equal(1, week.Number);
    }
}

public class BulletinCatchUpTests
{
    private static readonly BulletinWeek LastComplete = BulletinWeek.Of(new DateOnly(2026, 11, 23));

    [Fact]
    public void A_unit_without_any_bulletin_builds_only_the_last_complete_week()
    {
        Assert.Equal([LastComplete], BulletinCatchUp.WeeksToBuild(null, LastComplete));
    }

    [Fact]
    public void Weeks_missed_since_the_last_bulletin_are_built_oldest_first()
    {
        var weeks = BulletinCatchUp.WeeksToBuild(LastComplete.Previous.Previous.Previous, LastComplete);

        Assert.Equal([LastComplete.Previous.Previous, LastComplete.Previous, LastComplete], weeks);
    }

    [Fact]
    public void Nothing_is_built_when_the_last_complete_week_exists()
    {
        Assert.Empty(BulletinCatchUp.WeeksToBuild(LastComplete, LastComplete));
    }

    [Fact]
    public void A_long_outage_catches_up_at_most_the_limit_of_latest_weeks()
    {
        var lastBuilt = BulletinWeek.Of(new DateOnly(2026, 1, 5));

        var weeks = BulletinCatchUp.WeeksToBuild(lastBuilt, LastComplete);

        Assert.Equal(BulletinCatchUp.MaxWeeks, weeks.Count);
        Assert.Equal(LastComplete, weeks[^1]);
        Assert.Equal(new DateOnly(2026, 10, 5), weeks[0].Monday);
    }
}

public class BulletinSettingsTests
{
    [Fact]
    public void Default_schedule_is_monday_seven_oclock()
    {
        var settings = BulletinSettings.DefaultFor(1);

        Assert.Equal("0 7 * * 1", settings.Cron);
        Assert.Equal("每周一 07:00", settings.ScheduleText);
        Assert.False(settings.AutoPublish);
    }

    [Fact]
    public void Out_of_range_time_is_refused_and_nothing_changes()
    {
        var settings = BulletinSettings.DefaultFor(1);

        var result = settings.Change(DayOfWeek.Tuesday, 24, 60, autoPublish: true);

        var error = Assert.IsType<EduPortal.Domain.Common.ValidationError>(result.Error);
        Assert.Equal("小时应在 0–23 之间", error.Fields["Hour"]);
        Assert.Equal("分钟应在 0–59 之间", error.Fields["Minute"]);
        Assert.Equal("0 7 * * 1", settings.Cron);
        Assert.False(settings.AutoPublish);
    }

    [Fact]
    public void A_changed_schedule_gives_its_cron()
    {
        var settings = BulletinSettings.DefaultFor(1);

        Assert.True(settings.Change(DayOfWeek.Sunday, 20, 30, autoPublish: true).Error is null);
        Assert.Equal("30 20 * * 0", settings.Cron);
        Assert.True(settings.AutoPublish);
    }
}
