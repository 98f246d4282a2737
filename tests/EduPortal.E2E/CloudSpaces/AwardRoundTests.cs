using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.CloudSpaces;

/// <summary>
/// A district award round in the browser: the county admin opens it and moves its dates around today (so every phase
/// can be reached whatever the date), a school admin nominates a teacher's space, the county assigns the demo expert,
/// the expert scores it on the 附件1 rubric, the county publishes and downloads the certificate.
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class AwardRoundTests(PortalServer server)
{
    private static DateOnly ChinaToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string D(int days) => ChinaToday.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    /// <summary>Sets the round's eight dates so that today falls in the wanted phase (offset 0: 报名, -2: 专家评选, -5: after it).</summary>
    private static async Task SetDatesAsync(IPage page, int offset)
    {
        var panel = page.Locator("[data-testid=award-settings]");
        if (!await page.Locator("[data-testid=award-save-settings]").IsVisibleAsync())
        {
            await panel.GetByText("日程与评分设置").ClickAsync();
        }
        var dates = new (string Field, int Days)[]
        {
            ("NominationStart", offset - 1), ("NominationEnd", offset + 1), ("ReviewStart", offset + 2), ("ReviewEnd", offset + 4),
            ("CommendationStart", offset + 5), ("CommendationEnd", offset + 8), ("DeepFrom", offset + 1), ("DeepTo", offset + 1),
        };
        foreach (var (field, days) in dates)
        {
            var input = Field(page, $"date-{field}");
            await input.FillAsync(D(days));
            await input.PressAsync("Tab");
            await CloseOpenPickerAsync(page);
        }
        await page.Locator("[data-testid=award-save-settings]").ClickAsync();
        await Expect(page.GetByText("已保存设置").First).ToBeVisibleAsync();
    }

    /// <summary>An editable date picker may open its calendar; it would cover the save button.</summary>
    private static async Task CloseOpenPickerAsync(IPage page)
    {
        for (var i = 0; i < 3 && await page.Locator(".mud-popover-open .mud-picker-calendar-container, .mud-popover-open .mud-picker").CountAsync() > 0; i++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(200);
        }
    }

    /// <summary>Closes the snackbars so a screenshot shows the page under them.</summary>
    private static async Task CloseSnackbarsAsync(IPage page)
    {
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
        {
            try
            {
                await close.ClickAsync(new LocatorClickOptions { Timeout = 2_000 });
            }
            catch (PlaywrightException)
            {
                // already gone
            }
        }
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_expert_scores_a_nominated_space_and_the_county_publishes_and_downloads_the_certificate()
    {
        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/cloudspaces/awards");
        var year = Field(county, "award-year");
        await year.FillAsync("2091");
        await county.Locator("[data-testid=award-create]").ClickAsync();
        await county.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/cloudspaces/awards/\d+$"));
        await county.WaitForCircuitAsync();
        var roundPath = new Uri(county.Url).AbsolutePath;
        await SetDatesAsync(county, 0);
        await Expect(county.Locator("[data-testid=award-phase]")).ToContainTextAsync("报名中");

        // The school admin nominates a teacher's space.
        var school = await server.NewPageAsync();
        await school.SignInAsync("school_admin");
        await school.GoAsync(roundPath);
        await school.Locator("[data-testid=nominate-teacher]").ClickAsync();
        var teacherName = (await school.Locator(".mud-popover-open .mud-list-item").First.InnerTextAsync()).Trim();
        await school.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Expect(school.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        var url = Field(school, "nominate-url");
        await url.FillAsync("https://yun.example.cn/space/e2e");
        await url.PressAsync("Tab");
        await school.Locator("[data-testid=nominate-submit]").ClickAsync();
        await Expect(school.GetByText("已报名").First).ToBeVisibleAsync();
        await Expect(school.Locator("[data-testid=own-entries]")).ToContainTextAsync(teacherName);
        await school.ShotAsync("awards-school-nomination");

        // The county assigns the demo expert (of another school) to it.
        await county.GoAsync(roundPath);
        await county.Locator("[data-testid^=assign-select-]").First.ClickAsync();
        await county.PickOptionAsync("严专家");
        await county.Locator("button[data-testid^=assign-]").First.ClickAsync();
        await Expect(county.Locator("[data-testid=county-entries]")).ToContainTextAsync("0 / 1");
        await CloseSnackbarsAsync(county);
        await county.ShotAsync("awards-county-assign");

        // 专家评选: the expert scores; a total under 60 without a comment is refused next to the field.
        await SetDatesAsync(county, -2);
        var expert = await server.NewPageAsync();
        await expert.SignInAsync("expert");
        await expert.GoAsync(roundPath + "/scoring");
        var entry = expert.Locator("[data-testid^=scoring-entry-]").Filter(new LocatorFilterOptions { HasText = teacherName }).First;
        await Expect(entry).ToContainTextAsync("栏目板块设置分类合理");
        async Task Score(string key, string value)
        {
            var input = entry.Locator($"[data-testid$=-{key}] input, input[data-testid$=-{key}]").First;
            await input.FillAsync(value);
            await input.PressAsync("Tab");
        }
        await Score("Layout", "5");
        await Score("Application", "30");
        await Score("Effect", "10");
        await Score("Innovation", "10");
        await entry.Locator("[data-testid^=score-save-]").ClickAsync();
        await Expect(entry).ToContainTextAsync("总分低于 60 分，请填写评语说明理由");
        await Score("Application", "45");
        await Score("Effect", "18");
        await Score("Innovation", "16");
        await entry.Locator("[data-testid^=score-save-]").ClickAsync();
        await Expect(entry).ToContainTextAsync("已评分 84 分");
        await CloseSnackbarsAsync(expert);
        await expert.ShotAsync("awards-expert-scoring");

        // After review: the county publishes and downloads the certificate.
        await county.GoAsync(roundPath);
        await SetDatesAsync(county, -5);
        await Expect(county.Locator("[data-testid=award-results]")).ToContainTextAsync("84.00");
        await county.Locator("[data-testid=award-publish]").ClickAsync();
        await Expect(county.Locator("[data-testid=award-phase]")).ToContainTextAsync("结果已发布");
        var link = county.Locator("[data-testid^=certificate-]").First;
        await Expect(link).ToBeVisibleAsync();
        await CloseSnackbarsAsync(county);
        await county.ShotAsync("awards-county-published");
        var href = await link.GetAttributeAsync("href");
        var response = await county.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var pdf = Path.Combine(PortalServer.ScreenshotFolder, "awards-certificate.pdf");
        await File.WriteAllBytesAsync(pdf, await response.BodyAsync());
        using (var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", "-singlefile", pdf, Path.Combine(PortalServer.ScreenshotFolder, "awards-certificate")]))!)
        {
            await render.WaitForExitAsync();
            Assert.Equal(0, render.ExitCode);
        }
        using var text = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", pdf, "-"]) { RedirectStandardOutput = true })!;
        // Lines wrap anywhere between hanzi: compare without the line breaks.
        var content = (await text.StandardOutput.ReadToEndAsync()).Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains(teacherName, content);
        Assert.Contains("优秀教师空间", content);

        // Every signed-in user of the county sees the published winners.
        await school.GoAsync(roundPath);
        await Expect(school.Locator("[data-testid=award-results]")).ToContainTextAsync(teacherName);
    }
}
