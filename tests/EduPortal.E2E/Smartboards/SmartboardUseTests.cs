using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Smartboards;

/// <summary>A teacher records a lesson taught with the equipment on a phone; the county sees the use figures (issue 13, circulars 003/004).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class SmartboardUseTests(PortalServer server)
{
    [Fact]
    public async Task A_teacher_records_a_lesson_on_a_phone_and_the_county_sees_the_coverage()
    {
        var phone = await server.NewPageAsync(phone: true);
        await phone.SignInAsync("teacher");
        await phone.GoAsync("/smartboards/use/record");
        await Expect(phone.Locator("[data-testid=use-subjects]")).ToBeVisibleAsync();
        await phone.Locator("[data-testid=use-subject]", new() { HasText = "数学" }).ClickAsync();
        await phone.Locator("[data-testid=use-period]", new() { HasText = "2" }).ClickAsync();
        var submit = phone.Locator("[data-testid=use-submit]");
        var box = (await submit.BoundingBoxAsync())!;
        Assert.True(box.Height >= 40, $"submit button is {box.Height}px high");
        await phone.ShotAsync("smartboards-use-01-phone-form");
        await submit.ClickAsync();
        await Expect(phone.Locator(".mud-snackbar")).ToContainTextAsync("已登记");
        await Expect(phone.Locator("[data-testid=use-mine]")).ToContainTextAsync("数学");
        await phone.ShotAsync("smartboards-use-02-phone-recorded");

        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/smartboards/use");
        await Expect(county.Locator("[data-testid=unit-use]")).ToBeVisibleAsync();
        await Expect(county.Locator("[data-testid=use-card]").First).ToContainTextAsync("%");
        await Expect(county.Locator("[data-testid=use-definition]")).ToContainTextAsync("学科覆盖率");
        await county.ShotAsync("smartboards-use-03-county-coverage");
    }
}
