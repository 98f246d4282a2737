using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Points;

/// <summary>The deep-application index as a teacher and a county admin see it in a real browser.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class PointsTests(PortalServer server)
{
    [Fact]
    public async Task A_teacher_signs_in_and_sees_todays_login_point_with_its_reason()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("teacher");
        await page.GoAsync("/points/me");
        var details = page.Locator("[data-testid=point-details]");
        await Expect(details).ToBeVisibleAsync();
        // The seeded demo teacher signed in on each of the last ten days: today's sign-in is day 11 of the streak.
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var todayLogin = details.Locator("tr").Filter(new LocatorFilterOptions { HasText = today }).Filter(new LocatorFilterOptions { HasText = "空间登录" });
        await Expect(todayLogin).ToHaveCountAsync(1);
        await Expect(todayLogin.Locator("[data-testid=detail-points]")).ToHaveTextAsync("2");
        await Expect(todayLogin.Locator("[data-testid=detail-reason]")).ToContainTextAsync("第 8 天起每天 2 分");
        await Expect(page.Locator("[data-testid=my-today]")).Not.ToHaveTextAsync("0");
        // Reasons for zero points are shown on the lines that earned nothing.
        await Expect(details).ToContainTextAsync("已达上限");
        await Expect(page.Locator("[data-testid=rank-school]")).ToContainTextAsync("第");
        await page.ShotAsync("points-01-my-points");
    }

    [Fact]
    public async Task The_county_admins_school_ranking_matches_the_excel_export()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await page.GoAsync("/points/rankings");
        var table = page.Locator("[data-testid=school-ranking]");
        await Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=scope]")).ToContainTextAsync("东溪区");
        await page.ShotAsync("points-02-county-school-ranking");

        var shown = new List<string[]>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            shown.Add([.. cells.Select(c => c.Trim())]);
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-schools]"));
        var file = Path.Combine(PortalServer.ScreenshotFolder, "points-county-schools.xlsx");
        await download.SaveAsAsync(file);
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet(1);
        Assert.Equal("学校深度应用指数", sheet.Cell(1, 6).GetString());
        for (var i = 0; i < shown.Count; i++)
        {
            var excel = sheet.Row(i + 2);
            // Rank, school, county, active teachers, points, index — the page's first page equals the sheet's first rows.
            Assert.Equal(shown[i][0], excel.Cell(1).GetString());
            Assert.Equal(shown[i][1], excel.Cell(2).GetString());
            Assert.Equal(shown[i][3], excel.Cell(4).GetString());
            Assert.Equal(shown[i][4], excel.Cell(5).GetString());
            Assert.Equal(shown[i][5], excel.Cell(6).GetString() is var index && decimal.TryParse(index, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : excel.Cell(6).GetString());
        }
        Assert.True(shown.Count >= 10);

        await page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "教师排名" }).ClickAsync();
        await Expect(page.Locator("[data-testid=teacher-ranking] tbody tr").First).ToBeVisibleAsync();
        await page.ShotAsync("points-03-county-teacher-ranking");
        await page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "每周趋势" }).ClickAsync();
        await Expect(page.Locator(".mud-chart").First).ToBeVisibleAsync();
        await page.ShotAsync("points-04-county-weekly-trend");
    }

    [Fact]
    public async Task A_city_admin_recomputes_the_year_and_watches_the_progress_and_issues_a_key()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("city_admin");
        await page.GoAsync("/points/rules");
        await Expect(page.Locator("[data-testid=rules]")).ToContainTextAsync("资源建设");
        await page.ShotAsync("points-05-rules");
        await page.ClickAsync("[data-testid=recompute]");
        await Expect(page.Locator("[data-testid=runs]")).ToContainTextAsync("已完成", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await page.ShotAsync("points-06-recompute-done");

        await page.GoAsync("/points/keys");
        await page.FillAsync("[data-testid=platform-name]", "智慧校园");
        await page.FillAsync("[data-testid=source]", "smart-campus");
        await page.ClickAsync("[data-testid=issue]");
        await Expect(page.Locator("[data-testid=new-key]")).ToContainTextAsync("ep_");
        await Expect(page.Locator("[data-testid=keys]")).ToContainTextAsync("smart-campus");
        await page.ShotAsync("points-07-keys");

        var school = await server.NewPageAsync();
        await school.SignInAsync("school_admin");
        await school.GoAsync("/points/school");
        await Expect(school.Locator("[data-testid=school-teachers]")).ToContainTextAsync("张博");
        await school.ShotAsync("points-08-school");
    }
}
