using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E;

/// <summary>Roster import, the audit log and the profile page as their users walk them.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class AdminPagesTests(PortalServer server)
{
    private static string RosterFile(params (string Name, string Phone, string Subjects)[] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("教师名单");
        sheet.Cell(1, 1).Value = "姓名";
        sheet.Cell(1, 2).Value = "手机号";
        sheet.Cell(1, 3).Value = "任教学科";
        for (var i = 0; i < rows.Length; i++)
        {
            sheet.Cell(i + 2, 1).Value = rows[i].Name;
            sheet.Cell(i + 2, 2).SetValue(rows[i].Phone);
            sheet.Cell(i + 2, 3).Value = rows[i].Subjects;
        }
        var path = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.xlsx");
        workbook.SaveAs(path);
        return path;
    }

    [Fact]
    public async Task A_school_admin_imports_a_roster_sees_the_bad_row_and_imports_the_valid_ones()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("school_admin");
        await page.GoAsync("/accounts/import");
        var file = RosterFile(("马晓东", "13688880001", "数学"), ("韩梅", "13688880002", "英语、音乐"), ("错误行", "8888", "天文"));
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        var errors = page.Locator("[data-testid=row-errors]");
        await Expect(errors).ToContainTextAsync("第 4 行");
        await Expect(errors).ToContainTextAsync("手机号“8888”无效");
        await Expect(errors).ToContainTextAsync("未知学科：天文");
        await page.ShotAsync("10-roster-errors");

        // All-or-nothing is the default: nothing is imported.
        await page.ClickAsync("[data-testid=import]");
        await Expect(page.Locator("[data-testid=file-error]")).ToContainTextAsync("未导入任何数据");

        await page.ClickAsync("[data-testid=valid-rows-only]");
        await page.ClickAsync("[data-testid=import]");
        await Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("已导入 2 名教师，跳过 1 行错误数据");
        await page.ShotAsync("11-roster-imported");

        await page.GoAsync("/accounts");
        await page.FillAsync("[data-testid=search]", "1368888");
        await page.ClickAsync("[data-testid=apply-filter]");
        await Expect(page.Locator("[data-testid=accounts-table]")).ToContainTextAsync("韩梅");
        await Expect(page.Locator("[data-testid=accounts-table]")).ToContainTextAsync("英语、音乐");
    }

    [Fact]
    public async Task A_county_admin_finds_a_change_in_the_audit_log()
    {
        var page = await server.NewPageAsync();
        await page.SignInAsync("county_admin");
        await page.GoAsync("/org");
        await page.Locator("[data-testid=org-table] a").Filter(new LocatorFilterOptions { HasText = "东溪区第三小学" }).ClickAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.Locator("[data-testid=unit-name]")).ToHaveTextAsync("东溪区第三小学");
        await page.FillAsync("[data-testid=unit-phone]", "12345");
        await page.ClickAsync("[data-testid=save-unit]");
        await Expect(page.Locator(".mud-input-helper-text").Filter(new LocatorFilterOptions { HasText = "请输入有效的手机号或带区号的固定电话" })).ToBeVisibleAsync();
        await page.ShotAsync("12-org-unit-bad-phone");
        // Removing a class asks first; cancelling keeps it.
        var firstGradeChips = page.Locator(".mud-chip").Filter(new LocatorFilterOptions { HasText = "1 班" });
        var chipsBefore = await firstGradeChips.CountAsync();
        await firstGradeChips.First.Locator("button").Last.ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("确定删除一年级1班吗");
        await page.Locator(".mud-dialog button").Filter(new LocatorFilterOptions { HasText = "取消" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(firstGradeChips).ToHaveCountAsync(chipsBefore);

        await page.FillAsync("[data-testid=unit-phone]", "0913-2663755");
        await page.FillAsync("[data-testid=class-count]", "5");
        await page.ClickAsync("[data-testid=save-unit]");
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "已保存" })).ToBeVisibleAsync();

        await page.GoAsync("/audit");
        await page.FillAsync("[data-testid=audit-text]", "东溪区第三小学");
        await page.ClickAsync("[data-testid=audit-search]");
        await Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("修改单位“东溪区第三小学”的信息");
        await Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("→ 0913-2663755");
        await page.ShotAsync("13-audit-log");
    }

    [Fact]
    public async Task A_teacher_uploads_an_avatar_and_a_fake_image_is_refused_next_to_the_field()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.SignInAsync("teacher");
        await page.GoAsync("/me");
        var fake = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.jpg");
        await File.WriteAllTextAsync(fake, "not really a photo");
        await page.Locator("input[type=file]").SetInputFilesAsync(fake);
        await Expect(page.Locator("[data-testid=avatar-error]")).ToContainTextAsync("请勿仅修改扩展名");

        await page.Locator("input[type=file]").First.SetInputFilesAsync(PortalSteps.TinyPngFile("avatar"));
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "头像已更新" })).ToBeVisibleAsync();
        var avatar = page.Locator("img[alt=头像]");
        await Expect(avatar).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/files/avatars/.+-thumb\\.jpg$"));
        var response = await page.APIRequest.GetAsync(await avatar.GetAttributeAsync("src") ?? "");
        Assert.Equal(200, response.Status);
        await page.ShotAsync("14-profile-phone");
    }
}
