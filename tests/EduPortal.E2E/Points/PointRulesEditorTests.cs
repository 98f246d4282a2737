using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Points;

/// <summary>The rule editor checks every edit against what the rule means, with the message next to the field (issue 9 §2).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class PointRulesEditorTests(PortalServer server)
{
    [Fact]
    public async Task A_rule_edit_that_contradicts_the_rule_is_flagged_next_to_its_field_and_not_saved()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("city_admin");
        await page.GoAsync("/points/rules");
        await Expect(page.Locator("[data-testid=rules]")).ToContainTextAsync("空间登录");

        // Clearing the streak keeps the login row's fields: an empty streak is allowed (no bonus), still once a day.
        await page.FillAsync("[data-testid=streak-from-login]", "");
        await page.PressAsync("[data-testid=streak-from-login]", "Tab");
        await Expect(page.Locator("[data-testid=streak-from-login]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=rules]")).ToContainTextAsync("每天只计一次");

        // A daily cap of 3 on the once-a-day login row, and a daily cap above the weekly one, are refused next to the fields.
        await page.FillAsync("[data-testid=daily-cap-login]", "3");
        await page.PressAsync("[data-testid=daily-cap-login]", "Tab");
        await page.FillAsync("[data-testid=daily-cap-campus-office]", "12");
        await page.PressAsync("[data-testid=daily-cap-campus-office]", "Tab");
        var rules = page.Locator("[data-testid=rules]");
        var messages = rules.Locator("[data-testid=field-error]");
        await Expect(messages).ToHaveTextAsync(["按天计分的项目每天只计一次，每日上限应为 1", "每日上限不能大于每周上限"]);
        await Expect(page.Locator("[data-testid=rule-errors]")).ToContainTextAsync("有 2 处与规则含义不符");
        await page.ShotAsync("points-09-rule-editor-validation");

        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("有 2 处需要修改");
        await Expect(page.Locator(".mud-snackbar")).Not.ToContainTextAsync("已保存");

        // Putting the login row back to once a day clears its message; the other stays until it is fixed.
        await page.FillAsync("[data-testid=daily-cap-login]", "1");
        await page.PressAsync("[data-testid=daily-cap-login]", "Tab");
        await Expect(messages).ToHaveTextAsync(["每日上限不能大于每周上限"]);
    }
}
