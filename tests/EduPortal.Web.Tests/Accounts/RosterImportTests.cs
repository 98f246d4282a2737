using ClosedXML.Excel;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Accounts;

[Collection(PortalCollection.Name)]
public sealed class RosterImportTests(PortalFactory portal)
{
    [Fact]
    public async Task Every_bad_row_is_reported_with_its_row_number_and_reason()
    {
        using var file = new MemoryStream(RosterFiles.Build(
            ("李明", "13622220001", "数学"),
            ("", "13622220002", "语文"),
            ("王芳", "12345", "英语"),
            ("赵强", "13622220001", "体育与健康"),
            ("陈静", "13800000004", "物理"),
            ("周杰", "13622220006", "天文")));
        var rows = (await portal.Service<RosterImportService>().ParseAsync(file)).Value!;
        Assert.True(rows[0].IsValid);
        Assert.Equal((3, "姓名为空"), (rows[1].RowNumber, rows[1].Errors.Single()));
        Assert.Equal("手机号“12345”无效", rows[2].Errors.Single());
        Assert.Equal("手机号与第 2 行重复", rows[3].Errors.Single());
        Assert.Equal("手机号 13800000004 已注册", rows[4].Errors.Single());
        Assert.Equal("未知学科：天文", rows[5].Errors.Single());
    }

    [Fact]
    public async Task With_any_bad_row_nothing_is_imported_unless_the_admin_asks_for_the_valid_rows()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var importer = portal.Service<RosterImportService>();
        var content = RosterFiles.Build(("吴雪", "13633330001", "数学、物理"), ("郑华", "13633330002", "语文"), ("坏行", "999", "语文"));

        var refused = await importer.ImportAsync(admin, admin.OrgUnitId, new MemoryStream(content), RosterImportMode.AllOrNothing);
        Assert.IsType<ValidationError>(refused.Error);
        await using (var db = await portal.DbAsync())
        {
            Assert.False(await db.Users.AnyAsync(u => u.PhoneNumber == "13633330001" || u.PhoneNumber == "13633330002"));
        }

        var imported = await importer.ImportAsync(admin, admin.OrgUnitId, new MemoryStream(content), RosterImportMode.ValidRowsOnly);
        Assert.True(imported.Succeeded, imported.Error?.Message);
        Assert.Equal(2, imported.Value!.Imported);
        Assert.Equal(4, Assert.Single(imported.Value.Skipped).RowNumber);

        await using var check = await portal.DbAsync();
        var wu = await check.Users.SingleAsync(u => u.PhoneNumber == "13633330001");
        Assert.Equal((AccountStatus.Active, AdminLevel.Teacher, admin.OrgUnitId, "数学、物理"), (wu.Status, wu.Level, wu.OrgUnitId, wu.SubjectsText));

        // The credentials workbook holds a password that really opens the account.
        using var workbook = new XLWorkbook(new MemoryStream(imported.Value.CredentialsWorkbook));
        var sheet = workbook.Worksheet(1);
        var row = sheet.RowsUsed().Skip(1).Single(r => r.Cell(2).GetString() == "13633330001");
        var password = row.Cell(3).GetString();
        Assert.Equal(10, password.Length);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<ApplicationUser>().VerifyHashedPassword(wu, wu.PasswordHash!, password));
        // It is a temporary password: the teacher must choose their own at the first sign-in.
        Assert.True(wu.MustChangePassword);
    }

    [Fact]
    public async Task A_file_that_is_not_the_template_is_refused_with_a_message()
    {
        var importer = portal.Service<RosterImportService>();
        var notExcel = await importer.ParseAsync(new MemoryStream("姓名,手机号\n张三,13900000000"u8.ToArray()));
        Assert.Equal("无法读取该文件，请使用下载的 Excel 模板（.xlsx）", Assert.IsType<ValidationError>(notExcel.Error).Fields["File"]);

        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Sheet1").Cell(1, 1).Value = "名字";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        var wrongHeaders = await importer.ParseAsync(stream);
        Assert.Contains("应为“姓名”", Assert.IsType<ValidationError>(wrongHeaders.Error).Fields["File"]);
    }
}
