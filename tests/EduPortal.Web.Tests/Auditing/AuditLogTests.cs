using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Auditing;

[Collection(PortalCollection.Name)]
public sealed class AuditLogTests(PortalFactory portal)
{
    [Fact]
    public async Task The_audit_log_is_append_only()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = await portal.DemoSchoolAsync();
        var updated = await portal.Service<OrgService>().UpdateAsync(admin, school.Id, new OrgUnitInput { Name = school.Name, Stage = school.Stage, StudentCount = school.StudentCount + 1, Phone = school.Phone });
        Assert.True(updated.Succeeded, updated.Error?.Message);

        await using var db = await portal.DbAsync();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == AuditActions.OrgUnitUpdated && a.EntityId == school.Path);
        Assert.Equal(admin.UserId, entry.ActorId);
        Assert.Contains($"{school.StudentCount}", entry.Before);
        Assert.Contains($"{school.StudentCount + 1}", entry.After);

        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Entry(entry).Property(e => e.Summary).CurrentValue = "tampered";
        db.Entry(entry).State = EntityState.Modified;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData("{\"电话\":\"0976-1\",\"学生数\":10}", "{\"电话\":\"0913-2\",\"学生数\":10}", "电话：0976-1 → 0913-2")]
    [InlineData(null, "{\"姓名\":\"王芳\"}", "新值：姓名：王芳")]
    [InlineData("{\"级别\":\"教师\"}", "{\"级别\":\"教师\"}", "（无变化）")]
    public void The_log_shows_only_what_changed(string? before, string? after, string expected)
    {
        Assert.Equal(expected, EduPortal.Web.Features.Auditing.AuditFormatting.Change(before, after));
    }

    [Fact]
    public async Task The_log_filters_by_action_and_text_and_exports_to_excel()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.NeighbourSchoolAsync();
        Assert.True((await portal.Service<OrgService>().UpdateAsync(county, school.Id, new OrgUnitInput { Name = school.Name, Stage = school.Stage, StudentCount = 1234, Phone = school.Phone })).Succeeded);
        var audit = portal.Service<EduPortal.Web.Features.Auditing.AuditLogService>();
        var found = (await audit.SearchAsync(county, new EduPortal.Web.Features.Auditing.AuditQuery(AuditActions.OrgUnitUpdated, school.Name))).Value;
        Assert.True(found.Total >= 1);
        Assert.All(found.Rows, r => Assert.Equal(AuditActions.OrgUnitUpdated, r.Action));
        var bytes = (await audit.ExportAsync(county, new EduPortal.Web.Features.Auditing.AuditQuery(AuditActions.OrgUnitUpdated))).Value!;
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("时间", workbook.Worksheet(1).Cell(1, 1).GetString());
        Assert.True(workbook.Worksheet(1).RowsUsed().Count() >= 2);
        // Before/after read as "字段：值", not raw JSON.
        Assert.Contains(workbook.Worksheet(1).Column(6).CellsUsed(), c => c.GetString().Contains("学生数：1234"));
    }
}
