using Microsoft.Playwright;

namespace EduPortal.E2E;

/// <summary>Steps a user takes, written once: sign in, wait for the live circuit, pick from MudBlazor lists, take screenshots.</summary>
public static class PortalSteps
{
    public const string DemoPassword = "EduPortal2026";

    public static async Task<IPage> NewPageAsync(this PortalServer server, bool phone = false)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        // Generous: a 2-core CI machine that also builds may take several seconds to hash a password and render a page.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(45_000);
        // Expectations too (their default is 5 s): a registration's password hash under a loaded CI took longer.
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        // Every page of every browser test listens for Content-Security-Policy refusals (issue 10).
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                CspViolations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>Console messages of a refused script, style, image or connection, from any page opened by <see cref="NewPageAsync"/>.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> CspViolations = new();

    public static async Task SignInAsync(this IPage page, string login, string password = DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-name", login);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        // The page signed in is done when its circuit is live; a refused sign-in shows the form's error instead. No load
        // state is awaited: Playwright checks the frame's load states and then subscribes to their events, and a CI run
        // once lost that race after the redirect (45 s timeout on a loaded page, only "NetworkIdle" seen). A selector
        // wait is re-run in each new document, so it cannot miss one.
        const string Refused = "[data-testid=login-error]";
        await page.Locator($"#circuit-ready, {Refused}").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        if (await page.Locator(Refused).CountAsync() > 0)
        {
            throw new InvalidOperationException($"Sign-in as {login} was refused: {await page.Locator(Refused).InnerTextAsync()}");
        }
        Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.Ordinal);
    }

    /// <summary>Interactive elements only respond once the Blazor circuit is connected.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static async Task GoAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
    }

    /// <summary>
    /// Chooses a file in a Blazor file input once the circuit has hooked it: the page's first interactive render (where
    /// <c>#circuit-ready</c> appears) may still be loading, and the input that appears after the load only listens for
    /// a choice once InputFile's script has initialised it (it then carries <c>_blazorInputFileNextFileId</c>); a
    /// file chosen before that is lost.
    /// </summary>
    public static async Task ChooseFileAsync(this IPage page, string path, string selector = "input[type=file]")
    {
        await page.WaitForFunctionAsync(
            "s => [...document.querySelectorAll(s)].some(e => e._blazorInputFileNextFileId !== undefined)", selector);
        await page.Locator(selector).First.SetInputFilesAsync(path);
    }

    /// <summary>Opens a unit's page from the org tree (/org) and waits until it is interactive.</summary>
    public static async Task OpenOrgUnitAsync(this IPage page, string unitName)
    {
        await page.GoAsync("/org");
        await page.Locator("[data-testid=org-table] a").Filter(new LocatorFilterOptions { HasText = unitName }).ClickAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=unit-name]")).ToHaveTextAsync(unitName);
    }

    /// <summary>A real 16×16 PNG written to a temporary file, for upload steps.</summary>
    public static string TinyPngFile(string prefix = "upload")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOQqzhBEmIY1TCqYfhqAABoaV4Qi1HI+QAAAABJRU5ErkJggg=="));
        return path;
    }

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>
    /// Types into a MudAutocomplete and picks an option once the list shows the search's answer: the list that opens
    /// on focus holds every option, and a search still under way when an option is clicked reopens the list after
    /// the pick (what left the school picker open under a loaded CI).
    /// </summary>
    public static async Task SearchAndPickAsync(this IPage page, string selector, string typed, string optionText)
    {
        await page.FillAsync(selector, typed);
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(options.Filter(new LocatorFilterOptions { HasText = optionText })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(options.Filter(new LocatorFilterOptions { HasNotText = typed })).ToHaveCountAsync(0);
        await page.PickOptionAsync(optionText);
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Runs a test's steps and, when one fails, adds the page's visible text to the failure (and saves a screenshot),
    /// so a CI log that keeps only the failure's message still shows what the user saw.
    /// </summary>
    public static async Task ExplainingFailureAsync(this IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            string text;
            try
            {
                await page.ShotAsync(name + "-FAILED");
                text = await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            }
            catch (Exception unavailable) when (unavailable is PlaywrightException or TimeoutException)
            {
                text = "(the page's text could not be read: " + unavailable.Message + ")";
            }
            throw new InvalidOperationException($"{failure.Message}{Environment.NewLine}--- the page's text at the failure ---{Environment.NewLine}{text}", failure);
        }
    }

    /// <summary>Opens a MudSelect/MudAutocomplete popover and clicks the option with the given text.</summary>
    public static async Task PickOptionAsync(this IPage page, string optionText)
    {
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = optionText }).First;
        await option.ClickAsync();
    }
}
