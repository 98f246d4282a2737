using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Security;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFactory portal)
{
    [Theory]
    [InlineData(DemoAccounts.Teacher)]
    [InlineData("13800000004")] // the demo teacher's phone number
    public async Task A_teacher_signs_in_by_user_name_or_phone(string login)
    {
        var (client, response) = await portal.SignInAsync(login);
        Assert.True(PortalFactory.IsSignedIn(response), $"status {response.StatusCode} location {response.Headers.Location}");
        var home = await client.GetStringAsync("/");
        Assert.Contains("我的学校", home);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_no_cookie()
    {
        var (_, response) = await portal.SignInAsync(DemoAccounts.CountyAdmin, "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("手机号/用户名或密码错误", await PortalFactory.HtmlAsync(response));
    }

    [Fact]
    public async Task A_pending_registration_cannot_sign_in_and_is_told_why()
    {
        await using var db = await portal.DbAsync();
        // A seeded applicant outside the demo school, which other tests approve and reject in.
        var demoSchoolId = (await portal.DemoSchoolAsync()).Id;
        var pending = await db.Users.Where(u => u.Status == AccountStatus.Pending && u.Id.StartsWith("demo-") && u.OrgUnitId != demoSchoolId)
            .OrderBy(u => u.Id).FirstAsync();
        var (_, response) = await portal.SignInAsync(pending.UserName!);
        Assert.False(PortalFactory.IsSignedIn(response));
        Assert.Contains("等待学校管理员审核", await PortalFactory.HtmlAsync(response));
    }

    [Fact]
    public async Task A_wrong_password_on_a_pending_account_reveals_nothing_about_it()
    {
        await using var db = await portal.DbAsync();
        var demoSchoolId = (await portal.DemoSchoolAsync()).Id;
        var pending = await db.Users.Where(u => u.Status == AccountStatus.Pending && u.Id.StartsWith("demo-") && u.OrgUnitId != demoSchoolId)
            .OrderByDescending(u => u.Id).FirstAsync();
        var (_, response) = await portal.SignInAsync(pending.UserName!, "a guess at the password");
        var html = await PortalFactory.HtmlAsync(response);
        Assert.Contains("手机号/用户名或密码错误", html);
        Assert.DoesNotContain("审核", html);
    }

    [Fact]
    public async Task A_retired_teacher_is_told_the_account_is_registered_as_retired()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        await using var db = await portal.DbAsync();
        var teacher = await db.Users.Where(u => u.OrgUnitId == admin.OrgUnitId && u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active
                && u.Employment == EmploymentStatus.Serving && u.Id.StartsWith("demo-"))
            .OrderByDescending(u => u.Id).Skip(1).FirstAsync();
        Assert.True((await portal.Service<EduPortal.Web.Features.Accounts.AccountAdminService>().SetStatusAsync(admin, teacher.Id, AccountStatus.Active, EmploymentStatus.Retired)).Succeeded);
        var (_, response) = await portal.SignInAsync(teacher.UserName!);
        Assert.False(PortalFactory.IsSignedIn(response));
        Assert.Contains("已登记为退休", await PortalFactory.HtmlAsync(response));
    }

    [Fact]
    public async Task Health_endpoint_answers_without_sign_in()
    {
        var response = await portal.Browser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await PortalFactory.HtmlAsync(response));
    }

    [Fact]
    public async Task Pages_redirect_anonymous_visitors_to_sign_in()
    {
        var response = await portal.Browser().GetAsync("/accounts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_city_admins_only()
    {
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/hangfire")).StatusCode);
        var (county, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Browser().GetAsync("/hangfire")).StatusCode);
        var (city, _) = await portal.SignInAsync(DemoAccounts.CityAdmin);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/hangfire")).StatusCode);
    }

    [Theory]
    [InlineData("/accounts")]
    [InlineData("/accounts/pending")]
    [InlineData("/accounts/import")]
    [InlineData("/org")]
    [InlineData("/audit")]
    public async Task A_teacher_is_refused_admin_pages(string path)
    {
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var response = await teacher.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_school_admin_is_refused_the_audit_log()
    {
        var (admin, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var response = await admin.GetAsync("/audit");
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_roster_template_is_for_admins()
    {
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var refused = await teacher.GetAsync("/accounts/roster-template.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
        var (admin, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var response = await admin.GetAsync("/accounts/roster-template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/files/../appsettings.json")]
    [InlineData("/files/avatars/2026/11/..%2F..%2F..%2Fportal.db")]
    [InlineData("/files/avatars/2026/11/0123456789abcdef0123456789abcdef.jpg")]
    public async Task File_keys_that_are_not_server_generated_or_missing_are_not_found(string path)
    {
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(path)).StatusCode);
    }
}
