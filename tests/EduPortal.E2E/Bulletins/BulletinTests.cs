using System.Diagnostics;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Bulletins;

/// <summary>The county's bureau editor generates the weekly bulletin from the 通报 page, follows its progress and opens its PDF.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class BulletinTests(PortalServer server)
{
    [Fact]
    public async Task The_county_editor_generates_the_weekly_bulletin_and_opens_its_pdf()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await page.GoAsync("/bulletins");
        await Expect(page.Locator("[data-testid=bulletins-table]")).ToContainTextAsync("教育信息化工作周通报");
        await page.ShotAsync("bulletins-01-list");

        await page.Locator("[data-testid=generate-bulletin]").ClickAsync();
        await Expect(page.Locator("[data-testid=bulletin-progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=bulletin-progress-text]")).ToContainTextAsync("通报已生成", new() { Timeout = 90_000 });
        await page.ShotAsync("bulletins-02-generated");

        await page.Locator("[data-testid=open-generated]").ClickAsync();
        await page.WaitForCircuitAsync();
        var title = await page.Locator("[data-testid=bulletin-title]").InnerTextAsync();
        Assert.Matches(@"^东溪区教育信息化工作周通报（\d{4}年第\d{1,2}周）$", title);
        await Expect(page.Locator("[data-testid='section-surveys.registration']")).ToContainTextAsync("一、教师实名注册情况");
        await page.ShotAsync("bulletins-03-detail");

        var href = await page.Locator("[data-testid=download-pdf]").GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var pdf = Path.Combine(PortalServer.ScreenshotFolder, "bulletins-county.pdf");
        await File.WriteAllBytesAsync(pdf, await response.BodyAsync());
        using (var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", pdf, Path.Combine(PortalServer.ScreenshotFolder, "bulletins-pdf")]))!)
        {
            await render.WaitForExitAsync();
            Assert.Equal(0, render.ExitCode);
        }
        using var text = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", pdf, "-"]) { RedirectStandardOutput = true })!;
        var lines = (await text.StandardOutput.ReadToEndAsync()).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(title, lines);
        Assert.Contains("一、教师实名注册情况", lines);
        Assert.Contains("八、工作方案推进情况", lines);

        // The workbook of the same figures downloads too.
        var workbook = await page.Context.APIRequest.GetAsync((await page.Locator("[data-testid=download-xlsx]").GetAttributeAsync("href"))!);
        Assert.Equal(200, workbook.Status);
        Assert.Contains(".xlsx", workbook.Headers["content-disposition"]);
    }
}
