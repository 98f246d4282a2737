using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Smartboards;

/// <summary>A school admin records a training with two teachers; the school's archive lists it and exports it (circular 003 §二.1, §三.1).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class TrainingArchiveTests(PortalServer server)
{
    [Fact]
    public async Task A_school_admin_records_a_training_with_two_teachers_and_the_archive_lists_and_exports_it()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("school_admin");
        await page.GoAsync("/smartboards/training/new");
        await Expect(page.Locator("[data-testid=attendee]").Nth(1)).ToBeVisibleAsync();
        await page.Locator("[data-testid=training-kind]").First.ClickAsync();
        await page.PickOptionAsync("全员培训");
        await page.FillAsync("[data-testid=training-title]", "E2E 班班通互动课件制作培训");
        await page.FillAsync("[data-testid=training-hours]", "3.5");
        // Bad input first: no attendees → the message is shown next to the list, nothing saved.
        await page.ClickAsync("[data-testid=save-training]");
        await Expect(page.Locator("[data-testid=attendees-error]")).ToHaveTextAsync("请选择参训人员");
        await page.Locator("input[data-testid=attendee], [data-testid=attendee] input").Nth(0).CheckAsync();
        await page.Locator("input[data-testid=attendee], [data-testid=attendee] input").Nth(1).CheckAsync();
        await Expect(page.Locator("[data-testid=chosen]")).ToContainTextAsync("、");
        await page.ShotAsync("smartboards-training-01-new");
        await page.ClickAsync("[data-testid=save-training]");
        await page.WaitForURLAsync(url => url.EndsWith("/smartboards/training", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=trainings]")).ToContainTextAsync("E2E 班班通互动课件制作培训");
        await page.ShotAsync("smartboards-training-02-list");

        await page.GoAsync("/smartboards/archive");
        await page.WaitForURLAsync(url => url.Contains("/archive", StringComparison.Ordinal) && url.Contains("/schools/", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
        await Expect(page.Locator("[data-testid=archive-trainings]")).ToContainTextAsync("E2E 班班通互动课件制作培训");
        await Expect(page.Locator("[data-testid=archive-ResearchLog]")).ToContainTextAsync("教研");
        await page.ShotAsync("smartboards-training-03-archive");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-TrainingRecord]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("培训记录", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
