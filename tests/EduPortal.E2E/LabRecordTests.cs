using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E;

/// <summary>Circular 000 §三 as its users walk it: publish with three photos, report, return, and the teacher's view.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class LabRecordTests(PortalServer server)
{
    private static async Task PickAsync(IPage page, string testId, string? option)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        if (option is null)
        {
            await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        }
        else
        {
            await page.PickOptionAsync(option);
        }
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_teacher_publishes_a_colleague_reports_the_county_returns_and_the_teacher_can_no_longer_publish()
    {
        var teacher = await server.NewPageAsync(phone: true);
        await teacher.SignInAsync("teacher");
        await teacher.GoAsync("/labs/new");

        // Publishing too early names what is missing next to each field and photo slot.
        await teacher.ClickAsync("[data-testid=lab-publish]");
        await Expect(teacher.Locator("[data-testid=slot-error-BackToFront]")).ToContainTextAsync("请上传“教室从后向前全场”照片");
        await teacher.ShotAsync("lab-01-capture-missing-phone");

        await PickAsync(teacher, "lab-subject", "物理");
        await PickAsync(teacher, "lab-kind", "学生分组实验");
        await PickAsync(teacher, "lab-class", "高一1班");
        await PickAsync(teacher, "lab-experiment", null);
        await PickAsync(teacher, "lab-period", "第 3 节");
        foreach (var slot in new[] { "FrontToBack", "BackToFront", "GroupCloseUp" })
        {
            await teacher.Locator($"[data-testid=slot-{slot}] input[type=file]").SetInputFilesAsync(PortalSteps.TinyPngFile("lab"));
            await Expect(teacher.Locator($"[data-testid=slot-{slot}] img")).ToBeVisibleAsync();
            await Expect(teacher.Locator($"[data-testid=upload-{slot}]")).ToBeEnabledAsync();
        }
        await teacher.ShotAsync("lab-02-capture-filled-phone");
        await teacher.ClickAsync("[data-testid=lab-publish]");
        await Expect(teacher.Locator("[data-testid=lab-state]")).ToHaveTextAsync("自审发布");
        var recordUrl = new Uri(teacher.Url).AbsolutePath;
        await teacher.ShotAsync("lab-03-published-phone");

        // A colleague reports it: it leaves the gallery and goes to the admins.
        var colleague = await server.NewPageAsync();
        await colleague.SignInAsync("u000022");
        await colleague.GoAsync(recordUrl);
        await colleague.ClickAsync("[data-testid=lab-report]");
        await colleague.FillAsync("textarea[data-testid=reason]", "照片与实验内容不符");
        await colleague.ClickAsync("[data-testid=reason-submit]");
        await Expect(colleague.Locator(".mud-snackbar")).ToContainTextAsync("已举报");
        await Expect(colleague.Locator("body")).ToContainTextAsync("未找到该记录");

        // The county admin finds it in the queue and returns it with a reason.
        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/labs/review");
        await Expect(county.Locator("[data-testid=review-queue]")).ToContainTextAsync("照片与实验内容不符");
        await county.ShotAsync("lab-04-review-queue");
        await county.GoAsync(recordUrl);
        await county.ClickAsync("[data-testid=lab-return]");
        await county.FillAsync("textarea[data-testid=reason]", "照片未体现学生分组实验过程");
        await county.ClickAsync("[data-testid=reason-submit]");
        await Expect(county.Locator("[data-testid=lab-state]")).ToHaveTextAsync("已退回");

        // The teacher sees it as returned, may delete it, and has no way to publish it.
        await teacher.GoAsync("/labs/mine");
        await Expect(teacher.Locator("[data-testid=my-labs]")).ToContainTextAsync("已退回");
        await teacher.GoAsync(recordUrl);
        await Expect(teacher.Locator("[data-testid=returned-notice]")).ToContainTextAsync("不能再发布");
        await Expect(teacher.Locator("[data-testid=review-comment]")).ToContainTextAsync("照片未体现学生分组实验过程");
        await Expect(teacher.Locator("[data-testid=lab-delete]")).ToBeVisibleAsync();
        await Expect(teacher.Locator("[data-testid=lab-withdraw]")).ToHaveCountAsync(0);
        await Expect(teacher.Locator("text=编辑并发布")).ToHaveCountAsync(0);
        await Expect(teacher.Locator("[data-testid=lab-history]")).ToContainTextAsync("退回");
        await teacher.ShotAsync("lab-05-returned-teacher-phone");

        // Nobody else sees it.
        await colleague.GoAsync(recordUrl);
        await Expect(colleague.Locator("body")).ToContainTextAsync("未找到该记录");
    }

    [Fact]
    public async Task The_county_admin_sees_statistics_with_quiet_schools_highlighted_and_the_gallery_filters()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await page.GoAsync("/labs/stats");
        await Expect(page.Locator("[data-testid=stats-schools]")).ToContainTextAsync("东溪区");
        await Expect(page.Locator("[data-testid=inactive-chip]").First).ToBeVisibleAsync();
        await page.ShotAsync("lab-06-statistics");
        await page.GoAsync("/labs");
        await Expect(page.Locator("[data-testid=gallery-card]").First).ToBeVisibleAsync();
        await PickAsync(page, "gallery-subject", "化学");
        await page.ClickAsync("[data-testid=gallery-search]");
        await Expect(page.Locator("[data-testid=gallery-card]").First).ToContainTextAsync("化学");
        await page.ShotAsync("lab-07-gallery");
    }
}
