using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Auditing;

/// <summary>The audit log as a county admin reads it.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class AuditLogTests(PortalServer server)
{
    [Fact]
    public async Task A_county_admin_finds_a_change_in_the_audit_log()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await page.OpenOrgUnitAsync("东溪区第三小学");
        await page.FillAsync("[data-testid=unit-phone]", "12345");
        await page.ClickAsync("[data-testid=save-unit]");
        await Expect(page.Locator(".mud-input-helper-text").Filter(new LocatorFilterOptions { HasText = "请输入有效的手机号或带区号的固定电话" })).ToBeVisibleAsync();
        await page.ShotAsync("12-org-unit-bad-phone");
        // Removing a class asks first; cancelling keeps it.
        var firstGradeChips = page.Locator(".mud-chip").Filter(new LocatorFilterOptions { HasText = "1 班" });
        var chipsBefore = await firstGradeChips.CountAsync();
        await firstGradeChips.First.Locator("button").Last.ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("确定删除一年级1班吗");
        await page.Locator(".mud-dialog button").Filter(new LocatorFilterOptions { HasText = "取消" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(firstGradeChips).ToHaveCountAsync(chipsBefore);

        await page.FillAsync("[data-testid=unit-phone]", "0913-2663755");
        await page.FillAsync("[data-testid=class-count]", "5");
        await page.ClickAsync("[data-testid=save-unit]");
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已保存" })).ToBeVisibleAsync();

        await page.GoAsync("/audit");
        await page.FillAsync("[data-testid=audit-text]", "东溪区第三小学");
        await page.ClickAsync("[data-testid=audit-search]");
        await Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("修改单位“东溪区第三小学”的信息");
        await Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("→ 0913-2663755");
        await page.ShotAsync("13-audit-log");
    }
}
