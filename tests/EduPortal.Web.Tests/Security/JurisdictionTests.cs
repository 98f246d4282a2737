using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Auditing;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Security;

/// <summary>A school admin tries other schools' ids on every page and service this module has: all refused or not found, nothing changed.</summary>
[Collection(PortalCollection.Name)]
public sealed class JurisdictionTests(PortalFactory portal)
{
    [Fact]
    public async Task Another_schools_page_is_not_found_for_a_school_admin_but_its_own_page_shows()
    {
        var other = await portal.OtherCountySchoolAsync();
        var neighbour = await portal.NeighbourSchoolAsync();
        var own = await portal.DemoSchoolAsync();
        var (admin, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);

        foreach (var school in new[] { other, neighbour })
        {
            var html = await PortalFactory.HtmlAsync(await admin.GetAsync($"/org/{school.Id}"));
            Assert.Contains("未找到该单位，或不在您的管辖范围内", html);
            Assert.DoesNotContain(school.Name, html);
        }
        var ownHtml = await PortalFactory.HtmlAsync(await admin.GetAsync($"/org/{own.Id}"));
        Assert.Contains(own.Name, ownHtml);
    }

    [Fact]
    public async Task The_org_tree_of_a_school_admin_holds_only_its_school()
    {
        var caller = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var tree = await portal.Service<OrgService>().GetTreeAsync(caller);
        var node = Assert.Single(tree);
        Assert.Equal(caller.OrgUnitId, node.Id);
    }

    [Fact]
    public async Task Org_services_refuse_other_schools_ids_and_change_nothing()
    {
        var caller = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var orgs = portal.Service<OrgService>();
        foreach (var school in new[] { await portal.OtherCountySchoolAsync(), await portal.NeighbourSchoolAsync() })
        {
            Assert.IsType<NotFoundError>((await orgs.GetAsync(caller, school.Id)).Error);
            Assert.IsType<NotFoundError>((await orgs.UpdateAsync(caller, school.Id, new OrgUnitInput { Name = "被篡改", Stage = school.Stage })).Error);
            Assert.IsType<NotFoundError>((await orgs.AddClassesAsync(caller, school.Id, school.Stage.Grades().First(), null, 3)).Error);
            Assert.IsType<NotFoundError>((await orgs.RemoveClassAsync(caller, school.Classes.First().Id)).Error);
            Assert.IsType<NotFoundError>((await orgs.CreateChildAsync(caller, school.ParentId!.Value, new OrgUnitInput { Name = "新学校" })).Error);

            await using var db = await portal.DbAsync();
            var after = await db.OrgUnits.Include(o => o.Classes).SingleAsync(o => o.Id == school.Id);
            Assert.Equal(school.Name, after.Name);
            Assert.Equal(school.Classes.Count, after.Classes.Count);
        }
    }

    [Fact]
    public async Task Account_services_refuse_accounts_of_other_schools_and_change_nothing()
    {
        var caller = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var accounts = portal.Service<AccountAdminService>();
        foreach (var school in new[] { await portal.OtherCountySchoolAsync(), await portal.NeighbourSchoolAsync() })
        {
            await using var db = await portal.DbAsync();
            var teacher = await db.Users.FirstAsync(u => u.OrgUnitId == school.Id && u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active);
            Assert.IsType<NotFoundError>((await accounts.ApproveAsync(caller, teacher.Id)).Error);
            Assert.IsType<NotFoundError>((await accounts.RejectAsync(caller, teacher.Id, "越权")).Error);
            Assert.IsType<NotFoundError>((await accounts.ChangeLevelAsync(caller, teacher.Id, AdminLevel.School, null)).Error);
            Assert.IsType<NotFoundError>((await accounts.SetCapabilitiesAsync(caller, teacher.Id, Capability.Technician)).Error);
            Assert.IsType<NotFoundError>((await accounts.SetStatusAsync(caller, teacher.Id, AccountStatus.Disabled, EmploymentStatus.Departed)).Error);
            Assert.IsType<NotFoundError>((await accounts.GetPlacementOptionsAsync(caller, teacher.Id, AdminLevel.School)).Error);

            var (rows, total) = await accounts.SearchAsync(caller, new AccountQuery(OrgUnitId: school.Id));
            Assert.Empty(rows);
            Assert.Equal(0, total);
            var (byName, _) = await accounts.SearchAsync(caller, new AccountQuery(Search: teacher.PhoneNumber));
            Assert.Empty(byName);

            await using var check = await portal.DbAsync();
            var after = await check.Users.SingleAsync(u => u.Id == teacher.Id);
            Assert.Equal(AccountStatus.Active, after.Status);
            Assert.Equal(AdminLevel.Teacher, after.Level);
            Assert.Equal(teacher.Capabilities, after.Capabilities);
        }
    }

    [Fact]
    public async Task A_school_admins_search_and_export_never_include_other_schools()
    {
        var caller = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var (rows, total) = await portal.Service<AccountAdminService>().SearchAsync(caller, new AccountQuery(PageSize: 1000));
        Assert.True(total > 5);
        Assert.All(rows, r => Assert.Equal(caller.OrgUnitId, r.OrgUnitId));

        var own = await portal.DemoSchoolAsync();
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await portal.Service<AccountAdminService>().ExportAsync(caller, new AccountQuery())));
        var units = workbook.Worksheet(1).Column(4).CellsUsed().Skip(1).Select(c => c.GetString()).Distinct().ToList();
        Assert.Equal([own.Name], units);
    }

    [Fact]
    public async Task A_roster_cannot_be_imported_into_another_school()
    {
        var caller = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var other = await portal.OtherCountySchoolAsync();
        using var file = new MemoryStream(RosterFiles.Build(("越权导入", "13611110001", "数学")));
        var result = await portal.Service<RosterImportService>().ImportAsync(caller, other.Id, file, RosterImportMode.AllOrNothing);
        Assert.IsType<NotFoundError>(result.Error);
        await using var db = await portal.DbAsync();
        Assert.False(await db.Users.AnyAsync(u => u.PhoneNumber == "13611110001"));
    }

    [Fact]
    public async Task A_county_admin_reaches_its_own_county_but_not_the_next()
    {
        var caller = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var orgs = portal.Service<OrgService>();
        Assert.True((await orgs.GetAsync(caller, (await portal.NeighbourSchoolAsync()).Id)).Succeeded);
        Assert.IsType<NotFoundError>((await orgs.GetAsync(caller, (await portal.OtherCountySchoolAsync()).Id)).Error);
        var tree = await orgs.GetTreeAsync(caller);
        Assert.All(tree, n => Assert.StartsWith(caller.OrgPath, n.Path));
    }

    [Fact]
    public async Task The_audit_log_is_refused_to_school_admins_and_scoped_for_county_admins()
    {
        var audit = portal.Service<AuditLogService>();
        Assert.IsType<ForbiddenError>((await audit.SearchAsync(await portal.CallerAsync(DemoAccounts.SchoolAdmin), new AuditQuery())).Error);

        // Something happens in another county...
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var other = await portal.OtherCountySchoolAsync();
        Assert.True((await portal.Service<OrgService>().AddClassesAsync(city, other.Id, other.Stage.Grades().Last(), 29, 1)).Succeeded);

        // ...the city admin sees it, the demo county admin does not.
        var cityRows = (await audit.SearchAsync(city, new AuditQuery(PageSize: 500))).Value.Rows;
        Assert.Contains(cityRows, r => r.Summary.Contains(other.Name));
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var countyRows = (await audit.SearchAsync(county, new AuditQuery(PageSize: 500))).Value.Rows;
        Assert.DoesNotContain(countyRows, r => r.Summary.Contains(other.Name));
    }
}
