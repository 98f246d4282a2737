using System.IO.Compression;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Exports;

/// <summary>The export centre as a county admin uses it: 后台导出 on the survey board, progress in 我的导出, the zip downloaded.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class ExportCentreTests(PortalServer server)
{
    private static readonly System.Text.RegularExpressions.Regex RoundTitle = new("东溪区中小学实验教学情况调查（\\d{4}年[春秋]季）");

    [Fact]
    public async Task A_county_admin_queues_the_rounds_pdf_zip_watches_it_finish_in_my_exports_and_downloads_it()
    {
        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/surveys");
        await county.Locator("[data-testid=rounds-table] a").Filter(new() { HasTextRegex = RoundTitle }).ClickAsync();
        await county.WaitForCircuitAsync();
        await county.ClickAsync("[data-testid=export-round-pdfs]");
        await Expect(county.Locator(".mud-snackbar")).ToContainTextAsync("已加入后台导出");
        await county.ShotAsync("exports-01-requested-on-survey-board");

        // 我的导出 (from the menu) refreshes itself until the export is done.
        await county.GoAsync("/exports");
        var row = county.Locator("[data-testid=exports-table] tbody tr").Filter(new() { HasTextRegex = RoundTitle }).First;
        await Expect(row).ToBeVisibleAsync();
        await county.ShotAsync("exports-02-my-exports-in-progress");
        await Expect(row.Locator("[data-testid^=export-state-]")).ToHaveTextAsync("已完成", new() { Timeout = 120_000 });
        await Expect(row).ToContainTextAsync("全部调查表");
        await Expect(row).ToContainTextAsync("保留至");
        await county.ShotAsync("exports-03-my-exports-done");

        var download = await county.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid^=export-download-]").ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename);
        Assert.Contains("全部调查表", download.SuggestedFilename);
        var path = Path.Combine(PortalServer.ScreenshotFolder, "..", "survey-round-pdfs.zip");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.True(zip.Entries.Count(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal)) > 3);
            Assert.NotNull(zip.GetEntry("说明.txt"));
        }

        // The same list on a phone.
        var phone = await server.NewPageAsync(phone: true);
        await phone.SignInAsync("county_admin");
        await phone.GoAsync("/exports");
        await Expect(phone.Locator("[data-testid^=export-state-]").First).ToHaveTextAsync("已完成");
        await phone.ShotAsync("exports-04-my-exports-phone");

        // Another user cannot fetch the file by its address.
        var href = await row.Locator("[data-testid^=export-download-]").GetAttributeAsync("href");
        var other = await server.NewPageAsync();
        await other.SignInAsync("school_admin");
        var response = await other.APIRequest.GetAsync(href!);
        Assert.Equal(404, response.Status);
    }
}
