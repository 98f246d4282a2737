using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Organization;

/// <summary>学校与班级: number fields refuse what is not a number (issue 9 §4).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class SchoolDataTests(PortalServer server)
{
    private static ILocator MessageNear(IPage page, string testId) =>
        page.Locator(".mud-input-control").Filter(new LocatorFilterOptions { Has = page.Locator($"[data-testid={testId}]") }).Locator(".mud-input-helper-text");

    [Fact]
    public async Task Letters_or_a_blank_in_the_student_count_are_refused_next_to_the_field_and_the_stored_count_is_unchanged()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await page.OpenOrgUnitAsync("东溪区第三小学");
        var stored = await page.InputValueAsync("[data-testid=student-count]");
        Assert.Matches("^[0-9]+$", stored);

        await page.FillAsync("[data-testid=student-count]", "12abc");
        await Expect(MessageNear(page, "student-count")).ToHaveTextAsync("只能填写整数");
        await page.ClickAsync("[data-testid=save-unit]");
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "未保存" })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已保存" })).ToHaveCountAsync(0);
        await page.ShotAsync("org-01-student-count-letters");

        await page.FillAsync("[data-testid=student-count]", "");
        await page.ClickAsync("[data-testid=save-unit]");
        await Expect(MessageNear(page, "student-count")).ToHaveTextAsync("请填写学生数（没有请填 0）");
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已保存" })).ToHaveCountAsync(0);
        await page.ShotAsync("org-02-student-count-blank");

        await page.FillAsync("[data-testid=class-count]", "3个");
        await Expect(MessageNear(page, "class-count")).ToHaveTextAsync("只能填写整数");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.Locator("[data-testid=student-count]")).ToHaveValueAsync(stored);
    }
}
