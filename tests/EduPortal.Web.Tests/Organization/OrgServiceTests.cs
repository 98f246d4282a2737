using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Home;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Organization;

[Collection(PortalCollection.Name)]
public sealed class OrgServiceTests(PortalFactory portal)
{
    [Fact]
    public async Task A_county_admin_opens_a_township_centre_and_a_school_under_it_with_classes()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var orgs = portal.Service<OrgService>();
        var townId = (await orgs.CreateChildAsync(county, county.OrgUnitId, new OrgUnitInput { Kind = OrgUnitKind.Township, Name = "新桥镇中心校" })).Value;
        var created = await orgs.CreateChildAsync(county, townId, new OrgUnitInput { Kind = OrgUnitKind.School, Name = "新桥镇中学", Stage = SchoolStage.Junior, StudentCount = 600, Phone = "0913-2663755" });
        Assert.True(created.Succeeded, created.Error?.Message);

        Assert.Equal(4, (await orgs.AddClassesAsync(county, created.Value, 7, null, 4)).Value);
        Assert.Equal(2, (await orgs.AddClassesAsync(county, created.Value, 7, null, 6)).Value); // only 5 and 6 are new
        Assert.IsType<ValidationError>((await orgs.AddClassesAsync(county, created.Value, 3, null, 2)).Error); // no grade 3 in a junior school

        var detail = (await orgs.GetAsync(county, created.Value)).Value!;
        Assert.Equal(["七年级1班", "七年级2班", "七年级3班", "七年级4班", "七年级5班", "七年级6班"], detail.Classes.Select(c => c.Name));
        Assert.Equal("新桥镇中心校", detail.ParentName);
        var tree = await orgs.GetTreeAsync(county);
        Assert.Equal(6, tree.Single(n => n.Id == townId).ClassCount);
    }

    [Fact]
    public async Task A_school_admin_may_edit_its_school_but_not_open_new_units()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var orgs = portal.Service<OrgService>();
        var result = await orgs.CreateChildAsync(admin, admin.OrgUnitId, new OrgUnitInput { Kind = OrgUnitKind.School, Name = "分校" });
        Assert.False(result.Succeeded);
        var school = await portal.DemoSchoolAsync();
        Assert.Equal("请输入有效的手机号或带区号的固定电话",
            Assert.IsType<ValidationError>((await orgs.UpdateAsync(admin, school.Id, new OrgUnitInput { Name = school.Name, Stage = school.Stage, Phone = "12345" })).Error).Fields["Phone"]);
    }

    [Fact]
    public async Task A_school_saved_with_a_blank_student_count_is_refused_next_to_the_field_and_keeps_its_count()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var orgs = portal.Service<OrgService>();
        var school = await portal.DemoSchoolAsync();
        var before = (await orgs.GetAsync(admin, school.Id)).Value!;

        var result = await orgs.UpdateAsync(admin, school.Id, new OrgUnitInput { Name = before.Name, Stage = before.Stage, StudentCount = null, Phone = before.Phone, Address = before.Address });

        Assert.Equal("请填写学生数（没有请填 0）", Assert.IsType<ValidationError>(result.Error).Fields["StudentCount"]);
        Assert.Equal(before.StudentCount, (await orgs.GetAsync(admin, school.Id)).Value!.StudentCount);
        Assert.True(before.StudentCount > 0);
    }

    [Fact]
    public async Task A_township_centre_admin_cannot_open_schools_under_its_centre()
    {
        await using var db = await portal.DbAsync();
        var townAdmin = await db.Users.Where(u => u.Level == AdminLevel.School && u.OrgUnit!.Kind == OrgUnitKind.Township).Select(u => u.UserName!).FirstAsync();
        var caller = await portal.CallerAsync(townAdmin);
        var result = await portal.Service<OrgService>().CreateChildAsync(caller, caller.OrgUnitId,
            new OrgUnitInput { Kind = OrgUnitKind.School, Name = "越权新建小学", Stage = SchoolStage.Primary });
        Assert.IsType<ForbiddenError>(result.Error);
        Assert.False(await db.OrgUnits.AnyAsync(o => o.Name == "越权新建小学"));
    }

    [Fact]
    public async Task Duplicate_sibling_names_are_refused()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var neighbour = await portal.NeighbourSchoolAsync();
        var result = await portal.Service<OrgService>().CreateChildAsync(county, neighbour.ParentId!.Value,
            new OrgUnitInput { Kind = OrgUnitKind.School, Name = neighbour.Name, Stage = SchoolStage.Primary });
        Assert.Equal("同一上级单位下已有同名单位", Assert.IsType<ValidationError>(result.Error).Fields["Name"]);
    }

    [Fact]
    public async Task Home_figures_are_real_counts_of_the_callers_jurisdiction()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var summary = await portal.Service<HomeService>().GetAsync(city);
        await using var db = await portal.DbAsync();
        Assert.Equal(await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.School), summary.Schools);
        Assert.Equal(await db.SchoolClasses.CountAsync(), summary.Classes);
        Assert.Equal(await db.Users.CountAsync(u => u.Status == AccountStatus.Pending), summary.PendingApprovals);
        Assert.Equal(await db.Users.CountAsync(u => u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving), summary.Teachers);
        Assert.True(summary.Counties >= 4);

        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var own = await portal.Service<HomeService>().GetAsync(school);
        Assert.Equal(0, own.Counties);
        Assert.Equal(1, own.Schools);
        Assert.Equal(await db.Users.CountAsync(u => u.OrgUnitId == school.OrgUnitId && u.Status == AccountStatus.Pending), own.PendingApprovals);
    }
}
