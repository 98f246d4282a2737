using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Plans;

/// <summary>
/// County feedback as its users walk it (circular 002 五(六)): the county admin is refused an empty submission, fills the
/// sections, attaches a file and submits; the city admin sees it, the counties that have not sent feedback, exports that
/// list, replies and marks the feedback 已处理.
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class FeedbackWorkflowTests(PortalServer server)
{
    private const string OwnCounty = "东溪区教育局";

    [Fact]
    public async Task A_county_submits_its_feedback_and_the_city_replies_marks_it_handled_and_sees_the_counties_still_missing()
    {
        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/feedback");
        await county.ClickAsync("[data-testid=start-feedback]");
        await Expect(county.Locator("[data-testid=feedback-heading]")).ToContainTextAsync(OwnCounty);
        await county.WaitForCircuitAsync();

        // An empty submission is refused next to the first section.
        await county.ClickAsync("[data-testid=submit-feedback]");
        await Expect(county.Locator(".mud-input-control").Filter(new() { Has = county.Locator("[data-testid=feedback-practices]") }))
            .ToContainTextAsync("请至少填写一项反馈内容");
        await county.ShotAsync("feedback-01-empty-refused");

        await county.FillAsync("[data-testid=feedback-practices]", "各校每周开展一次国省平台集体教研，教研组利用名师名课磨课。");
        await county.FillAsync("[data-testid=feedback-highlights]", "山区学校通过同步课堂开齐音体美课程。");
        await county.FillAsync("[data-testid=feedback-problems]", "部分村小接入带宽不足 100M，直播课卡顿。");
        await county.Locator("input[type=file]").SetInputFilesAsync(PortalSteps.TinyPngFile("feedback"));
        await Expect(county.Locator("[data-testid=feedback-file]")).ToHaveCountAsync(1);
        await county.ClickAsync("[data-testid=submit-feedback]");
        await Expect(county.Locator("[data-testid=feedback-status]")).ToHaveTextAsync("已提交");
        await county.ShotAsync("feedback-02-county-submitted");
        var path = new Uri(county.Url).PathAndQuery;

        // The city sees it, and the other counties as not yet sent.
        var city = await server.NewPageAsync();
        await city.SignInAsync("city_admin");
        await city.GoAsync("/feedback");
        await Expect(city.Locator("[data-testid=feedback-table]")).ToContainTextAsync(OwnCounty);
        var missing = city.Locator("[data-testid=missing-counties]");
        await Expect(missing).Not.ToContainTextAsync(OwnCounty);
        await Expect(missing.Locator(".mud-chip")).Not.ToHaveCountAsync(0);
        await city.ShotAsync("feedback-03-city-month");
        await city.WaitForCircuitAsync();
        var download = await city.RunAndWaitForDownloadAsync(() => city.ClickAsync("[data-testid=export-missing]"));
        Assert.StartsWith("未反馈县区_", download.SuggestedFilename);

        await city.GoAsync(path);
        await Expect(city.Locator("[data-testid=feedback-heading]")).ToContainTextAsync(OwnCounty);
        await city.WaitForCircuitAsync();
        await city.FillAsync("[data-testid=reply-text]", "带宽问题已转市电教馆协调运营商扩容。");
        await city.ClickAsync("[data-testid=send-reply]");
        await Expect(city.Locator("[data-testid=feedback-reply-text]")).ToContainTextAsync("带宽问题已转市电教馆");
        await city.ClickAsync("[data-testid=mark-handled]");
        await Expect(city.Locator("[data-testid=feedback-status]")).ToHaveTextAsync("已处理");
        await city.ShotAsync("feedback-04-city-handled");

        // The county reads the reply.
        await county.ReloadAsync();
        await Expect(county.Locator("[data-testid=feedback-reply-text]")).ToContainTextAsync("带宽问题已转市电教馆");
    }
}
