using ClosedXML.Excel;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Accounts;

/// <summary>Roster import as a school admin walks it.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class RosterImportTests(PortalServer server)
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
}
