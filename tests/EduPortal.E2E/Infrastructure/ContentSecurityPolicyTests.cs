using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Infrastructure;

/// <summary>The portal works under its Content-Security-Policy: nothing it needs is refused (issue 10).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class ContentSecurityPolicyTests(PortalServer server)
{
    [Fact]
    public async Task Pages_menus_dialogs_and_the_jobs_dashboard_work_without_a_single_policy_refusal()
    {
        var page = await server.NewPageAsync();
        var messages = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                messages.Add(message.Text);
            }
        };
        page.PageError += (_, error) => messages.Add(error);

        await page.GotoAsync("/Account/Login");
        var csp = (await page.Context.APIRequest.GetAsync("/Account/Login")).Headers["content-security-policy"];
        Assert.Contains("script-src 'self' 'nonce-", csp);
        await page.SignInAsync("city_admin");
        foreach (var path in new[] { "/", "/labs", "/labs/stats", "/points/rankings", "/surveys", "/accounts", "/org", "/audit" })
        {
            await page.GoAsync(path);
            await Expect(page.Locator(".mud-main-content")).ToBeVisibleAsync();
        }
        // An interactive MudBlazor popover (styles and scripts it injects) and an enhanced navigation.
        await page.GoAsync("/accounts");
        var select = page.Locator(".mud-select").First;
        if (await select.CountAsync() > 0)
        {
            await select.ClickAsync();
            await page.Keyboard.PressAsync("Escape");
        }
        await page.ShotAsync("csp-accounts");
        await page.GotoAsync("/hangfire");
        await Expect(page.Locator("body")).ToContainTextAsync("后台任务");
        await page.ShotAsync("csp-hangfire");

        Assert.DoesNotContain(messages, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(PortalSteps.CspViolations);
    }
}
