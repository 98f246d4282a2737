using System.Net;
using System.Text.Json;
using EduPortal.Data.Seeding;
using EduPortal.Web.Infrastructure.Diagnostics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Security;

[Collection(PortalCollection.Name)]
public sealed class DiagnosticsTests(PortalFactory portal)
{
    [Fact]
    public async Task Diag_reports_circuits_heap_memory_and_activity_times_to_city_admins_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Browser().GetAsync("/diag")).StatusCode);
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/diag")).StatusCode);
        var (county, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/diag")).StatusCode);

        // An activity of 30 ms recorded by the circuit handler's timer.
        var diagnostics = portal.Services.GetRequiredService<CircuitDiagnostics>();
        var handler = new DiagnosticsCircuitHandler(diagnostics);
        var timed = handler.CreateInboundActivityHandler(_ => Task.Delay(30));
        diagnostics.Reset();
        await timed(null!);
        // A page's own load after a navigation (PortalPage reports it), kept apart from the activities.
        diagnostics.RecordPageLoad(TimeSpan.FromMilliseconds(40));
        var (city, _) = await portal.SignInAsync(DemoAccounts.CityAdmin);
        var response = await city.GetAsync("/diag?reset=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("managedHeapBytes").GetInt64() > 0);
        Assert.True(root.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(root.GetProperty("openCircuits").GetInt32() >= 0);
        var activity = root.GetProperty("inboundActivity");
        Assert.True(activity.GetProperty("count").GetInt64() >= 1);
        Assert.True(activity.GetProperty("maxMs").GetDouble() >= 25);
        var pageLoads = root.GetProperty("pageLoads");
        Assert.True(pageLoads.GetProperty("count").GetInt64() >= 1);
        Assert.True(pageLoads.GetProperty("maxMs").GetDouble() >= 40);
        // ?reset=1 forgot the samples after reporting them.
        Assert.Equal(0, diagnostics.Report().InboundActivity.Count);
        Assert.Equal(0, diagnostics.Report().PageLoads.Count);

        // ?gc=compact: the aggressive collection the load script reads the working set after, and the process's
        // resident memory from smaps_rollup (Linux, where CI and the load script run).
        using var compacted = JsonDocument.Parse(await city.GetStringAsync("/diag?gc=compact"));
        Assert.True(compacted.RootElement.GetProperty("managedHeapBytes").GetInt64() > 0);
        if (OperatingSystem.IsLinux())
        {
            var memory = compacted.RootElement.GetProperty("memory");
            Assert.True(memory.GetProperty("rssBytes").GetInt64() > 0);
            Assert.InRange(memory.GetProperty("privateDirtyBytes").GetInt64(), 1, memory.GetProperty("rssBytes").GetInt64());
            Assert.InRange(memory.GetProperty("anonymousBytes").GetInt64(), 1, memory.GetProperty("rssBytes").GetInt64());
        }
    }
}
