using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

[Collection(PortalCollection.Name)]
public sealed class SmartboardCoverageTests(PortalFactory portal)
{
    [Fact]
    public async Task Coverage_rolls_up_from_schools_to_the_county_and_the_city()
    {
        var service = portal.Service<SmartboardCoverageService>();
        var county = (await service.ReportAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin)))!;
        Assert.Equal(county.Schools.Sum(s => s.Classes), county.Scope.Coverage.Classes);
        Assert.Equal(county.Schools.Sum(s => s.EquippedClasses), county.Scope.Coverage.EquippedClasses);
        Assert.Equal(county.Scope.Coverage.Classes, county.Units.Sum(u => u.Coverage.Classes));
        // The demo county is partly covered (village schools lag), like circular 003's 82.9%.
        Assert.InRange(county.Scope.Coverage.Rate, 0.5, 0.99);
        Assert.Contains(county.Schools, s => !s.Coverage.MeetsTarget);
        var city = (await service.ReportAsync(await portal.CallerAsync(DemoAccounts.CityAdmin)))!;
        Assert.Contains(city.Units, u => u.Name == county.Scope.Name && u.Coverage == county.Scope.Coverage);
    }

    [Fact]
    public async Task A_class_stops_counting_once_its_only_interactive_device_is_scrapped()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<SmartboardCoverageService>();
        await using var db = await portal.DbAsync();
        var interactive = DeviceTypes.All.Where(t => t.IsInteractive()).ToList();
        var room = await db.Classrooms.Where(c => c.SchoolId == admin.OrgUnitId && c.Kind == ClassroomKind.Ordinary
                && db.Devices.Count(d => d.ClassroomId == c.Id && interactive.Contains(d.Type) && d.Status == DeviceStatus.InUse) == 1)
            .OrderByDescending(c => c.Id).FirstAsync();
        var device = await db.Devices.Where(d => d.ClassroomId == room.Id && interactive.Contains(d.Type)).SingleAsync();
        var before = Assert.Single((await service.ReportAsync(admin))!.Schools).EquippedClasses;
        Assert.True((await portal.Service<SmartboardRegisterService>().ChangeStatusAsync(admin, device.Id, DeviceStatus.Scrapped, null, "屏幕碎裂")).Succeeded);
        Assert.Equal(before - 1, Assert.Single((await service.ReportAsync(admin))!.Schools).EquippedClasses);
    }

    [Fact]
    public async Task Bandwidth_and_access_targets_flag_a_school_and_the_change_is_audited()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<SmartboardCoverageService>();
        var update = await service.UpdateNetworkAsync(admin, admin.OrgUnitId, 50, NetworkAccess.Broadband, SchoolTier.CentralOrAbove, "中国电信");
        Assert.True(update.Succeeded);
        var row = Assert.Single((await service.ReportAsync(admin))!.Schools);
        Assert.False(row.MeetsBandwidth);
        Assert.Equal(NetworkAccess.Fibre, row.MissingAccess);
        Assert.True(row.Flagged);
        Assert.Equal("未接入网络的学校带宽应为空或 0",
            Assert.IsType<ValidationError>((await service.UpdateNetworkAsync(admin, admin.OrgUnitId, 100, NetworkAccess.None, SchoolTier.CentralOrAbove, null)).Error).Fields["Access"]);
        Assert.True((await service.UpdateNetworkAsync(admin, admin.OrgUnitId, 1000, NetworkAccess.Fibre, SchoolTier.CentralOrAbove, "中国电信")).Succeeded);
        row = Assert.Single((await service.ReportAsync(admin))!.Schools);
        Assert.True(row.MeetsBandwidth);
        Assert.Null(row.MissingAccess);
        var other = await portal.NeighbourSchoolAsync();
        Assert.IsType<NotFoundError>((await service.UpdateNetworkAsync(admin, other.Id, 100, NetworkAccess.Fibre, SchoolTier.CentralOrAbove, null)).Error);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SmartboardNetworkUpdated && a.EntityId == admin.OrgUnitId.ToString()) >= 2);
    }

    [Fact]
    public async Task The_metric_sources_report_the_coverage_bandwidth_and_staffing_figures()
    {
        var sources = portal.Service<IEnumerable<IMetricSource>>().ToDictionary(s => s.Definition.Key);
        Assert.Contains("smartboards.coverage-rate", sources.Keys);
        Assert.Contains("smartboards.bandwidth-compliance", sources.Keys);
        Assert.Contains("smartboards.staffing-shortfall", sources.Keys);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var unit = await db.OrgUnits.SingleAsync(o => o.Id == county.OrgUnitId);
        var reading = await sources["smartboards.coverage-rate"].ReadAsync(unit, portal.Today, CancellationToken.None);
        var report = (await portal.Service<SmartboardCoverageService>().ReportAsync(county))!;
        Assert.Equal(report.Scope.Coverage.EquippedClasses, reading.Scope.Numerator);
        Assert.Equal(report.Scope.Coverage.Classes, reading.Scope.Denominator);
        Assert.Equal(Math.Round(100m * report.Scope.Coverage.EquippedClasses / report.Scope.Coverage.Classes, 1), reading.Scope.Value);
        Assert.Equal(report.Units.Count, reading.Units.Count);
        var bandwidth = await sources["smartboards.bandwidth-compliance"].ReadAsync(unit, portal.Today, CancellationToken.None);
        Assert.Equal(report.Scope.Schools, bandwidth.Scope.Denominator);
        var staffing = await sources["smartboards.staffing-shortfall"].ReadAsync(unit, portal.Today, CancellationToken.None);
        var staffingReport = (await portal.Service<SmartboardStaffingService>().ReportAsync(county))!;
        Assert.Equal(staffingReport.Scope.Shortfall, staffing.Scope.Value);
    }

    [Fact]
    public async Task The_coverage_export_names_the_scope_and_the_time_made()
    {
        var (client, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        var response = await client.GetAsync("/smartboards/coverage.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var caption = workbook.Worksheet(1).Cell(1, 1).GetString();
        Assert.Contains("班班通覆盖率与网络接入", caption);
        Assert.Contains($"截至 {ChinaTime.FormatDate(portal.Today)}", caption);
        Assert.Equal("学校", workbook.Worksheet(1).Cell(2, 3).GetString());
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/smartboards/coverage.xlsx")).StatusCode);
        foreach (var page in new[] { "/smartboards/coverage", "/smartboards/staffing", "/smartboards/transfers", "/smartboards" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task Staffing_compares_the_rule_with_full_time_technicians_and_setting_a_post_is_audited()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<SmartboardStaffingService>();
        var school = Assert.Single((await service.ReportAsync(admin))!.Schools);
        Assert.Equal(StaffingRule.RequiredFullTime(school.Classes, school.Tier), school.Required);
        var technician = Assert.Single(school.Technicians.Take(1));
        Assert.True((await service.SetPostAsync(admin, technician.UserId, false, null)).Succeeded);
        var partTime = Assert.Single((await service.ReportAsync(admin))!.Schools);
        Assert.True((await service.SetPostAsync(admin, technician.UserId, true, "专职电教管理员")).Succeeded);
        var fullTime = Assert.Single((await service.ReportAsync(admin))!.Schools);
        Assert.Equal(partTime.FullTime + 1, fullTime.FullTime);
        Assert.Equal(Math.Max(0, partTime.Shortfall - 1), fullTime.Shortfall);

        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SmartboardTechnicianPostUpdated && a.EntityId == technician.UserId) >= 2);
        // Another county's technician is out of reach; a teacher has no staffing report.
        var other = await portal.OtherCountySchoolAsync();
        var outsider = await db.Users.Where(u => u.OrgUnitId == other.Id && (u.Capabilities & Capability.Technician) == Capability.Technician).Select(u => u.Id).FirstAsync();
        Assert.IsType<NotFoundError>((await service.SetPostAsync(admin, outsider, true, null)).Error);
        Assert.Null(await service.ReportAsync(await portal.CallerAsync(DemoAccounts.Teacher)));
    }
}
