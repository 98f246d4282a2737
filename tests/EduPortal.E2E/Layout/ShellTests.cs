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
        });
    }
}
