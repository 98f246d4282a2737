using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Smartboards;

/// <summary>
/// The tiered repair of circular 003 §二.4 as its users walk it on phones: a teacher opens a device by its QR link and
/// reports a fault in two taps; the school technician escalates; the township group fixes it; the teacher accepts;
/// the county sees the figures.
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class RepairWorkflowTests(PortalServer server)
{
    [Fact]
    public async Task A_fault_reported_from_the_qr_link_is_escalated_fixed_by_the_township_accepted_and_counted_by_the_county()
    {
        // The teacher answers for a room; its devices' pages are what the QR labels open.
        var teacher = await server.NewPageAsync(phone: true);
        await teacher.SignInAsync("teacher_village");
        await teacher.GoAsync("/smartboards");
        var deviceLink = teacher.Locator("[data-testid=device-item]").First;
        await Expect(deviceLink).ToBeVisibleAsync();
        var deviceUrl = await deviceLink.GetAttributeAsync("href") ?? throw new InvalidOperationException("device link without href");

        // Scanning the label = opening the device page's URL.
        await teacher.GoAsync(deviceUrl);
        await Expect(teacher.Locator("[data-testid=report-fault]")).ToBeVisibleAsync();
        await teacher.ShotAsync("repair-01-device-page-phone");
        // Tap 1: 报修. Tap 2: the fault.
        await teacher.ClickAsync("[data-testid=report-fault]");
        await teacher.WaitForCircuitAsync();
        await Expect(teacher.Locator("[data-testid=fault]").First).ToBeVisibleAsync();
        await teacher.ShotAsync("repair-02-report-phone");
        await teacher.Locator("[data-testid=fault]", new PageLocatorOptions { HasText = "黑屏或无画面" }).ClickAsync();
        await teacher.WaitForURLAsync(url => url.Contains("/smartboards/repairs/", StringComparison.Ordinal));
        await Expect(teacher.Locator("[data-testid=ticket-state]").First).ToHaveTextAsync("待受理");
        await Expect(teacher.Locator("[data-testid=ticket-tier]")).ToContainTextAsync("学校");
        var ticketPath = new Uri(teacher.Url).AbsolutePath;
        await teacher.ShotAsync("repair-03-ticket-raised-phone");

        // The school technician cannot fix it and sends it to the township centre's 教育技术服务组.
        var schoolTech = await server.NewPageAsync(phone: true);
        await schoolTech.SignInAsync("tech_school");
        await Expect(schoolTech.Locator("[data-testid=repair-home-tier]")).ToBeVisibleAsync();
        await schoolTech.GoAsync(ticketPath);
        await schoolTech.ClickAsync("[data-testid=escalate]");
        await Expect(schoolTech.Locator(".mud-input-control").Filter(new LocatorFilterOptions { Has = schoolTech.Locator("[data-testid=work-note]") }).First)
            .ToContainTextAsync("请填写上报原因");
        await schoolTech.FillAsync("[data-testid=work-note]", "主板故障，学校没有检测工具");
        await schoolTech.ClickAsync("[data-testid=escalate]");
        await Expect(schoolTech.Locator("[data-testid=ticket-tier]")).ToContainTextAsync("乡镇教育技术服务组");
        await schoolTech.ShotAsync("repair-04-escalated-phone");

        // The township group finds it in its queue, takes it and fixes it.
        var townTech = await server.NewPageAsync(phone: true);
        await townTech.SignInAsync("tech_township");
        await townTech.GoAsync("/smartboards/repairs");
        await Expect(townTech.Locator($"[data-testid=queue-my-tier] a[href='{ticketPath}']")).ToBeVisibleAsync();
        await townTech.ShotAsync("repair-05-township-queue-phone");
        await townTech.GoAsync(ticketPath);
        await townTech.ClickAsync("[data-testid=take]");
        await Expect(townTech.Locator("[data-testid=ticket-state]").First).ToHaveTextAsync("维修中");
        await townTech.FillAsync("[data-testid=work-note]", "更换主板，开机测试正常");
        await townTech.FillAsync("[data-testid=work-parts]", "主板");
        await townTech.FillAsync("[data-testid=work-cost]", "650");
        await townTech.ClickAsync("[data-testid=resolve]");
        await Expect(townTech.Locator("[data-testid=ticket-state]").First).ToHaveTextAsync("待验收");
        await townTech.ShotAsync("repair-06-resolved-phone");

        // The teacher accepts: 修好.
        await teacher.GoAsync("/smartboards/repairs/mine");
        await Expect(teacher.Locator("[data-testid=mine-awaiting]")).ToBeVisibleAsync();
        await teacher.GoAsync(ticketPath + "/accept");
        await Expect(teacher.Locator("[data-testid=accept-resolution]")).ToContainTextAsync("更换主板");
        await teacher.ShotAsync("repair-07-accept-phone");
        await teacher.ClickAsync("[data-testid=accept-fixed]");
        await teacher.WaitForURLAsync(url => !url.EndsWith("/accept", StringComparison.Ordinal));
        await Expect(teacher.Locator("[data-testid=ticket-state]").First).ToHaveTextAsync("已修好");
        await Expect(teacher.Locator("[data-testid=ticket-steps]")).ToContainTextAsync("申请上报");
        await teacher.ShotAsync("repair-08-closed-phone");
        await teacher.GoAsync(deviceUrl);
        await Expect(teacher.Locator("[data-testid=device-repairs]")).ToContainTextAsync("已修好");
        await teacher.ShotAsync("repair-09-device-history-phone");

        // The county sees the figures per school.
        var county = await server.NewPageAsync(phone: true);
        await county.SignInAsync("county_admin");
        await county.GoAsync("/smartboards/repairs/figures");
        await Expect(county.Locator("[data-testid=figures-units]")).ToBeVisibleAsync();
        await Expect(county.Locator("[data-testid=fig-tickets]")).Not.ToContainTextAsync("0");
        await county.ShotAsync("repair-10-county-figures-phone");
        var desk = await server.NewPageAsync();
        await desk.SignInAsync("county_admin");
        await desk.GoAsync("/smartboards/repairs/figures");
        await Expect(desk.Locator("[data-testid=figures-units]")).ToBeVisibleAsync();
        await desk.ShotAsync("repair-11-county-figures");
        await desk.GoAsync("/");
        await desk.ShotAsync("repair-12-county-home");
    }

    [Fact]
    public async Task The_county_records_an_inspection_and_edits_the_calendar()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await page.GoAsync("/smartboards/safety");
        await Expect(page.Locator("[data-testid=findings]")).ToBeVisibleAsync();
        await page.ShotAsync("safety-01-findings");
        await page.GoAsync("/smartboards/safety/new");
        await page.Locator("[data-testid=check-AgeingWiring] input[type=checkbox]").ClickAsync();
        await page.ClickAsync("[data-testid=save-inspection]");
        await Expect(page.Locator("text=请填写“线路老化”发现的问题")).ToBeVisibleAsync();
        await page.ShotAsync("safety-02-inspection-errors");
        await page.FillAsync("[data-testid=problem-text-AgeingWiring]", "三年级2班插线板老化");
        await page.FillAsync("[data-testid=problem-person-AgeingWiring]", "总务主任");
        await page.ClickAsync("[data-testid=save-inspection]");
        await page.WaitForURLAsync(url => url.EndsWith("/smartboards/safety", StringComparison.Ordinal));
        await page.GoAsync("/smartboards/policies");
        await Expect(page.Locator("[data-testid=policy-gaps]")).ToBeVisibleAsync();
        await page.ShotAsync("safety-03-policy-gaps");
        await page.GoAsync("/smartboards/calendar");
        await Expect(page.Locator("[data-testid=holidays]")).ToBeVisibleAsync();
        await page.ShotAsync("calendar-01");
    }
}
