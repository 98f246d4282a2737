using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Accounts;

/// <summary>A school admin clears a flood of applications in one go (issue 10, registration flood).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class BulkRejectTests(PortalServer server)
{
    [Fact]
    public async Task A_school_admin_selects_several_applications_and_rejects_them_with_one_reason()
    {
        // Two applications from the registration page, as a script would send them.
        var names = new[] { "刷单甲", "刷单乙" };
        for (var i = 0; i < names.Length; i++)
        {
            var applicant = await server.NewPageAsync();
            await applicant.GoAsync("/register");
            await applicant.FillAsync("[data-testid=reg-name]", names[i]);
            await applicant.FillAsync("[data-testid=reg-phone]", $"1357888000{i}");
            await applicant.SearchAndPickAsync("[data-testid=reg-school]", "东溪区第一", "东溪区第一高级中学");
            await applicant.ClickAsync("[data-testid=reg-subjects]");
            await applicant.PickOptionAsync("化学");
            await applicant.Locator("h5").First.ClickAsync();
            await Expect(applicant.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await applicant.FillAsync("[data-testid=reg-password]", "a flood of forms at night");
            await applicant.FillAsync("[data-testid=reg-confirm]", "a flood of forms at night");
            await applicant.ClickAsync("[data-testid=reg-submit]");
            await Expect(applicant.Locator("[data-testid=register-done]")).ToBeVisibleAsync();
            await applicant.Context.CloseAsync();
        }

        var admin = await server.NewPageAsync();
        await admin.SignInAsync("school_admin");
        await admin.GoAsync("/accounts/pending");
        var table = admin.Locator("[data-testid=pending-table]");
        foreach (var name in names)
        {
            await table.Locator("tr").Filter(new LocatorFilterOptions { HasText = name }).Locator("input[type=checkbox]").CheckAsync();
        }
        await Expect(admin.Locator("[data-testid=bulk-reject]")).ToContainTextAsync("已勾选 2 条");

        // No reason: refused, with the message under the reason field.
        await admin.ClickAsync("[data-testid=bulk-reject-button]");
        await Expect(admin.Locator("[data-testid=bulk-reject] .mud-input-helper-text")).ToContainTextAsync("请填写驳回原因");

        await admin.FillAsync("[data-testid=bulk-reason]", "非本校教师，疑似批量注册");
        await admin.WaitForTimeoutAsync(400); // the label finishes floating up before the picture
        await admin.ShotAsync("bulk-reject-01-selected");
        await admin.ClickAsync("[data-testid=bulk-reject-button]");
        await Expect(admin.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已驳回 2 条注册申请" })).ToBeVisibleAsync();
        foreach (var name in names)
        {
            await Expect(admin.Locator("body")).Not.ToContainTextAsync(name);
        }
        await admin.ShotAsync("bulk-reject-02-done");
    }
}
