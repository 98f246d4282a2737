using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Surveys;

/// <summary>The lab-teaching survey as its users walk it: fill and submit, return with a comment, fix and resubmit, export.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class SurveyWorkflowTests(PortalServer server)
{
    // The demo round is named after the demo county and the term of the portal's today.
    private static readonly System.Text.RegularExpressions.Regex RoundTitle = new("东溪区中小学实验教学情况调查（\\d{4}年[春秋]季）");
    private const string School = "东溪区第一高级中学";
    private static readonly string[] SeniorSubjects = ["物理", "化学", "生物", "通用技术", "信息技术"];

    private static ILocator Field(IPage page, string field) => page.Locator($"[data-testid='field-{field}']");

    private static async Task TypeAsync(IPage page, string field, string value)
    {
        await Field(page, field).FillAsync(value);
        // The draft saves once typing pauses (800 ms).
        await Expect(page.Locator("[data-testid=autosave-status]")).ToContainTextAsync("有未保存的修改");
        await Expect(page.Locator("[data-testid=autosave-status]")).ToContainTextAsync("草稿已自动保存", new() { Timeout = 10_000 });
    }

    private static async Task ConfirmSubmitAsync(IPage page)
    {
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("确定提交吗");
        await page.Locator(".mud-dialog button").Filter(new() { HasText = "提交" }).ClickAsync();
    }

    [Fact]
    public async Task A_school_fills_and_submits_the_county_returns_it_the_school_fixes_it_and_the_county_exports_excel()
    {
        // The school admin finds the round on the home page and fills the form.
        var school = await server.NewPageAsync();
        await school.SignInAsync("school_admin");
        await Expect(school.Locator("[data-testid=survey-notices]")).ToContainTextAsync(RoundTitle);
        await school.Locator("[data-testid=survey-notices] a").Filter(new() { HasTextRegex = RoundTitle }).ClickAsync();
        await school.WaitForCircuitAsync();
        await Expect(school.Locator("[data-testid=survey-status]")).ToContainTextAsync("未开始");
        await Expect(Field(school, "SchoolName")).ToHaveValueAsync(School);
        await Expect(school.Locator("[data-testid=subject-row]")).ToHaveCountAsync(SeniorSubjects.Length);

        await TypeAsync(school, "LabLeadName", "王建华");
        await Field(school, "LabLeadPhone").FillAsync("2663755");
        await Expect(school.Locator(".mud-input-control").Filter(new() { Has = Field(school, "LabLeadPhone") }))
            .ToContainTextAsync("带区号的固定电话");
        await TypeAsync(school, "LabLeadPhone", "0913-2663755");
        foreach (var subject in SeniorSubjects)
        {
            await Field(school, $"{subject}.Teachers").FillAsync("6");
            await Field(school, $"{subject}.FullTime").FillAsync("2");
            await Field(school, $"{subject}.LabRooms").FillAsync("3");
        }
        await Field(school, "物理.FullTime").FillAsync("8");
        await Expect(school.Locator(".mud-input-control").Filter(new() { Has = Field(school, "物理.FullTime") }))
            .ToContainTextAsync("专职人数不能多于任课教师人数");
        await TypeAsync(school, "物理.FullTime", "2");

        // The draft survives a reload.
        await school.ReloadAsync();
        await school.WaitForCircuitAsync();
        await Expect(school.Locator("[data-testid=survey-status]")).ToContainTextAsync("草稿");
        await Expect(Field(school, "LabLeadName")).ToHaveValueAsync("王建华");
        await Expect(Field(school, "信息技术.LabRooms")).ToHaveValueAsync("3");
        // A student count far from the registered one is flagged for review, with what the flag means.
        await TypeAsync(school, "StudentCount", "5000");
        await Expect(school.Locator("[data-testid=review-flags]")).ToContainTextAsync("请复核");
        await Expect(school.Locator("[data-testid=review-flags]")).ToContainTextAsync("与学校登记的信息相差较大或不合常理");
        await Expect(school.Locator("[data-testid=review-flags]")).ToContainTextAsync("学生数 5,000 与学校登记的");
        await school.ShotAsync("survey-01-school-draft");

        // Submitting locks the form, so it asks first; cancelling keeps the draft.
        await school.ClickAsync("[data-testid=submit-survey]");
        await Expect(school.Locator(".mud-dialog")).ToContainTextAsync("提交后调查表将锁定");
        await school.Locator(".mud-dialog button").Filter(new() { HasText = "取消" }).ClickAsync();
        await Expect(school.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(school.Locator("[data-testid=survey-status]")).ToContainTextAsync("草稿");
        await school.ClickAsync("[data-testid=submit-survey]");
        await Expect(school.Locator(".mud-dialog")).ToContainTextAsync("请复核：学生数 5,000 与学校登记的");
        await school.ShotAsync("survey-01b-submit-confirmation");
        await ConfirmSubmitAsync(school);
        await Expect(school.Locator("[data-testid=survey-status]")).ToContainTextAsync("已提交");
        await Expect(Field(school, "LabLeadName")).ToHaveAttributeAsync("readonly", "");
        await school.ShotAsync("survey-02-school-submitted");

        // The county admin sees it on the board and returns it with a comment.
        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/surveys");
        await county.Locator("[data-testid=rounds-table] a").Filter(new() { HasTextRegex = RoundTitle }).ClickAsync();
        await county.WaitForCircuitAsync();
        var row = county.Locator("[data-testid=board-table] tbody tr").Filter(new() { HasText = School });
        await Expect(row).ToContainTextAsync("已提交");
        await county.ShotAsync("survey-03-county-board");
        await row.Locator("a").First.ClickAsync();
        await county.WaitForCircuitAsync();
        await county.FillAsync("[data-testid=return-comment-input]", "物理实验室数与装备台账不一致，请核对后重新提交。");
        await county.ClickAsync("[data-testid=return-survey]");
        await Expect(county.Locator("[data-testid=survey-status]")).ToContainTextAsync("已退回");
        await county.ShotAsync("survey-04-county-returned");

        // The school sees the comment, fixes the form and submits again.
        await school.GoAsync("/");
        await Expect(school.Locator("[data-testid=survey-notices]")).ToContainTextAsync("物理实验室数与装备台账不一致");
        await school.Locator("[data-testid=survey-notices] a").Filter(new() { HasTextRegex = RoundTitle }).ClickAsync();
        await school.WaitForCircuitAsync();
        await Expect(school.Locator("[data-testid=return-comment]")).ToContainTextAsync("请核对后重新提交");
        await TypeAsync(school, "物理.LabRooms", "2");
        await school.ClickAsync("[data-testid=submit-survey]");
        await ConfirmSubmitAsync(school);
        await Expect(school.Locator("[data-testid=survey-status]")).ToContainTextAsync("第 2 版");
        await Expect(school.Locator("[data-testid=survey-history]")).ToContainTextAsync("物理实验室：3 → 2");
        await school.ShotAsync("survey-05-school-resubmitted");

        // The county exports the whole round to Excel.
        await county.GoAsync("/surveys");
        await county.Locator("[data-testid=rounds-table] a").Filter(new() { HasTextRegex = RoundTitle }).ClickAsync();
        await county.WaitForCircuitAsync();
        var download = await county.RunAndWaitForDownloadAsync(() => county.ClickAsync("[data-testid=export-excel]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(PortalServer.ScreenshotFolder, "..", "survey-round.xlsx");
        await download.SaveAsAsync(path);
        using var workbook = new XLWorkbook(path);
        Assert.True(workbook.TryGetWorksheet("汇总", out _));
        var sheet = workbook.Worksheets.Single(s => s.Name != "汇总");
        var schoolRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == School);
        Assert.Equal("已提交", schoolRow.Cell(3).GetString());
        Assert.Equal(2, schoolRow.Cell(4).GetDouble());
        await county.ShotAsync("survey-06-county-board-after-resubmit");
    }

    [Fact]
    public async Task A_county_opens_a_round_and_a_school_submitting_too_early_sees_what_is_missing()
    {
        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/surveys");
        await county.ClickAsync("[data-testid=open-round]");
        await Expect(county.Locator(".mud-input-control").Filter(new() { Has = county.Locator("[data-testid=round-title]") }))
            .ToContainTextAsync("请填写调查标题");
        await county.FillAsync("[data-testid=round-title]", "东溪区实验教学情况补充调查");
        var deadline = county.Locator("[data-testid=round-deadline] input, input[data-testid=round-deadline]").First;
        await deadline.FillAsync(DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await deadline.PressAsync("Enter");
        await county.ClickAsync("[data-testid=open-round]");
        await Expect(county.Locator("[data-testid=board-title]")).ToHaveTextAsync("东溪区实验教学情况补充调查");
        await Expect(county.Locator("[data-testid=stat-not-started]")).Not.ToHaveTextAsync("0");
        await county.ShotAsync("survey-07-county-new-round");

        // A junior school's admin, on a phone: four subject rows; submitting the prefilled form names every missing answer.
        var school = await server.NewPageAsync(phone: true);
        await school.SignInAsync("school_admin2");
        await school.GoAsync("/surveys");
        await school.Locator("[data-testid=rounds-table] a").Filter(new() { HasText = "补充调查" }).ClickAsync();
        await school.WaitForCircuitAsync();
        await Expect(school.Locator("[data-testid=subject-row]")).ToHaveCountAsync(4);
        await school.ClickAsync("[data-testid=submit-survey]");
        await Expect(school.Locator(".mud-snackbar")).ToContainTextAsync("请按提示修改后再提交");
        await Expect(school.Locator(".mud-input-control").Filter(new() { Has = Field(school, "LabLeadName") })).ToContainTextAsync("请填写实验管理负责人");
        await Expect(school.Locator(".mud-input-control").Filter(new() { Has = Field(school, "物理.Teachers") })).ToContainTextAsync("请填写物理任课教师人数");
        await Expect(school.Locator("[data-testid=survey-status]")).Not.ToContainTextAsync("已提交");
        await school.ShotAsync("survey-08-school-missing-answers");

        // Typed, then the page is gone before the autosave fires (a reload, a lost connection): the browser
        // kept a copy, the form restores it and saves it.
        await Field(school, "LabLeadName").FillAsync("赵敏");
        await school.ReloadAsync();
        await school.WaitForCircuitAsync();
        await Expect(school.Locator(".mud-snackbar")).ToContainTextAsync("已恢复上次未保存的填写内容");
        await Expect(Field(school, "LabLeadName")).ToHaveValueAsync("赵敏");
        await Expect(school.Locator("[data-testid=autosave-status]")).ToContainTextAsync("草稿已自动保存");
        await school.ReloadAsync();
        await school.WaitForCircuitAsync();
        await Expect(Field(school, "LabLeadName")).ToHaveValueAsync("赵敏");
        await Expect(school.Locator("[data-testid=survey-status]")).ToContainTextAsync("草稿");

        // Typed the moment the form shows, before its circuit is interactive, and the page reloaded at once: the copy is
        // kept by a listener installed before Blazor starts, never by a round trip, so the keystroke survives whether
        // the first load restored it before the reload or the reload restores it. (Without the copy, the interactive
        // render puts back the saved "赵敏".)
        await school.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Field(school, "LabLeadName").FillAsync("赵敏之");
        await school.ReloadAsync();
        await school.WaitForCircuitAsync();
        // When the first load restored and saved the copy just as the reload began, the reload may have read the form
        // a moment before that save committed (the copy already cleared): the value is then on the server but this
        // page shows the older one. A second reload shows it; a lost keystroke would still fail here.
        try
        {
            await Expect(Field(school, "LabLeadName")).ToHaveValueAsync("赵敏之", new() { Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            await Task.Delay(1000);
            await school.ReloadAsync();
            await school.WaitForCircuitAsync();
        }
        await Expect(Field(school, "LabLeadName")).ToHaveValueAsync("赵敏之");
        await Expect(school.Locator("[data-testid=autosave-status]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("草稿已(自动)?保存"));
        await school.ReloadAsync();
        await school.WaitForCircuitAsync();
        await Expect(Field(school, "LabLeadName")).ToHaveValueAsync("赵敏之");

        // Letters in a number are refused next to the field, never read as the digits before them; nothing is saved.
        await TypeAsync(school, "物理.Teachers", "6");
        await Field(school, "物理.Teachers").FillAsync("2abc");
        await Expect(school.Locator(".mud-input-control").Filter(new() { Has = Field(school, "物理.Teachers") }))
            .ToContainTextAsync("只能填写整数");
        await Expect(school.Locator("[data-testid=autosave-status]")).ToContainTextAsync("有数字填写不正确");
        await school.ClickAsync("[data-testid=submit-survey]");
        await Expect(school.Locator(".mud-snackbar").Filter(new() { HasText = "处数字填写不正确" })).ToBeVisibleAsync();
        await Expect(school.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await school.ShotAsync("survey-09-school-letters-in-a-number-phone");
        await school.ReloadAsync();
        await school.WaitForCircuitAsync();
        await Expect(Field(school, "物理.Teachers")).ToHaveValueAsync("6");
    }
}
