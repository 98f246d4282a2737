using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

[Collection(PortalCollection.Name)]
public sealed class SmartboardLedgerTests(PortalFactory portal)
{
    private static MemoryStream Workbook(params string[][] rows) => ImportFiles.FromTemplate(SmartboardLedgerService.BuildTemplate(), rows);

    private static string Tag() => "IMP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task A_ledger_with_a_bad_row_is_refused_whole_with_each_rows_problems()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var register = (await portal.Service<SmartboardRegisterService>().GetRegisterAsync(admin, admin.OrgUnitId))!;
        var room = register.Rooms.First(r => r.Kind == ClassroomKind.Ordinary).Name;
        var existing = register.Rooms.SelectMany(r => r.Devices).First().AssetTag;
        var good = Tag();
        var file = Workbook(
            [good, "交互式一体机", "希沃", "MC86", "S1", "薄改", "2024-08-01", "14500", "2024-08-20", "2027-08-01", "在用", room, ""],
            [existing, "投影", "", "", "", "", "", "", "", "", "闲置", "", ""],
            [good.ToLowerInvariant(), "白板", "", "", "", "", "", "", "", "", "闲置", "", ""],
            [Tag(), "飞机", "", "", "", "众筹", "2024-13-01", "一万", "", "", "维修中", "火星教室", ""],
            [Tag(), "电脑", "", "", "", "", "", "", "", "", "在用", "", ""]);
        var result = await portal.Service<SmartboardLedgerService>().ImportAsync(admin, admin.OrgUnitId, file);
        Assert.True(result.Succeeded, result.Error?.Message);
        var outcome = result.Value!;
        Assert.Equal(0, outcome.Imported);
        var rejected = outcome.Rejected.ToDictionary(r => r.RowNumber);
        Assert.DoesNotContain(2, rejected.Keys);
        Assert.Contains($"资产编号 {existing} 在本校已存在", rejected[3].Errors);
        Assert.Contains($"资产编号 {good} 与第 2 行重复", rejected[4].Errors);
        Assert.Contains("设备类型“飞机”无法识别", rejected[5].Errors);
        Assert.Contains("经费来源“众筹”无法识别", rejected[5].Errors);
        Assert.Contains("购置日期“2024-13-01”无法识别，请按 2024-08-01 填写", rejected[5].Errors);
        Assert.Contains("购置金额“一万”应为数字", rejected[5].Errors);
        Assert.Contains("状态“维修中”只能填写 在用 或 闲置", rejected[5].Errors);
        Assert.Contains("所在教室“火星教室”不存在，请先在台账中新增教室", rejected[5].Errors);
        Assert.Contains("在用设备须登记所在教室", rejected[6].Errors);
        await using var db = await portal.DbAsync();
        Assert.False(await db.Devices.AnyAsync(d => d.AssetTag == good));
    }

    [Fact]
    public async Task A_clean_ledger_is_imported_with_history_audit_and_new_class_rooms()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        await using var db = await portal.DbAsync();
        // A class of the demo school whose room is not registered yet: take one room away for the test.
        var school = await portal.DemoSchoolAsync();
        var className = school.Classes.OrderByDescending(c => c.Grade).ThenByDescending(c => c.Number).First().DisplayName;
        var emptyRoom = await db.Classrooms.Where(c => c.SchoolId == school.Id && c.Name == className).SingleOrDefaultAsync();
        if (emptyRoom is not null)
        {
            await db.Devices.Where(d => d.ClassroomId == emptyRoom.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClassroomId, (int?)null)
                .SetProperty(d => d.Status, DeviceStatus.Idle));
            await db.Classrooms.Where(c => c.Id == emptyRoom.Id).ExecuteDeleteAsync();
        }
        var tags = new[] { Tag(), Tag() };
        var file = Workbook(
            [tags[0], "交互式一体机", "希沃", "MC86", "S1", "薄改", "2024-08-01", "14,500.50", "2024-08-20", "2027-08-01", "", className, "导入测试"],
            [tags[1], "投影仪", "爱普生", "", "", "自筹", "2020/3/5", "", "", "", "闲置", "", ""]);
        var result = await portal.Service<SmartboardLedgerService>().ImportAsync(admin, school.Id, file);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Empty(result.Value!.Rejected);
        Assert.Equal(2, result.Value.Imported);
        Assert.Equal(1, result.Value.RoomsCreated);
        var imported = await db.Devices.Include(d => d.Events).Where(d => tags.Contains(d.AssetTag)).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(DeviceStatus.InUse, imported[0].Status);
        Assert.Equal(14500.50m, imported[0].PurchaseValue);
        Assert.Equal(DeviceType.Projector, imported[1].Type);
        Assert.Equal(new DateOnly(2020, 3, 5), imported[1].PurchaseDate);
        Assert.All(imported, d => Assert.Equal(DeviceEventKind.Imported, Assert.Single(d.Events).Kind));
        var room = await db.Classrooms.SingleAsync(c => c.Id == imported[0].ClassroomId);
        Assert.Equal(className, room.Name);
        Assert.NotNull(room.SchoolClassId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardDevicesImported && a.ActorId == admin.UserId));
    }

    [Fact]
    public async Task Only_the_schools_admin_imports_and_another_school_is_not_found()
    {
        var other = await portal.NeighbourSchoolAsync();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var ledger = portal.Service<SmartboardLedgerService>();
        Assert.IsType<NotFoundError>((await ledger.ImportAsync(admin, other.Id, Workbook([Tag(), "电脑"]))).Error);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.IsType<ForbiddenError>((await ledger.ImportAsync(county, admin.OrgUnitId, Workbook([Tag(), "电脑"]))).Error);
        var notExcel = await ledger.ImportAsync(admin, admin.OrgUnitId, new MemoryStream("hello"u8.ToArray()));
        Assert.Equal("无法读取该文件，请使用下载的 Excel 模板（.xlsx）", Assert.IsType<ValidationError>(notExcel.Error).Fields["File"]);
    }

    [Fact]
    public async Task The_export_lists_every_device_of_the_callers_subtree_with_a_caption()
    {
        var (county, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        var response = await county.GetAsync("/smartboards/ledger.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        var caller = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.StartsWith($"{caller.OrgUnitName}班班通设备台账", sheet.Cell(1, 1).GetString());
        Assert.Contains($"截至 {ChinaTime.FormatDate(portal.Today)}", sheet.Cell(1, 1).GetString());
        Assert.Contains("导出于", sheet.Cell(1, 1).GetString());
        Assert.Equal("资产编号", sheet.Cell(2, 4).GetString());
        await using var db = await portal.DbAsync();
        var expected = await db.Devices.CountAsync(d => d.CountyId == caller.OrgUnitId);
        Assert.Equal(expected, sheet.LastRowUsed()!.RowNumber() - 2);

        var other = await portal.NeighbourSchoolAsync();
        var (admin, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/smartboards/schools/{other.Id}/ledger.xlsx")).StatusCode);
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/smartboards/ledger.xlsx")).StatusCode);
        var own = await admin.GetAsync($"/smartboards/schools/{caller.OrgUnitId}/ledger.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode); // the county's id is not a school
    }
}
