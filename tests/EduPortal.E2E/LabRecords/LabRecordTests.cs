using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.LabRecords;

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

        await FillPhysicsLessonAsync(teacher);
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
        await Expect(teacher.Locator("[data-testid=lab-publish]")).ToHaveCountAsync(0);
        await Expect(teacher.Locator("[data-testid=lab-history]")).ToContainTextAsync("退回");
        await teacher.ShotAsync("lab-05-returned-teacher-phone");

        // Nobody else sees it.
        await colleague.GoAsync(recordUrl);
        await Expect(colleague.Locator("body")).ToContainTextAsync("未找到该记录");
    }

    [Fact]
    public async Task The_school_admin_sees_a_reporters_history_in_the_queue_and_restores_what_they_hid_at_once()
    {
        var teacher = await server.NewPageAsync();
        await teacher.SignInAsync("teacher");
        await teacher.GoAsync("/labs/new");
        await FillPhysicsLessonAsync(teacher, "第 4 节");
        await teacher.ClickAsync("[data-testid=lab-publish]");
        await Expect(teacher.Locator("[data-testid=lab-state]")).ToHaveTextAsync("自审发布");
        var recordUrl = new Uri(teacher.Url).AbsolutePath;

        var reporter = await server.NewPageAsync();
        await reporter.SignInAsync("u000023");
        var reporterName = (await reporter.Locator("[data-testid=user-name]").First.InnerTextAsync()).Trim();
        await reporter.GoAsync(recordUrl);
        await reporter.ClickAsync("[data-testid=lab-report]");
        await reporter.FillAsync("textarea[data-testid=reason]", "看着不像真的");
        await reporter.ClickAsync("[data-testid=reason-submit]");
        await Expect(reporter.Locator(".mud-snackbar")).ToContainTextAsync("已举报");

        var admin = await server.NewPageAsync();
        await admin.SignInAsync("school_admin");
        await admin.GoAsync("/labs/review");
        var row = admin.Locator("[data-testid=reporters] tbody tr").Filter(new LocatorFilterOptions { HasText = reporterName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-label=今日举报]")).Not.ToHaveTextAsync("0");
        await admin.ShotAsync("lab-reporters-history");
        await row.Locator("[data-testid=restore-reporter]").ClickAsync();
        await Expect(admin.Locator(".mud-dialog")).ToContainTextAsync(reporterName);
        await admin.FillAsync("textarea[data-testid=reason]", "举报均不属实");
        await admin.ShotAsync("lab-reporters-restore-dialog");
        await admin.ClickAsync("[data-testid=reason-submit]");
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("已恢复");
        await Expect(row).ToHaveCountAsync(0);

        // The record shows again, passed, with the restoring admin as its reviewer.
        await reporter.GoAsync(recordUrl);
        await Expect(reporter.Locator("[data-testid=lab-state]")).ToHaveTextAsync("审核通过");
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
        await page.ClickAsync("text=开出率");
        await Expect(page.Locator("[data-testid=coverage-rate]").First).ToBeVisibleAsync();
        await page.ShotAsync("lab-06b-statistics-coverage");
        var phone = await server.NewPageAsync(phone: true);
        await phone.SignInAsync("county_admin");
        await phone.GoAsync("/labs/stats");
        await Expect(phone.Locator("[data-testid=stats-school-bars]")).ToBeVisibleAsync();
        await phone.ShotAsync("lab-06c-statistics-phone");
        // circular 000 §二.3: IT cannot be opened for recording before the catalogue has entries for it.
        await page.GoAsync("/labs/catalogue");
        await Expect(page.Locator("[data-testid=opening-InformationTechnology]")).ToContainTextAsync("未开放");
        await page.Locator("[data-testid=opening-InformationTechnology] input").ClickAsync();
        await Expect(page.Locator("[data-testid=opening-error-InformationTechnology]")).ToContainTextAsync("请先在目录中添加实验");
        await Expect(page.Locator("[data-testid=opening-InformationTechnology]")).ToContainTextAsync("未开放");
        await Expect(page.Locator("[data-testid=opening-InformationTechnology] input")).Not.ToBeCheckedAsync();
        await page.ShotAsync("lab-14-catalogue-openings");
        await page.GoAsync("/labs");
        await Expect(page.Locator("[data-testid=gallery-card]").First).ToBeVisibleAsync();
        await PickAsync(page, "gallery-subject", "化学");
        await page.ClickAsync("[data-testid=gallery-search]");
        await Expect(page.Locator("[data-testid=gallery-card]").First).ToContainTextAsync("化学");
        await page.ShotAsync("lab-07-gallery");
    }

    /// <summary>The whole MudBlazor field (label, input and its message) around the input with the test id.</summary>
    private static ILocator FieldOf(IPage page, string testId) =>
        page.Locator(".mud-input-control").Filter(new LocatorFilterOptions { Has = page.Locator($"[data-testid={testId}]") }).Last;

    /// <summary>Fills the capture form with a physics lesson in the given period and its three photos (the page must be /labs/new).</summary>
    private static async Task FillPhysicsLessonAsync(IPage teacher, string period = "第 3 节")
    {
        await PickAsync(teacher, "lab-subject", "物理");
        await PickAsync(teacher, "lab-kind", "学生分组实验");
        await PickAsync(teacher, "lab-class", "高一1班");
        await PickAsync(teacher, "lab-experiment", null);
        await PickAsync(teacher, "lab-period", period);
        foreach (var slot in new[] { "FrontToBack", "BackToFront", "GroupCloseUp" })
        {
            await teacher.Locator($"[data-testid=slot-{slot}] input[type=file]").SetInputFilesAsync(PortalSteps.TinyPngFile("lab"));
            await Expect(teacher.Locator($"[data-testid=slot-{slot}] img")).ToBeVisibleAsync();
            await Expect(teacher.Locator($"[data-testid=upload-{slot}]")).ToBeEnabledAsync();
        }
    }

    [Fact]
    public async Task Publishing_a_blank_form_creates_nothing_and_a_closed_subject_quotes_the_circular()
    {
        var teacher = await server.NewPageAsync(phone: true);
        await teacher.SignInAsync("teacher");
        await teacher.GoAsync("/labs/new");
        await Expect(teacher.Locator("[data-testid=draft-notice]")).ToHaveCountAsync(0);

        await teacher.ClickAsync("[data-testid=lab-publish]");
        await Expect(teacher.Locator("[data-testid=slot-error-FrontToBack]")).ToContainTextAsync("请上传");
        await Expect(FieldOf(teacher, "lab-title")).ToContainTextAsync("请先选择学科");
        // The count names exactly the fields marked red, and the message sits at the top, clear of the buttons.
        var marked = await teacher.Locator(".mud-input-helper-text.mud-input-error").CountAsync() + await teacher.Locator("[data-testid^=slot-error-]").CountAsync();
        await Expect(teacher.Locator(".mud-snackbar")).ToContainTextAsync($"有 {marked} 处需要修改");
        await teacher.ShotAsync("lab-08-blank-publish-phone");
        var snackbar = await teacher.Locator(".mud-snackbar").BoundingBoxAsync();
        var publish = await teacher.Locator("[data-testid=lab-publish]").BoundingBoxAsync();
        Assert.True(snackbar!.Y + snackbar.Height <= publish!.Y || publish.Y + publish.Height <= snackbar.Y, "the snackbar covers the 发布 button");

        // Nothing was created: a fresh visit shows no draft, and the error does not follow to another page.
        await teacher.GoAsync("/labs/mine");
        await Expect(teacher.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await Expect(teacher.Locator("[data-testid=my-lab-publish]")).ToHaveCountAsync(0);
        await teacher.GoAsync("/labs/new");
        await Expect(teacher.Locator("[data-testid=draft-notice]")).ToHaveCountAsync(0);

        // circular 000 §二.3: IT waits for its catalogue; the form says so in the circular's words.
        await PickAsync(teacher, "lab-subject", "信息技术");
        await Expect(teacher.Locator("[data-testid=subject-closed]")).ToContainTextAsync("通用技术、信息技术教师待实验目录完善后开展记录工作");
        await teacher.ShotAsync("lab-09-closed-subject-phone");
        await teacher.ClickAsync("[data-testid=lab-save]");
        await Expect(FieldOf(teacher, "lab-subject")).ToContainTextAsync("信息技术学科暂未开放记录");
        await teacher.GoAsync("/labs/new");
        await Expect(teacher.Locator("[data-testid=draft-notice]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_withdrawn_record_is_published_again_with_one_button_in_my_records()
    {
        var teacher = await server.NewPageAsync(phone: true);
        await teacher.SignInAsync("teacher");
        await teacher.GoAsync("/labs/new");
        await FillPhysicsLessonAsync(teacher);
        await teacher.ClickAsync("[data-testid=lab-publish]");
        await Expect(teacher.Locator("[data-testid=lab-state]")).ToHaveTextAsync("自审发布");
        var id = new Uri(teacher.Url).AbsolutePath.Split('/').Last();

        await teacher.GoAsync("/labs/mine");
        var actions = teacher.Locator($"[data-testid=my-lab-actions-{id}]");
        await actions.Locator("button[data-testid=my-lab-withdraw]").ClickAsync();
        await Expect(actions.Locator("button[data-testid=my-lab-publish]")).ToBeVisibleAsync();
        await teacher.ShotAsync("lab-10-my-records-withdrawn-phone");

        // One press: the record is shown again, and the list stays where it was.
        await actions.Locator("button[data-testid=my-lab-publish]").ClickAsync();
        await Expect(actions.Locator("button[data-testid=my-lab-withdraw]")).ToBeVisibleAsync();
        await Expect(teacher.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已发布" })).ToBeVisibleAsync();
        Assert.EndsWith("/labs/mine", teacher.Url, StringComparison.Ordinal);
        await teacher.GoAsync($"/labs/{id}");
        await Expect(teacher.Locator("[data-testid=lab-state]")).ToHaveTextAsync("自审发布");
    }

    [Fact]
    public async Task On_a_phone_the_gallery_folds_its_filters_and_a_photo_opens_full_size()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.SignInAsync("county_admin");
        await page.GoAsync("/labs");
        await Expect(page.Locator("[data-testid=gallery-card]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=gallery-filters]")).ToBeHiddenAsync();
        await page.ShotAsync("lab-11-gallery-phone");
        await page.ClickAsync("[data-testid=gallery-filter-toggle]");
        await Expect(page.Locator("[data-testid=gallery-filters]")).ToBeVisibleAsync();
        await page.ShotAsync("lab-12-gallery-filters-phone");
        await page.ClickAsync("[data-testid=gallery-filter-toggle]");

        // A demo photo (the last card: the first ones may hold the tiny test uploads) opens at full size.
        await page.Locator("[data-testid=gallery-photo]").Last.ClickAsync();
        await Expect(page.Locator("[data-testid=photo-full]")).ToBeVisibleAsync();
        Assert.DoesNotContain("thumb", await page.Locator("[data-testid=photo-full]").GetAttributeAsync("src") ?? "thumb", StringComparison.Ordinal);
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "lab-13-photo-viewer-phone.png") });
        await page.ClickAsync("[data-testid=photo-close]");

        // The record page's photos open the same way.
        await page.Locator("[data-testid=gallery-card] .mud-card-content").First.ClickAsync();
        await page.Locator("[data-testid=lab-photo]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=photo-full]")).ToBeVisibleAsync();
    }
}
