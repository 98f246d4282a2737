using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Layout;

/// <summary>
/// The layout shell (app bar, side menu drawer, user box) and the pages held most often (首页, 我的积分, 实验展示) as a
/// teacher sees them at desktop and phone width: the shell is plain markup with MudBlazor's classes, so its behaviours
/// are checked here in a real browser.
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class ShellTests(PortalServer server)
{
    private static readonly (string Path, string Name, string Ready)[] HeldPages =
    [
        ("/", "home", "[data-testid=home-title]"),
        ("/points/me", "my-points", "[data-testid=my-total]"),
        ("/labs", "gallery", "[data-testid=gallery-total]"),
    ];

    [Fact]
    public async Task The_held_pages_look_the_same_at_desktop_and_phone_width()
    {
        foreach (var phone in new[] { false, true })
        {
            var page = await server.NewPageAsync(phone);
            await page.SignInAsync("teacher");
            foreach (var (path, name, ready) in HeldPages)
            {
                await page.GoAsync(path);
                await Expect(page.Locator(ready).First).ToBeVisibleAsync();
                await Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
                await page.ShotAsync($"shell-{name}-{(phone ? "phone" : "desktop")}");
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_over_the_page_and_closes_when_a_page_is_chosen_or_the_page_is_tapped()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.ExplainingFailureAsync("shell-phone-menu", async () =>
        {
            await page.SignInAsync("teacher");
            var drawer = page.Locator("[data-testid=drawer]");
            await Expect(drawer).ToBeHiddenAsync();
            await Expect(page.Locator("[data-testid=menu-desktop]")).ToBeHiddenAsync();

            await page.ClickAsync("[data-testid=menu-phone]");
            await Expect(drawer).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=menu-phone]")).ToHaveAttributeAsync("aria-expanded", "true");
            await page.ShotAsync("shell-menu-open-phone");

            await drawer.Locator("a.mud-nav-link").Filter(new LocatorFilterOptions { HasText = "我的积分" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/points/me", StringComparison.Ordinal));
            await Expect(drawer).ToBeHiddenAsync();
            await Expect(page.Locator("[data-testid=my-total]")).ToBeVisibleAsync();

            await page.ClickAsync("[data-testid=menu-phone]");
            await Expect(drawer).ToBeVisibleAsync();
            await Expect(drawer.Locator("a.mud-nav-link.active")).ToHaveTextAsync("我的积分");
            // A tap on the darkened page beside the menu closes it.
            await page.Locator("[data-testid=drawer-overlay]").ClickAsync(new LocatorClickOptions { Position = new Position { X = 360, Y = 500 } });
            await Expect(drawer).ToBeHiddenAsync();
        });
    }

    [Fact]
    public async Task On_a_wide_screen_the_menu_is_shown_and_its_button_hides_it_and_brings_it_back()
    {
        var page = await server.NewPageAsync();
        await page.ExplainingFailureAsync("shell-desktop-menu", async () =>
        {
            await page.SignInAsync("teacher");
            var drawer = page.Locator("[data-testid=drawer]");
            await Expect(drawer).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=menu-phone]")).ToBeHiddenAsync();
            var title = page.Locator("[data-testid=home-title]");
            var besideMenu = (await title.BoundingBoxAsync())!.X;
            Assert.True(besideMenu > 200, $"the page starts beside the menu (x = {besideMenu})");

            await page.ClickAsync("[data-testid=menu-desktop]");
            await Expect(drawer).ToBeHiddenAsync();
            await Expect(page.Locator("[data-testid=menu-desktop]")).ToHaveAttributeAsync("aria-expanded", "false");
            // The page takes the menu's room.
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=home-title]').getBoundingClientRect().x < 100");
            await page.ShotAsync("shell-menu-closed-desktop");

            await page.ClickAsync("[data-testid=menu-desktop]");
            await Expect(drawer).ToBeVisibleAsync();
            await Expect(drawer.Locator("a.mud-nav-link.active")).ToHaveTextAsync("首页");

            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=home-title]').getBoundingClientRect().x > 200");
            // The help link's tooltip (plain CSS) shows on hover, as MudTooltip did.
            await page.HoverAsync("[data-testid=help-link]");
            await page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.portal-tooltip'), '::after').content === '\"操作指南\"'");
            await page.ShotAsync("shell-help-tooltip-desktop");
        });
    }

    [Fact]
    public async Task The_gallery_filters_and_the_year_select_show_the_chosen_option_though_options_render_only_while_open()
    {
        var page = await server.NewPageAsync();
        await page.ExplainingFailureAsync("shell-selects", async () =>
        {
            await page.SignInAsync("teacher");
            await page.GoAsync("/labs");
            await Expect(page.Locator("[data-testid=gallery-card]").First).ToBeVisibleAsync();
            // No option of a closed list is in the page.
            await Expect(page.Locator(".mud-list-item")).ToHaveCountAsync(0);

            var county = await PickFirstAsync(page, "gallery-county");
            await ExpectShownAsync(page, "gallery-county", county);
            var school = await PickFirstAsync(page, "gallery-school");
            await ExpectShownAsync(page, "gallery-school", school);
            await ExpectShownAsync(page, "gallery-county", county);
            await PickAsync(page, "gallery-subject", "化学");
            await ExpectShownAsync(page, "gallery-subject", "化学");
            await Expect(page.Locator(".mud-list-item")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=gallery-search]");
            await Expect(page.Locator("[data-testid=gallery-total]")).ToContainTextAsync("条记录");
            foreach (var card in await page.Locator("[data-testid=gallery-card]").AllAsync())
            {
                await Expect(card).ToContainTextAsync(school);
                await Expect(card).ToContainTextAsync("化学");
            }
            await page.ShotAsync("shell-gallery-filtered");

            await page.GoAsync("/points/me");
            await Expect(page.Locator("[data-testid=my-total]")).ToBeVisibleAsync();
            var thisYear = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
            await ExpectShownAsync(page, "year", $"{thisYear} 年度");
            await PickAsync(page, "year", $"{thisYear - 1} 年度");
            await ExpectShownAsync(page, "year", $"{thisYear - 1} 年度");
            await Expect(page.Locator(".mud-list-item")).ToHaveCountAsync(0);
        });
    }

    private static async Task<string> PickFirstAsync(IPage page, string testId)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        var option = page.Locator(".mud-popover-open .mud-list-item").First;
        var text = (await option.InnerTextAsync()).Trim();
        await option.ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        return text;
    }

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.PickOptionAsync(option);
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>The closed select's field shows the chosen option's text (from ToStringFunc: its options are not rendered).</summary>
    private static Task ExpectShownAsync(IPage page, string testId, string text) =>
        page.WaitForFunctionAsync(
            "([id, text]) => { const e = document.querySelector(`[data-testid=${id}]`); const c = e.closest('.mud-input-control') ?? e; const i = e.tagName === 'INPUT' ? e : c.querySelector('input:not([type=hidden])'); return (i ? i.value : c.innerText).includes(text); }",
            new object[] { testId, text }, new PageWaitForFunctionOptions { Timeout = 30_000 });
}
