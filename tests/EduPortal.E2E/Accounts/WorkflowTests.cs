using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Accounts;

/// <summary>The foundation's workflows as users walk them in a real browser.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class WorkflowTests(PortalServer server)
{
    [Fact]
    public async Task A_teacher_registers_the_school_admin_approves_and_the_teacher_signs_in()
    {
        const string phone = "13577770001";
        var page = await server.NewPageAsync(phone: true);
        await page.GoAsync("/register");
        await page.FillAsync("[data-testid=reg-name]", "林小雨");
        await page.FillAsync("[data-testid=reg-phone]", phone);
        await page.SearchAndPickAsync("[data-testid=reg-school]", "东溪区第一", "东溪区第一高级中学");
        await page.ClickAsync("[data-testid=reg-subjects]");
        await page.PickOptionAsync("物理");
        // Close the list by clicking outside it, and let the select's re-render land before typing
        // elsewhere, or it resets the next field.
        await page.Locator("h5").First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=reg-subjects]")).ToHaveValueAsync("物理");
        await page.FillAsync("[data-testid=reg-password]", "spring rain on the hills");
        await page.FillAsync("[data-testid=reg-confirm]", "spring rain on the hills");
        await page.ShotAsync("01-register-phone");
        await page.ClickAsync("[data-testid=reg-submit]");
        await Expect(page.Locator("[data-testid=register-done]")).ToContainTextAsync("东溪区第一高级中学");
        // An anonymous visitor gets the school office's phone, never an admin's mobile.
        await Expect(page.Locator("body")).Not.ToContainTextAsync("13800000003");
        await page.ShotAsync("02-register-done-phone");

        // Not yet approved: the sign-in page says so.
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-name", phone);
        await page.FillAsync("#login-password", "spring rain on the hills");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("等待学校管理员审核");

        var admin = await server.NewPageAsync();
        await admin.SignInAsync("school_admin");
        await admin.GoAsync("/accounts/pending");
        await Expect(admin.Locator("[data-testid=pending-table]")).ToContainTextAsync("林小雨");
        await admin.ShotAsync("03-pending-registrations");
        await admin.ClickAsync($"[data-testid=approve-{phone}]");
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("已通过林小雨的注册");
        await Expect(admin.Locator("[data-testid=pending-table]")).Not.ToContainTextAsync("林小雨");

        await page.SignInAsync(phone, "spring rain on the hills");
        await Expect(page.Locator("[data-testid=home-title]")).ToContainTextAsync("林小雨");
        await Expect(page.Locator("[data-testid=contact-admin-phone]")).ToHaveAttributeAsync("href", "tel:13800000003");
        await page.ShotAsync("04-teacher-home-phone");
    }

    [Fact]
    public async Task A_county_admin_promotes_a_teacher_to_school_admin()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await Expect(page.Locator("[data-testid=stat-schools]")).Not.ToHaveTextAsync("0");
        await page.ShotAsync("05-county-home");

        await page.GoAsync("/accounts");
        // A teacher of a school in the county (not the demo teacher other tests sign in as).
        await page.FillAsync("[data-testid=search]", "139");
        await page.ClickAsync("[data-testid=apply-filter]");
        // Wait for the filtered page to replace the first one (admins with 138 numbers sort first unfiltered).
        await Expect(page.Locator("[data-testid=accounts-table] tbody tr td[data-label=手机号]").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^139"));
        var candidate = page.Locator("[data-testid=accounts-table] tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator("[data-testid=set-level-1]") }).First;
        var phone = (await candidate.Locator("td[data-label=手机号]").InnerTextAsync()).Trim();
        Assert.Matches("^139\\d{8}$", phone);
        var row = page.Locator("[data-testid=accounts-table] tbody tr").Filter(new LocatorFilterOptions { HasText = phone });
        await Expect(row).ToContainTextAsync("教师");
        await row.Locator("[data-testid=set-level-1]").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("提升为校级管理员");
        await page.ShotAsync("06-promote-dialog");
        await page.ClickAsync("[data-testid=confirm-level]");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("校级管理员");
        await Expect(row).ToContainTextAsync("校级管理员");
        await page.ShotAsync("07-accounts-after-promotion");

        // The promoted teacher now sees the admin menu.
        var teacher = await server.NewPageAsync();
        await teacher.SignInAsync(phone);
        await Expect(teacher.Locator(".mud-nav-link").Filter(new LocatorFilterOptions { HasText = "注册审核" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_teacher_sees_only_the_teacher_menu_and_is_refused_admin_pages()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("teacher");
        await Expect(page.Locator(".mud-nav-link").Filter(new LocatorFilterOptions { HasText = "我的资料" })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-nav-link").Filter(new LocatorFilterOptions { HasText = "人员名单" })).ToHaveCountAsync(0);
        await page.GotoAsync("/accounts");
        await Expect(page.Locator("body")).ToContainTextAsync("无权访问");
    }

    [Fact]
    public async Task The_city_admin_sees_every_county_and_the_org_tree()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("city_admin");
        await Expect(page.Locator("[data-testid=stat-counties]")).ToHaveTextAsync("4");
        await page.ShotAsync("08-city-home");
        await page.GoAsync("/org");
        await Expect(page.Locator("[data-testid=org-table]")).ToContainTextAsync("东溪区教育局");
        await page.ShotAsync("09-org-tree");
    }

    [Fact]
    public async Task A_school_admin_resets_a_forgotten_password_and_the_teacher_must_replace_it_at_the_next_sign_in()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("school_admin");
        await page.GoAsync("/accounts");
        await page.FillAsync("[data-testid=search]", "139");
        await page.ClickAsync("[data-testid=apply-filter]");
        await Expect(page.Locator("[data-testid=accounts-table] tbody tr td[data-label=手机号]").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^139"));
        var row = page.Locator("[data-testid=accounts-table] tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator("[data-testid=reset-password]") }).Last;
        var phone = (await row.Locator("td[data-label=手机号]").InnerTextAsync()).Trim();
        await row.Locator("[data-testid=reset-password]").ClickAsync();
        await page.Locator(".mud-dialog button").Filter(new LocatorFilterOptions { HasText = "重置" }).ClickAsync();
        var shown = page.Locator("[data-testid=temporary-password]");
        await Expect(shown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[a-z2-9]{10}$"));
        await page.ShotAsync("15-temporary-password");
        var password = (await shown.InnerTextAsync()).Trim();

        // The temporary password signs in, but only to the change-password page: every other page sends it back.
        var teacher = await server.NewPageAsync(phone: true);
        await teacher.GotoAsync("/Account/Login");
        await teacher.FillAsync("#login-name", phone);
        await teacher.FillAsync("#login-password", password);
        await teacher.ClickAsync("#login-submit");
        await teacher.WaitForURLAsync(url => url.Contains("/Account/ChangePassword", StringComparison.Ordinal));
        await Expect(teacher.Locator("[data-testid=password-required]")).ToContainTextAsync("临时密码");
        await Expect(teacher.Locator("[data-testid=sign-out]")).ToContainTextAsync("退出登录");
        await teacher.GotoAsync("/points/me");
        Assert.Contains("/Account/ChangePassword", teacher.Url, StringComparison.Ordinal);

        // A mismatch is refused next to the field and changes nothing.
        await teacher.FillAsync("#old-password", password);
        await teacher.FillAsync("#new-password", "我的新密码是春天来了");
        await teacher.FillAsync("#confirm-password", "我的新密码是夏天来了");
        await teacher.ClickAsync("button[type=submit]");
        await Expect(teacher.Locator(".validation-message")).ToContainTextAsync("两次输入的新密码不一致");
        await teacher.ShotAsync("15b-temporary-password-must-be-changed");

        await teacher.FillAsync("#old-password", password);
        await teacher.FillAsync("#new-password", "我的新密码是春天来了");
        await teacher.FillAsync("#confirm-password", "我的新密码是春天来了");
        await teacher.ClickAsync("button[type=submit]");
        await teacher.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        await teacher.WaitForCircuitAsync();
        await Expect(teacher.Locator("[data-testid=home-title]")).ToContainTextAsync("您好");

        // The new password is the one that works from now on; the temporary one is gone.
        var again = await server.NewPageAsync();
        await again.GotoAsync("/Account/Login");
        await again.FillAsync("#login-name", phone);
        await again.FillAsync("#login-password", password);
        await again.ClickAsync("#login-submit");
        await Expect(again.Locator("[data-testid=login-error]")).ToContainTextAsync("密码错误");
        await again.SignInAsync(phone, "我的新密码是春天来了");
        await Expect(again.Locator("[data-testid=home-title]")).ToContainTextAsync("您好");
    }

    [Fact]
    public async Task Signing_out_in_the_browser_ends_the_session_and_a_copied_cookie_stops_working()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");

        // A second browser holding a copy of the cookie gets in while the session lives.
        var copy = await server.Browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions { BaseURL = server.BaseUrl });
        await copy.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        var stolen = await copy.NewPageAsync();
        await stolen.GotoAsync("/accounts");
        Assert.DoesNotContain("/Account/Login", stolen.Url, StringComparison.Ordinal);

        // The app bar's 退出 is a form post carrying its antiforgery token; afterwards the copy is worthless.
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await stolen.GotoAsync("/accounts");
        Assert.Contains("/Account/Login", stolen.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_admin_changes_the_password_in_the_browser()
    {
        // The other school's admin: no other browser test signs in with it.
        var page = await server.NewPageAsync();
        await page.SignInAsync("13800000005");
        await page.GotoAsync("/Account/ChangePassword");
        await Expect(page.Locator("[data-testid=password-required]")).ToHaveCountAsync(0);
        await page.FillAsync("#old-password", "wrong-password-1");
        await page.FillAsync("#new-password", "教师自己的新密码2026");
        await page.FillAsync("#confirm-password", "教师自己的新密码2026");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=password-message]")).ToContainTextAsync("密码");
        await Expect(page.Locator("[data-testid=password-message]")).Not.ToContainTextAsync("已修改");

        await page.FillAsync("#old-password", PortalSteps.DemoPassword);
        await page.FillAsync("#new-password", "教师自己的新密码2026");
        await page.FillAsync("#confirm-password", "教师自己的新密码2026");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=password-message]")).ToContainTextAsync("密码已修改");
        await page.ShotAsync("16-password-changed");

        // Change it back, so a re-run against the same server still knows the password.
        await page.FillAsync("#old-password", "教师自己的新密码2026");
        await page.FillAsync("#new-password", PortalSteps.DemoPassword);
        await page.FillAsync("#confirm-password", PortalSteps.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=password-message]")).ToContainTextAsync("密码已修改");
    }
}
