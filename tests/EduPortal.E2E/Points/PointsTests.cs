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
        // The file and its first line name the period and the time it was made.
        Assert.Matches(@"^学校深度应用指数_东溪区教育局_\d{4}年度_\d{8}-\d{4}\.xlsx$", download.SuggestedFilename);
        var file = Path.Combine(PortalServer.ScreenshotFolder, "points-county-schools.xlsx");
        await download.SaveAsAsync(file);
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet(1);
        Assert.Contains("年度", sheet.Cell(1, 1).GetString());
        Assert.Contains("导出时间", sheet.Cell(1, 1).GetString());
        Assert.Equal("学校深度应用指数", sheet.Cell(2, 6).GetString());
        for (var i = 0; i < shown.Count; i++)
        {
            var excel = sheet.Row(i + 3);
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
        // The table reads its page from the server; the export lists every teacher, and its first rows are the page's.
        var teacherRows = new List<string[]>();
        foreach (var row in await page.Locator("[data-testid=teacher-ranking] tbody tr").AllAsync())
        {
            teacherRows.Add([.. (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim())]);
        }
        var teachersFile = Path.Combine(PortalServer.ScreenshotFolder, "points-county-teachers.xlsx");
        await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-teachers]"))).SaveAsAsync(teachersFile);
        using (var teachersBook = new XLWorkbook(teachersFile))
        {
            var teachersSheet = teachersBook.Worksheet(1);
            Assert.True(teachersSheet.LastRowUsed()!.RowNumber() - 2 > teacherRows.Count, "the export lists more than the page");
            for (var i = 0; i < teacherRows.Count; i++)
            {
                Assert.Equal(teacherRows[i][0], teachersSheet.Row(i + 3).Cell(1).GetString());
                Assert.Equal(teacherRows[i][1], teachersSheet.Row(i + 3).Cell(2).GetString());
            }
        }
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
        // No event codes on the rule editor: only the Chinese names.
        await Expect(page.Locator("[data-testid=rules]")).Not.ToContainTextAsync("resource-share");
        // 重新计算 asks first; cancelling starts nothing.
        await page.ClickAsync("[data-testid=recompute]");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("将按现行规则重新计算");
        await page.ShotAsync("points-05b-recompute-confirm");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "取消" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=run-progress]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=recompute]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "开始重新计算" }).ClickAsync();
        await Expect(page.Locator("[data-testid=runs]")).ToContainTextAsync("已完成", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await page.ShotAsync("points-06-recompute-done");

        await page.GoAsync("/points/keys");
        await page.FillAsync("[data-testid=platform-name]", "智慧校园");
        await page.FillAsync("[data-testid=source]", "smart-campus");
        await page.ClickAsync("[data-testid=issue]");
        await Expect(page.Locator("[data-testid=new-key]")).ToContainTextAsync("ep_");
        await Expect(page.Locator("[data-testid=keys]")).ToContainTextAsync("smart-campus");
        await page.ShotAsync("points-07-keys");
        // The keys page links to the in-app API help (not to a repository path).
        await page.ClickAsync("[data-testid=api-help]");
        await Expect(page.Locator("[data-testid=api-types]")).ToContainTextAsync("interactive-lesson");
        await Expect(page.Locator("[data-testid=api-errors]")).ToContainTextAsync("接入密钥无效或已吊销");
        await page.ShotAsync("points-07b-api-help");

        var school = await server.NewPageAsync();
        await school.SignInAsync("school_admin");
        await school.GoAsync("/points/school");
        await Expect(school.Locator("[data-testid=school-teachers]")).ToContainTextAsync("张博");
        await school.ShotAsync("points-08-school");
    }

    [Fact]
    public async Task On_a_phone_my_points_lists_twenty_lines_compactly()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.SignInAsync("teacher");
        await page.GoAsync("/points/me");
        var list = page.Locator("[data-testid=point-details-compact]");
        await Expect(list).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=point-details]")).ToBeHiddenAsync();
        var rows = list.Locator("[data-testid=detail-row]");
        await Expect(rows).ToHaveCountAsync(20);
        // 20 lines used to take about 5,700 px at this width as stacked table cards.
        var box = await list.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box!.Height < 1500, $"20 lines are {box.Height:0} px tall");
        // Newest first; other browser tests may publish a lab lesson as the same teacher today, so look for a sign-in line anywhere.
        await Expect(list).ToContainTextAsync("空间登录");
        await list.ScrollIntoViewIfNeededAsync();
        await page.ShotAsync("points-09-phone-my-points");
        await page.ClickAsync("[data-testid=detail-more]");
        await Expect(rows).ToHaveCountAsync(40);
        // Nothing runs off the right edge of the phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
    }

    [Fact]
    public async Task A_teacher_reads_how_to_earn_points_with_this_weeks_progress_and_sees_the_public_rankings()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("teacher");
        await page.GoAsync("/points/me");
        await page.ClickAsync("[data-testid=to-tasks]");
        var tasks = page.Locator("[data-testid=tasks]");
        await Expect(tasks).ToContainTextAsync("资源建设");
        await Expect(tasks).ToContainTextAsync("每周最多 5 次");
        await Expect(tasks.Locator("[data-testid=task-progress]").First).ToBeVisibleAsync();
        await Expect(tasks).ToContainTextAsync("本周");
        await Expect(tasks).Not.ToContainTextAsync("resource-share");
        await page.ShotAsync("points-10-teacher-tasks");

        // School and county rankings are open to every user; named teacher lists are not.
        await page.GoAsync("/points/rankings");
        await Expect(page.Locator("[data-testid=school-ranking] tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "教师排名" })).ToHaveCountAsync(0);
        await page.ShotAsync("points-11-teacher-rankings");
    }

    [Fact]
    public async Task The_city_admin_ranks_counties_and_ranks_by_a_category()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("city_admin");
        await page.GoAsync("/points/rankings");
        await Expect(page.Locator("[data-testid=school-ranking] tbody tr").First).ToBeVisibleAsync();
        await page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "区县排名" }).ClickAsync();
        var counties = page.Locator("[data-testid=county-ranking] tbody tr");
        await Expect(counties).ToHaveCountAsync(4);
        await Expect(counties.First.Locator("td").First).ToHaveTextAsync("1");
        await page.ShotAsync("points-12-city-county-ranking");

        // 各指标排行: rank by 教学应用, award basis without vocational schools.
        await page.ClickAsync("[data-testid=category]");
        await page.PickOptionAsync("教学应用");
        await page.ClickAsync("[data-testid=exclude-vocational]");
        await page.ClickAsync("[data-testid=apply]");
        await Expect(page.Locator("[data-testid=scope]")).ToContainTextAsync("按教学应用积分排名");
        await Expect(page.Locator("[data-testid=scope]")).ToContainTextAsync("不含职校");
        await page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "学校排名" }).ClickAsync();
        await Expect(page.Locator("[data-testid=school-ranking]")).Not.ToContainTextAsync("职业教育中心");
        await page.ShotAsync("points-13-city-by-category");

        await page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "每周趋势" }).ClickAsync();
        await Expect(page.Locator("[data-testid=partial-weeks]")).ToContainTextAsync("折线只画完整的周");
        await page.ShotAsync("points-14-city-weekly-trend");
    }
}
