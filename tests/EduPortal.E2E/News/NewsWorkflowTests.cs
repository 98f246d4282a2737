using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.News;

/// <summary>
/// School news as its users walk it (circular 001 §四(二)1): a teacher submits a news item with a photo, the school's space
/// admin publishes and recommends it, the county admin features it and it shows on the county's news page (desktop and a
/// 390 px phone). Then a page's help icon opens its operation guide (circular 000 附件2).
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class NewsWorkflowTests(PortalServer server)
{
    [Fact]
    public async Task A_teachers_news_is_published_recommended_and_featured_on_the_county_page()
    {
        var title = $"实验开放周-{Guid.NewGuid():N}"[..16];
        var teacher = await server.NewPageAsync();
        await teacher.ExplainingFailureAsync("news-teacher", async () =>
        {
            await teacher.SignInAsync("teacher");
            await teacher.GoAsync("/news/new");
            // An empty submission is refused next to the fields.
            await teacher.ClickAsync("[data-testid=news-submit]");
            await Expect(teacher.Locator(".mud-input-control").Filter(new() { Has = teacher.Locator("[data-testid=news-title]") })).ToContainTextAsync("请填写新闻标题");
            await teacher.FillAsync("[data-testid=news-title]", title);
            await teacher.FillAsync("[data-testid=news-body]", "本周我校举办“走进实验室”科学实验开放周活动，各年级学生分组完成了水的净化、电路连接等实验。");
            await teacher.Locator("input[type=file]").SetInputFilesAsync(PortalSteps.TinyPngFile("news"));
            await Expect(teacher.Locator("[data-testid=news-photo-chosen]")).ToHaveCountAsync(1);
            await teacher.ShotAsync("news-01-teacher-form");
            await teacher.ClickAsync("[data-testid=news-submit]");
            await Expect(teacher.Locator("[data-testid=news-status]")).ToHaveTextAsync("待审核");
            await Expect(teacher.Locator("[data-testid=news-photo]")).ToHaveCountAsync(1);
            await teacher.ShotAsync("news-02-teacher-submitted");
        });
        var path = new Uri(teacher.Url).PathAndQuery;

        var admin = await server.NewPageAsync();
        await admin.ExplainingFailureAsync("news-school-admin", async () =>
        {
            await admin.SignInAsync("school_admin");
            await admin.GoAsync("/news/review");
            await Expect(admin.Locator("[data-testid=news-card-title]").Filter(new() { HasText = title })).ToHaveCountAsync(1);
            await admin.ShotAsync("news-03-admin-queue");
            await admin.GoAsync(path);
            await admin.ClickAsync("[data-testid=news-publish]");
            await Expect(admin.Locator("[data-testid=news-status]")).ToHaveTextAsync("已发布");
            await admin.ClickAsync("[data-testid=news-recommend]");
            await Expect(admin.Locator("[data-testid=news-recommendation]")).ToHaveTextAsync("已推荐到县区");
            await admin.ShotAsync("news-04-admin-recommended");
        });

        var county = await server.NewPageAsync();
        await county.ExplainingFailureAsync("news-county", async () =>
        {
            await county.SignInAsync("county_admin");
            await county.GoAsync("/news/review");
            await county.Locator("[data-testid=news-card-title]").Filter(new() { HasText = title }).ClickAsync();
            await county.WaitForCircuitAsync();
            await county.ClickAsync("[data-testid=news-feature]");
            await Expect(county.Locator("[data-testid=news-recommendation]")).ToHaveTextAsync("县区精选");
            await county.GoAsync("/news/county");
            await Expect(county.Locator("[data-testid=news-card-title]").Filter(new() { HasText = title })).ToHaveCountAsync(1);
            await county.ShotAsync("news-05-county-page");
        });

        // The teacher's phone shows it on the county page too.
        var phone = await server.NewPageAsync(phone: true);
        await phone.ExplainingFailureAsync("news-phone", async () =>
        {
            await phone.SignInAsync("teacher");
            await phone.GoAsync("/news/county");
            await Expect(phone.Locator("[data-testid=news-card-title]").Filter(new() { HasText = title })).ToHaveCountAsync(1);
            await phone.ShotAsync("news-06-county-page-phone");
        });
    }

    [Fact]
    public async Task A_pages_help_icon_opens_its_guide()
    {
        var page = await server.NewPageAsync();
        await page.ExplainingFailureAsync("guide-help", async () =>
        {
            await page.SignInAsync("teacher");
            await page.GoAsync("/labs/new");
            await page.ClickAsync("[data-testid=help-link]");
            await Expect(page.Locator("[data-testid=guide-title]")).ToHaveTextAsync("记录实验课（拍照上传）");
            await Expect(page.Locator("[data-testid=guide-body]")).ToContainTextAsync("教室从前向后全场");
            await page.ShotAsync("guide-01-labs-record");
            await page.GoAsync("/guides");
            await Expect(page.Locator("[data-testid=guide-index-item]").Filter(new() { HasText = "学校新闻投稿" })).ToHaveCountAsync(1);
            await page.ShotAsync("guide-02-index-teacher");

            // Feedback with a screenshot; the county's editor sees it in the inbox.
            await page.GoAsync("/suggestions");
            await page.FillAsync("[data-testid=feedback-text]", "建议在“我的实验”中增加按学期筛选。");
            await page.Locator("input[type=file]").SetInputFilesAsync(PortalSteps.TinyPngFile("feedback"));
            await page.ClickAsync("[data-testid=feedback-send]");
            await Expect(page.Locator("[data-testid=feedback-table]")).ToContainTextAsync("建议在“我的实验”中增加按学期筛选");
            await page.ShotAsync("feedback-01-teacher-sent");
        });
        var editor = await server.NewPageAsync();
        await editor.ExplainingFailureAsync("feedback-editor", async () =>
        {
            await editor.SignInAsync("county_admin");
            await editor.GoAsync("/suggestions/inbox");
            await Expect(editor.Locator("[data-testid=feedback-table]")).ToContainTextAsync("建议在“我的实验”中增加按学期筛选");
            await editor.ShotAsync("feedback-02-editor-inbox");
        });
    }
}
