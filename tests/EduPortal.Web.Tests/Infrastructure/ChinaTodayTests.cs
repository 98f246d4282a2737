using Bunit;
using EduPortal.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>The date picker's "today" is China's today, on a server whose own zone is UTC (issue 9 §6).</summary>
public sealed class ChinaTodayTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    // 04:30 in China on 1 December while UTC is still on 30 November.
    [InlineData("2026-11-30T20:30:00Z", 1)]
    // 07:59 in China on 1 January 2027, UTC still in 2026.
    [InlineData("2026-12-31T23:59:00Z", 1)]
    public void The_date_picker_marks_China_today_before_eight_in_the_morning_China_time(string utcNow, int chinaDay)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton<TimeProvider>(clock);
        _context.Services.UseChinaLocalTime();

        var picker = _context.Render<MudDatePicker>(p => p.Add(c => c.PickerVariant, PickerVariant.Static));

        var today = picker.Find(".mud-picker-calendar-day.mud-current");
        Assert.Equal(chinaDay.ToString(System.Globalization.CultureInfo.InvariantCulture), today.TextContent.Trim());
    }

    [Fact]
    public void The_portal_clock_keeps_its_instants_and_reports_China_as_its_local_zone()
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 20, 30, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(inner).UseChinaLocalTime().BuildServiceProvider();
        var clock = services.GetRequiredService<TimeProvider>();
        Assert.Equal(inner.GetUtcNow(), clock.GetUtcNow());
        Assert.Equal(new DateTime(2026, 12, 1, 4, 30, 0), clock.GetLocalNow().DateTime);
    }
}
