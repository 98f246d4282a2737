using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Smartboards;

/// <summary>A teacher scans a device's QR label with a phone (issue 13); sb-service extends this to the ticket flow.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class SmartboardDeviceTests(PortalServer server)
{
    /// <summary>The address a label's QR code carries for the first device of the demo teacher's own classroom.</summary>
    private async Task<string> QrLinkOfTeachersDeviceAsync()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.SignInAsync("teacher");
        await page.GoAsync("/smartboards");
        var first = page.Locator("[data-testid=my-room] a[href*='/smartboards/devices/']").First;
        await Expect(first).ToBeVisibleAsync();
        await page.ShotAsync("smartboards-01-phone-my-rooms");
        var href = await first.GetAttributeAsync("href");
        await page.Context.CloseAsync();
        Assert.Matches(@"^/smartboards/devices/\d+$", href);
        return server.BaseUrl.TrimEnd('/') + href;
    }

    [Fact]
    public async Task A_teacher_opens_a_device_by_its_qr_link_on_a_phone_and_sees_the_report_button()
    {
        var qrLink = await QrLinkOfTeachersDeviceAsync();
        // A phone that has never signed in: the QR link leads through the sign-in page back to the device.
        var phone = await server.NewPageAsync(phone: true);
        await phone.GotoAsync(qrLink);
        await phone.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await phone.FillAsync("#login-name", "teacher");
        await phone.FillAsync("#login-password", PortalSteps.DemoPassword);
        await phone.ClickAsync("#login-submit");
        await phone.WaitForURLAsync(url => url.Contains("/smartboards/devices/", StringComparison.Ordinal));
        await phone.WaitForCircuitAsync();
        Assert.Equal(qrLink, phone.Url);

        await Expect(phone.Locator("[data-testid=device-tag]")).ToContainTextAsync("BBT-");
        await Expect(phone.Locator("[data-testid=device-status]").First).ToHaveTextAsync("在用");
        var report = phone.Locator("[data-testid=report-fault]");
        await Expect(report).ToBeVisibleAsync();
        await Expect(report).ToHaveAttributeAsync("href", new Uri(qrLink).AbsolutePath + "/report");
        // Thumb-sized on a phone and inside the screen without scrolling.
        var box = (await report.BoundingBoxAsync())!;
        Assert.True(box.Height >= 48, $"report button is {box.Height}px high");
        Assert.True(box.Y + box.Height <= 844, "report button should be visible without scrolling");
        await Expect(phone.Locator("[data-testid=device-history]")).ToContainTextAsync("登记入账");
        // A teacher does not manage the register.
        await Expect(phone.Locator("[data-testid=edit-device]")).ToHaveCountAsync(0);
        await phone.ShotAsync("smartboards-02-phone-device-page");
    }

    [Fact]
    public async Task A_device_of_another_school_answers_not_found_on_a_phone()
    {
        var qrLink = await QrLinkOfTeachersDeviceAsync();
        var phone = await server.NewPageAsync(phone: true);
        await phone.SignInAsync("school_admin2");
        var response = await phone.GotoAsync(qrLink);
        Assert.Equal(404, response!.Status);
        await Expect(phone.Locator("[data-testid=report-fault]")).ToHaveCountAsync(0);
        await phone.ShotAsync("smartboards-03-phone-other-school-not-found");
    }

    [Fact]
    public async Task The_school_admin_browses_the_register_and_the_county_sees_coverage()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("school_admin");
        await page.GoAsync("/smartboards");
        await page.WaitForURLAsync(url => url.Contains("/smartboards/schools/", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
        await Expect(page.Locator("[data-testid=room-card]").First).ToBeVisibleAsync();
        await page.ShotAsync("smartboards-04-school-register");

        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/smartboards/coverage");
        await Expect(county.Locator("[data-testid=unit-coverage]")).ToBeVisibleAsync();
        await county.ShotAsync("smartboards-05-county-coverage");
        await county.GoAsync("/smartboards/staffing");
        await Expect(county.Locator("[data-testid=school-staffing]")).ToBeVisibleAsync();
        await county.ShotAsync("smartboards-06-county-staffing");
    }
}
