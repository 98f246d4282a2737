using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Infrastructure;

/// <summary>Dates and times read the Chinese way everywhere, including the background-jobs dashboard (issue 9 §6).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class FormatTests(PortalServer server)
{
    [Fact]
    public async Task The_background_jobs_dashboard_shows_its_times_in_Chinese()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("city_admin");
        await page.GotoAsync("/hangfire/recurring");
        var table = page.Locator("table").First;
        await Expect(table).ToContainTextAsync("下一个执行");
        // moment.js in zh-cn: "几秒后" / "2 小时后", not "in a few seconds" / "in 2 hours".
        await Expect(table).ToContainTextAsync(new System.Text.RegularExpressions.Regex("(秒|分钟|小时|天)[内后前]"));
        await Expect(table).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex("\\bin (a|an|\\d+) |ago\\b"));
        await page.ShotAsync("format-01-jobs-dashboard");
    }
}
