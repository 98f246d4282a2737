using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Accounts;

/// <summary>Circular 000 §四.1: the school admin's phone; without one, the nearest admin further up; at last the city.</summary>
[Collection(PortalCollection.Name)]
public sealed class ContactAdminTests(PortalFactory portal)
{
    [Fact]
    public async Task A_teacher_is_given_the_school_admins_phone()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var contact = await portal.Service<ContactAdminService>().FindForAsync(teacher.OrgUnitId, teacher.UserId);
        Assert.NotNull(contact);
        Assert.Equal(("13800000003", AdminLevel.School), (contact.Phone, contact.Level));
    }

    [Fact]
    public async Task The_teacher_home_page_shows_the_admin_phone_as_a_tel_link()
    {
        var (client, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var html = await PortalFactory.HtmlAsync(await client.GetAsync("/"));
        Assert.Contains("href=\"tel:13800000003\"", html);
    }

    [Fact]
    public async Task Without_a_school_admin_the_nearest_admin_up_the_tree_answers_then_the_city()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var orgs = portal.Service<OrgService>();
        // A fresh county with one school and no admins at all: only the city admin remains.
        var countyId = (await orgs.CreateChildAsync(city, city.OrgUnitId, new OrgUnitInput { Kind = OrgUnitKind.County, Name = "测试新区教育局" })).Value;
        var schoolId = (await orgs.CreateChildAsync(city, countyId, new OrgUnitInput { Kind = OrgUnitKind.School, Name = "测试新区第一小学", Stage = SchoolStage.Primary })).Value;
        var contacts = portal.Service<ContactAdminService>();
        var cityContact = await contacts.FindForAsync(schoolId);
        Assert.Equal(AdminLevel.City, cityContact!.Level);
        Assert.Equal("13800000001", cityContact.Phone); // the longest-serving city admin

        // Once the county has an admin, the school's teachers get the county admin instead.
        using var roster = new MemoryStream(RosterFiles.Build(("新区教师", "13655550001", "语文")));
        Assert.True((await portal.Service<RosterImportService>().ImportAsync(city, schoolId, roster, RosterImportMode.AllOrNothing)).Succeeded);
        await using var db = await portal.DbAsync();
        var teacher = await db.Users.SingleAsync(u => u.PhoneNumber == "13655550001");
        var accounts = portal.Service<AccountAdminService>();
        var promoted = await accounts.ChangeLevelAsync(city, teacher.Id, AdminLevel.County, countyId);
        Assert.True(promoted.Succeeded, promoted.Error?.Message);
        var countyContact = await contacts.FindForAsync(schoolId);
        Assert.Equal((AdminLevel.County, teacher.PhoneNumber), (countyContact!.Level, countyContact.Phone));
    }
}
