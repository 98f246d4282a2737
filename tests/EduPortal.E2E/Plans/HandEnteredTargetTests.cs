using static EduPortal.E2E.Plans.PlanSteps;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Plans;

/// <summary>
/// A hand-entered target as its users walk it: the county admin sets a target on a school whose metric is entered by
/// hand; the school admin enters a value (a date in the future refused next to the field first) with an evidence file;
/// the county admin sees it on the target's trajectory and on the dashboard. Desktop and a 390 px phone.
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class HandEnteredTargetTests(PortalServer server)
{
    [Fact]
    public async Task A_school_admin_enters_a_value_with_evidence_and_the_county_sees_it_on_the_trajectory_and_the_dashboard()
    {
        var name = $"班班通培训人次{Guid.NewGuid():N}"[..12];
        var county = await server.NewPageAsync();
        await county.ExplainingFailureAsync("plans-hand-entered-county", async () =>
        {
            await county.SignInAsync("county_admin");
            await county.CreatePlanAsync($"东溪区班班通应用培训方案{Guid.NewGuid():N}"[..18]);
            await county.GetByText("手工填报（责任单位附佐证填报）").ClickAsync();
            await county.FillAsync("[data-testid=target-name]", name);
            await county.FillAsync("[data-testid=target-unit]", "人次");
            await county.SelectAsync("target-scope", OwnSchool);
            await county.NumberAsync("target-first-value", "60");
            await county.DateAsync("target-first-deadline", Day(90));
            await county.ClickAsync("[data-testid=add-target]");
            await Expect(county.Locator("[data-testid=target-table]")).ToContainTextAsync(name);
            await Expect(county.Locator("[data-testid=target-table]")).ToContainTextAsync("手工填报");
        });
        var targetPath = await county.Locator("[data-testid=target-table] a").Filter(new() { HasText = name }).GetAttributeAsync("href");

        var school = await server.NewPageAsync();
        await school.ExplainingFailureAsync("plans-hand-entered-school", async () =>
        {
            await school.SignInAsync("school_admin");
            await school.GoAsync(targetPath!);
            await Expect(school.Locator("[data-testid=target-heading]")).ToContainTextAsync(name);
            // A date in the future is refused next to the field, and nothing is entered.
            await school.DateAsync("entry-date", Day(1));
            await school.NumberAsync("entry-value", "18");
            await school.FillAsync("[data-testid=entry-note]", "第一期班班通应用培训签到表");
            await school.ClickAsync("[data-testid=entry-save]");
            await Expect(school.Locator(".mud-input-control").Filter(new() { Has = school.Locator("[data-testid=entry-date] input, input[data-testid=entry-date]") }))
                .ToContainTextAsync("数据日期不能晚于今天");
            await Expect(school.Locator("[data-testid=entry-history]")).ToContainTextAsync("尚未填报");
            await school.DateAsync("entry-date", Day(0));
            await school.Locator("[data-testid=entry-form] input[type=file]").SetInputFilesAsync(PortalSteps.TinyPngFile("training"));
            await Expect(school.Locator("[data-testid=entry-file-name]")).ToContainTextAsync("已选择");
            await school.ClickAsync("[data-testid=entry-save]");
            await Expect(school.Locator("[data-testid=entry-evidence-link]")).ToHaveCountAsync(1);
            await Expect(school.Locator("[data-testid=target-actual]")).ToHaveTextAsync("18 人次");
            await school.ShotAsync("plans-hand-entered-01-school-entered");
        });

        var phone = await server.NewPageAsync(phone: true);
        await phone.ExplainingFailureAsync("plans-hand-entered-phone", async () =>
        {
            await phone.SignInAsync("school_admin");
            await phone.GoAsync(targetPath!);
            await Expect(phone.Locator("[data-testid=entry-history]")).ToContainTextAsync("第一期班班通应用培训签到表");
            await phone.ShotAsync("plans-hand-entered-02-school-phone");
        });

        await county.ExplainingFailureAsync("plans-hand-entered-county-sees", async () =>
        {
            await county.GoAsync(targetPath!);
            await Expect(county.Locator("[data-testid=target-actual]")).ToHaveTextAsync("18 人次");
            await Expect(county.Locator("[data-testid=entry-history]")).ToContainTextAsync("第一期班班通应用培训签到表");
            await Expect(county.Locator("[data-testid=trajectory-chart]")).ToBeVisibleAsync();
            // One value cannot draw a line: the page states it instead of leaving the actual line empty.
            await Expect(county.Locator("[data-testid=single-actual]")).ToContainTextAsync("18 人次");
            await county.ShotAsync("plans-hand-entered-03-county-trajectory");
            await county.GoAsync("/dashboard");
            var card = county.Locator("[data-testid^=hand-entered-]").Filter(new() { HasText = name });
            await Expect(card).ToContainTextAsync("18 人次");
            await Expect(card).ToContainTextAsync(OwnSchool);
            await county.ShotAsync("plans-hand-entered-04-county-dashboard");
            // The demo's hand-entered target has a history with a corrected value.
            await county.Locator("[data-testid^=hand-entered-] a").Filter(new() { HasText = "班班通应用培训教师人次" }).First.ClickAsync();
            await county.WaitForCircuitAsync();
            await Expect(county.Locator("[data-testid=entry-history]")).ToContainTextAsync("已更正");
            await county.ShotAsync("plans-hand-entered-06-demo-history");
        });

        var countyPhone = await server.NewPageAsync(phone: true);
        await countyPhone.ExplainingFailureAsync("plans-hand-entered-county-phone", async () =>
        {
            await countyPhone.SignInAsync("county_admin");
            await countyPhone.GoAsync("/dashboard");
            await Expect(countyPhone.Locator("[data-testid^=hand-entered-]").Filter(new() { HasText = name })).ToContainTextAsync("18 人次");
            await countyPhone.ShotAsync("plans-hand-entered-05-county-dashboard-phone");
        });
    }
}
