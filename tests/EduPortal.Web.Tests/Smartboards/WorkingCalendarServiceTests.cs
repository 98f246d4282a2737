using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

[Collection(PortalCollection.Name)]
public sealed class WorkingCalendarServiceTests(PortalFactory portal)
{
    private WorkingCalendarService Calendars => portal.Service<WorkingCalendarService>();

    [Fact]
    public async Task The_shipped_years_apply_until_a_county_admin_saves_a_year_and_the_change_is_audited()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.False((await Calendars.CalendarAsync()).IsWorkingDay(new DateOnly(2026, 10, 1)));
        var bad = await Calendars.SaveYearAsync(county, 2031, "十月一日", "2031-10-08");
        var fields = ((ValidationError)bad.Error!).Fields;
        Assert.Contains("Holidays", fields.Keys);
        var weekday = await Calendars.SaveYearAsync(county, 2031, "2031-10-01~2031-10-07", "2031-10-09");
        Assert.Contains("不是周末", weekday.Error!.Message);
        Assert.True((await Calendars.SaveYearAsync(county, 2031, "2031-10-01~2031-10-07", "2031-09-28")).Succeeded);
        var calendar = await Calendars.CalendarAsync();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2031, 10, 3)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2031, 9, 28)));
        Assert.Contains(await Calendars.YearsAsync(), y => y.Year == 2031 && y.UpdatedByName == county.RealName);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == WorkingCalendarService.AuditCalendar && a.EntityId == "2031"));
    }

    [Fact]
    public async Task Only_county_and_city_admins_edit_the_calendar_and_only_a_county_admin_its_deadlines()
    {
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        Assert.IsType<ForbiddenError>((await Calendars.SaveYearAsync(school, 2032, "2032-01-01", null)).Error);
        Assert.IsType<ForbiddenError>((await Calendars.SaveDeadlinesAsync(city, new RepairDeadlines(1, 2, 3))).Error);
        Assert.IsType<ForbiddenError>((await Calendars.SaveDeadlinesAsync(school, new RepairDeadlines(1, 2, 3))).Error);
    }

    [Fact]
    public async Task A_county_sets_its_tier_deadlines_and_bad_values_are_refused_per_field()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var bad = await Calendars.SaveDeadlinesAsync(county, new RepairDeadlines(0, 3, 5));
        Assert.Contains("SchoolDays", ((ValidationError)bad.Error!).Fields.Keys);
        Assert.True((await Calendars.SaveDeadlinesAsync(county, new RepairDeadlines(2, 3, 5))).Succeeded);
        Assert.Equal(new RepairDeadlines(2, 3, 5), (await Calendars.DeadlinesForAsync(county)).Value);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == WorkingCalendarService.AuditDeadlines));
    }
}
