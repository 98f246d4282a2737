using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Smartboards;

/// <summary>
/// A school admin records a 示范课 (circular 003 §三.2: at least two a year); the county sees each school's count with the
/// schools below flagged, and its competitions of June and December (circular 004).
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class DemoLessonTests(PortalServer server)
{
    [Fact]
    public async Task A_school_admin_records_a_demo_lesson_and_the_county_sees_the_schools_below_two_and_its_competitions()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("school_admin");
        await page.GoAsync("/smartboards/demo-lessons");
        await Expect(page.Locator("[data-testid=demo-form]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=school-status]")).ToContainTextAsync("本校已开展");
        await page.Locator("[data-testid=demo-kind]").First.ClickAsync();
        await page.PickOptionAsync("示范课");
        await page.Locator("[data-testid=demo-teacher]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.Locator("[data-testid=demo-subject]").First.ClickAsync();
        await page.PickOptionAsync("数学");
        // Bad input first: no topic → the message is shown next to the field, nothing saved.
        await page.ClickAsync("[data-testid=save-demo]");
        await Expect(page.Locator("[data-testid=demo-form]")).ToContainTextAsync("请填写课题");
        await page.FillAsync("[data-testid=demo-topic]", "E2E 用一体机上好“圆的面积”");
        await page.FillAsync("[data-testid=demo-notes]", "全校数学组 12 人听课，课后评课");
        await page.ClickAsync("[data-testid=save-demo]");
        await Expect(page.Locator("[data-testid=demo-lessons]")).ToContainTextAsync("E2E 用一体机上好“圆的面积”");
        await page.ShotAsync("smartboards-demo-01-school");

        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/smartboards/demo-lessons");
        await Expect(county.Locator("[data-testid=demo-summary]")).ToContainTextAsync("所未达标");
        await Expect(county.Locator("[data-testid=below]").First).ToBeVisibleAsync();
        await county.ShotAsync("smartboards-demo-02-county");
        var download = await county.RunAndWaitForDownloadAsync(() => county.ClickAsync("[data-testid=export-demo]"));
        Assert.Contains("观摩课示范课", download.SuggestedFilename, StringComparison.Ordinal);

        await county.GoAsync("/smartboards/competitions");
        await Expect(county.Locator("[data-testid=competitions]")).ToContainTextAsync("已登记结果");
        await county.ShotAsync("smartboards-demo-03-competitions");
        await county.Locator("[data-testid=competitions] a").First.ClickAsync();
        await Expect(county.Locator("[data-testid=entries]")).ToBeVisibleAsync();
        await county.ShotAsync("smartboards-demo-04-competition");
    }
}
