using EduPortal.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace EduPortal.Web.Tests.Infrastructure;

public sealed class PortalClockTests
{
    private static IConfiguration Settings(string? now) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PortalClock.NowKey] = now }).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "EduPortal.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    [InlineData("Staging")]
    public void Clock_now_moves_the_portal_to_that_moment_outside_production_and_time_runs_on(string environment)
    {
        var clock = PortalClock.For(Settings("2027-01-02T09:30:00+08:00"), new Environment(environment), out var ignored);
        Assert.Null(ignored);
        var now = clock.GetUtcNow();
        Assert.InRange(now, new DateTimeOffset(2027, 1, 2, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 2, 1, 31, 0, TimeSpan.Zero));
        Thread.Sleep(20);
        Assert.True(clock.GetUtcNow() > now);
        Assert.Equal(new DateOnly(2027, 1, 2), Domain.Common.ChinaTime.Today(clock));
    }

    [Fact]
    public void Production_ignores_the_override_and_says_so()
    {
        var clock = PortalClock.For(Settings("2027-01-02T09:30:00+08:00"), new Environment("Production"), out var ignored);
        Assert.Same(TimeProvider.System, clock);
        Assert.Contains("ignored in Production", ignored);
    }

    [Fact]
    public void Without_the_setting_the_portal_runs_on_the_system_clock()
    {
        Assert.Same(TimeProvider.System, PortalClock.For(Settings(null), new Environment("Development"), out var ignored));
        Assert.Null(ignored);
    }

    [Fact]
    public void A_setting_that_is_not_a_moment_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PortalClock.For(Settings("next tuesday"), new Environment("Development"), out _));
        Assert.Contains("Clock:Now", error.Message);
    }
}
