using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Security;

[Collection(PortalCollection.Name)]
public sealed class PasswordChangeTests(PortalFactory portal)
{
    private static Dictionary<string, string> Change(string old, string @new, string? confirm = null) => new()
    {
        ["Input.OldPassword"] = old,
        ["Input.NewPassword"] = @new,
        ["Input.ConfirmPassword"] = confirm ?? @new,
    };

    /// <summary>A serving teacher of the demo school whose password an admin has just reset.</summary>
    private async Task<(string Phone, string Temporary)> ResetTeacherAsync(int skip)
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        string id, phone;
        await using (var db = await portal.DbAsync())
        {
            var teacher = await PortalFactory.ServingTeachers(db, admin.OrgUnitId)
                .OrderBy(u => u.Id).Skip(skip).Select(u => new { u.Id, u.PhoneNumber }).FirstAsync();
            (id, phone) = (teacher.Id, teacher.PhoneNumber!);
        }
        var reset = await portal.Service<AccountAdminService>().ResetPasswordAsync(admin, id);
        Assert.True(reset.Succeeded);
        return (phone, reset.Value!);
    }

    [Fact]
    public async Task A_signed_in_user_changes_the_password_through_the_form()
    {
        var (phone, temporary) = await ResetTeacherAsync(skip: 3);
        var (client, signedIn) = await portal.SignInAsync(phone, temporary);
        Assert.True(PortalFactory.IsSignedIn(signedIn));

        // Wrong current password: refused with a message, the password unchanged.
        var wrong = await PortalFactory.PostFormAsync(client, "/Account/ChangePassword", "change-password", Change("not-the-password", "一句新的好记的密码2026"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("密码", await PortalFactory.HtmlAsync(wrong));
        Assert.DoesNotContain("密码已修改", await PortalFactory.HtmlAsync(wrong));

        // The same password again is not a change.
        var same = await PortalFactory.PostFormAsync(client, "/Account/ChangePassword", "change-password", Change(temporary, temporary));
        Assert.Contains("新密码不能与当前密码相同", await PortalFactory.HtmlAsync(same));

        // Too short: the message sits next to the field.
        var tooShort = await PortalFactory.PostFormAsync(client, "/Account/ChangePassword", "change-password", Change(temporary, "短密码"));
        Assert.Contains("新密码应为 10–100 个字符", await PortalFactory.HtmlAsync(tooShort));

        // The antiforgery token of the signed-in user is accepted (it answered 400 before) and the change takes.
        var changed = await PortalFactory.PostFormAsync(client, "/Account/ChangePassword", "change-password", Change(temporary, "一句新的好记的密码2026"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.False(PortalFactory.IsSignedIn((await portal.SignInAsync(phone, temporary)).Response));
        Assert.True(PortalFactory.IsSignedIn((await portal.SignInAsync(phone, "一句新的好记的密码2026")).Response));
    }

    [Fact]
    public async Task A_temporary_password_opens_only_the_change_password_page_until_it_is_replaced()
    {
        var (phone, temporary) = await ResetTeacherAsync(skip: 4);
        var (client, signedIn) = await portal.SignInAsync(phone, temporary);
        Assert.True(PortalFactory.IsSignedIn(signedIn));

        foreach (var path in new[] { "/", "/points/me", "/lab/gallery", "/me" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/ChangePassword", response.Headers.Location!.OriginalString);
        }
        var page = await client.GetAsync("/Account/ChangePassword?required=1");
        Assert.Contains("临时密码", await PortalFactory.HtmlAsync(page));

        var changed = await PortalFactory.PostFormAsync(client, "/Account/ChangePassword", "change-password", Change(temporary, "春风又绿江南岸2026"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using var db = await portal.DbAsync();
        Assert.False(await db.Users.Where(u => u.PhoneNumber == phone).Select(u => u.MustChangePassword).SingleAsync());
    }
}
