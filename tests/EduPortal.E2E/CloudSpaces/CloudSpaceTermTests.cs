using System.Text;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.CloudSpaces;

/// <summary>A school admin imports the cloud platform's statistics; the teacher sees an unmet target with its reason (issue 12, circular 001).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class CloudSpaceTermTests(PortalServer server)
{
    private static readonly string[] Headers =
        ["手机号", "姓名", "文章数", "原创文章数", "课件数", "教学案数", "教学视频数", "其他资源数", "原创资源数", "照片数", "相册数", "页头已设置", "背景已设置", "自定义模块数", "常用应用数"];

    [Fact]
    public async Task A_school_admin_imports_statistics_and_the_teacher_sees_the_unmet_target_with_its_reason()
    {
        var teacher = await server.NewPageAsync(phone: true);
        await teacher.SignInAsync("teacher");
        await teacher.GoAsync("/me");
        var phoneField = teacher.GetByLabel("手机号");
        await Expect(phoneField).Not.ToHaveValueAsync("");
        var phoneNumber = await phoneField.InputValueAsync();

        var admin = await server.NewPageAsync();
        await admin.SignInAsync("school_admin");
        await admin.GoAsync("/cloudspaces/school");
        await Expect(admin.Locator("[data-testid=terms]")).ToBeVisibleAsync();
        await admin.Locator("[data-testid=terms] tbody a").First.ClickAsync();
        await Expect(admin.Locator("[data-testid=checklist]")).ToBeVisibleAsync();
        await admin.ClickAsync("[data-testid=go-import]");
        var file = Path.Combine(Path.GetTempPath(), $"cloud-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, string.Join(',', Headers) + "\n" + $"{phoneNumber},演示教师,10,3,6,5,3,4,8,20,4,是,是,5,4\n", new UTF8Encoding(true));
        await admin.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(admin.Locator("[data-testid=import-result]")).ToContainTextAsync("已导入 1 位教师");
        await admin.ShotAsync("cloudspaces-01-import-done");
        await admin.Locator("[data-testid=import-result] a").ClickAsync();
        await Expect(admin.Locator("[data-testid=checklist]")).ToContainTextAsync("原创文章 30%，低于 35%");
        await admin.ShotAsync("cloudspaces-02-school-checklist");

        await teacher.GoAsync("/cloudspaces/me");
        var articles = teacher.Locator("[data-testid=target-1]");
        await Expect(articles).ToHaveAttributeAsync("data-met", "false");
        await Expect(articles).ToContainTextAsync("原创文章 30%，低于 35%");
        await Expect(teacher.Locator("[data-testid=missing-summary]")).ToContainTextAsync("①发布文章");
        await teacher.ShotAsync("cloudspaces-03-teacher-phone-checklist");

        // Last term: the school's award, ranked, with the stated order.
        await admin.GoAsync("/cloudspaces/school");
        await admin.Locator("[data-testid=terms] tbody a").Nth(1).ClickAsync();
        await Expect(admin.Locator("[data-testid=awards]")).ToContainTextAsync("一等奖");
        await Expect(admin.Locator("[data-testid=award-order]")).ToContainTextAsync("合格者在前");
        await admin.Locator("[data-testid=awards]").ScrollIntoViewIfNeededAsync();
        await admin.ShotAsync("cloudspaces-04-school-award");

        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/cloudspaces/compliance");
        await Expect(county.Locator("[data-testid=school-compliance]")).ToContainTextAsync("%");
        await county.ShotAsync("cloudspaces-05-county-compliance");
    }

    [Fact]
    public async Task The_demo_shows_qualified_and_unqualified_teachers_to_the_teacher_the_school_and_the_county()
    {
        foreach (var (phone, name) in new[] { (false, "cloudspaces-06-teacher-desktop"), (true, "cloudspaces-07-teacher-phone") })
        {
            var teacher = await server.NewPageAsync(phone: phone);
            await teacher.SignInAsync("teacher");
            await teacher.GoAsync("/cloudspaces/me");
            await Expect(teacher.Locator("[data-testid=target-list]")).ToBeVisibleAsync();
            await Expect(teacher.Locator("[data-testid=target-2]")).ToHaveAttributeAsync("data-met", "true");
            await teacher.ShotAsync(name);
        }

        var admin = await server.NewPageAsync();
        await admin.SignInAsync("school_admin");
        await admin.GoAsync("/cloudspaces/school");
        await admin.Locator("[data-testid=terms] tbody a").First.ClickAsync();
        await Expect(admin.Locator("[data-testid=checklist]")).ToBeVisibleAsync();
        await admin.ShotAsync("cloudspaces-08-school-current-term");
        await admin.GoAsync("/cloudspaces/school");
        await admin.Locator("[data-testid=terms] tbody a").Nth(1).ClickAsync();
        await Expect(admin.Locator("[data-testid=checklist]")).ToContainTextAsync("合格");
        await admin.ShotAsync("cloudspaces-09-school-last-term");

        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.GoAsync("/cloudspaces/compliance");
        await Expect(county.Locator("[data-testid=school-compliance]")).ToContainTextAsync("%");
        await county.ShotAsync("cloudspaces-10-county-compliance-current");
    }
}
