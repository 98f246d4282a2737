using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Plans;

/// <summary>Steps the plan pages share: China dates, date pickers, MudSelects and a county plan to work in.</summary>
internal static class PlanSteps
{
    public const string OwnSchool = "东溪区第一高级中学";

    public static string Day(int offset) => DateTime.UtcNow.AddHours(8).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task DateAsync(this IPage page, string testId, string value)
    {
        var input = page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;
        await input.FillAsync(value);
        await input.PressAsync("Enter");
    }

    public static async Task SelectAsync(this IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").First.ClickAsync();
        await page.PickOptionAsync(option);
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    public static Task NumberAsync(this IPage page, string testId, string value) =>
        page.FillAsync($"[data-testid={testId}] input, input[data-testid={testId}]", value);

    /// <summary>A county admin's new plan from /plans, left open on its page.</summary>
    public static async Task CreatePlanAsync(this IPage county, string title)
    {
        await county.GoAsync("/plans");
        await county.FillAsync("[data-testid=plan-title]", title);
        await county.DateAsync("plan-start", Day(0));
        await county.DateAsync("plan-end", Day(300));
        await county.ClickAsync("[data-testid=create-plan]");
        await Expect(county.Locator("[data-testid=plan-heading]")).ToHaveTextAsync(title);
        await county.WaitForCircuitAsync();
    }
}
