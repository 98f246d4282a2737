using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Circulars;

/// <summary>
/// A circular as its users walk it (SPEC §8, modelled on circular 000): the county editor writes and publishes it to two
/// schools; one school's admin sees it on the home page and acknowledges (签收); the editor's receipt page shows who has not.
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class CircularWorkflowTests(PortalServer server)
{
    // The demo county's first two schools: the demo school admin's and school_admin2's.
    private const string DemoSchool = "东溪区第一高级中学";
    private const string OtherSchool = "东溪区第二初级中学";
    private const string Title = "关于开展实验教学记录抽查的通知";

    [Fact]
    public async Task A_county_editor_publishes_to_two_schools_one_acknowledges_and_the_editor_sees_who_has_not()
    {
        var editor = await server.NewPageAsync();
        await editor.ExplainingFailureAsync("circular-editor", async () =>
        {
            await editor.SignInAsync("county_admin");
            await editor.GoAsync("/circulars");
            await editor.WaitForCircuitAsync();
            await editor.ClickAsync("[data-testid=new-circular]");
            await Expect(editor.Locator("[data-testid=circular-title]")).ToBeVisibleAsync();
            await editor.WaitForCircuitAsync();

            // Publishing an empty draft is refused next to the fields.
            await editor.ClickAsync("[data-testid=publish-circular]");
            await Expect(editor.Locator(".mud-input-control").Filter(new() { Has = editor.Locator("[data-testid=circular-title]") })).ToContainTextAsync("请填写标题");

            await editor.FillAsync("[data-testid=circular-title]", Title);
            await editor.FillAsync("[data-testid=circular-body]", "各校：请于本周内自查实验教学记录，确保**三张照片**齐全。");
            await editor.FillAsync("[data-testid=circular-contact]", "刘冰峰");
            await editor.FillAsync("[data-testid=circular-phone]", "2663755 13759693597");
            await editor.ClickAsync("[data-testid=unit-select]");
            await editor.PickOptionAsync(DemoSchool);
            await editor.PickOptionAsync(OtherSchool);
            await editor.Keyboard.PressAsync("Escape");
            await Expect(editor.Locator("[data-testid=recipient-preview]")).ToContainTextAsync("将发送给 2 个单位");
            await editor.ShotAsync("circulars-01-editor");
            await editor.ClickAsync("[data-testid=publish-circular]");
            await Expect(editor.Locator("[data-testid=circular-number]")).ToContainTextAsync("东教发〔");
            await Expect(editor.Locator("[data-testid=circular-heading]")).ToHaveTextAsync(Title);
            await editor.ShotAsync("circulars-02-published");
        });
        var circularPath = new Uri(editor.Url).AbsolutePath;

        var school = await server.NewPageAsync(phone: true);
        await school.ExplainingFailureAsync("circular-school", async () =>
        {
            await school.SignInAsync("school_admin");
            var card = school.Locator("[data-testid=circular-home-card]");
            await Expect(card).ToContainTextAsync(Title);
            await school.ShotAsync("circulars-03-school-home-phone");
            await card.GetByText(Title).ClickAsync();
            await Expect(school.Locator("[data-testid=circular-heading]")).ToHaveTextAsync(Title);
            await school.WaitForCircuitAsync();
            await school.ClickAsync("[data-testid=acknowledge]");
            await Expect(school.Locator("[data-testid=acknowledged]")).ToContainTextAsync("签收");
            await school.ShotAsync("circulars-04-school-acknowledged-phone");
        });

        await editor.ExplainingFailureAsync("circular-receipts", async () =>
        {
            await editor.GoAsync(circularPath + "/receipts");
            await Expect(editor.Locator("[data-testid=acknowledged-count]")).ToHaveTextAsync("已签收 1");
            await Expect(editor.Locator("[data-testid=pending-count]")).ToHaveTextAsync("未签收 1");
            var pendingRow = editor.Locator("[data-testid=receipts-table] tbody tr").Filter(new() { Has = editor.Locator("[data-testid=receipt-pending]") });
            await Expect(pendingRow).ToContainTextAsync(OtherSchool);
            await editor.WaitForCircuitAsync();
            await editor.ClickAsync("[data-testid=remind]");
            await Expect(editor.Locator("[data-testid=reminder-history]")).ToContainTextAsync("1 个单位");
            await editor.ShotAsync("circulars-05-receipts");
        });
    }
}
