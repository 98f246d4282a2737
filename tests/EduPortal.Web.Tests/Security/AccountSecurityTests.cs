using System.Net;
using System.Text.RegularExpressions;
using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Security;

/// <summary>Sessions, sign-in answers, passwords and the jobs dashboard (issue 10, accounts and sign-in).</summary>
[Collection(PortalCollection.Name)]
public sealed partial class AccountSecurityTests(PortalFactory portal)
{
    private const string Password = "a walk along the old canal";

    /// <summary>A fresh active account of its own, so a test that signs it out or disables it disturbs no other test.</summary>
    private async Task<ApplicationUser> CreateAccountAsync(string phone, AdminLevel level = AdminLevel.Teacher)
    {
        int orgId;
        await using (var db = await portal.DbAsync())
        {
            orgId = level == AdminLevel.City
                ? await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.City).Select(o => o.Id).FirstAsync()
                : (await portal.DemoSchoolAsync()).Id;
        }
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = phone,
            PhoneNumber = phone,
            RealName = "安全测试",
            OrgUnitId = orgId,
            Level = level,
            Status = AccountStatus.Active,
            Employment = EmploymentStatus.Serving,
            SubjectsText = "语文",
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        return user;
    }

    private HttpClient CookieLessBrowser(string cookie)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, ClientAddressStartupFilter.NewAddress());
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static string AuthCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("EduPortal.Auth=", StringComparison.Ordinal)).Split(';')[0];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client, bool withToken = true)
    {
        var page = await client.GetStringAsync("/me");
        var fields = new Dictionary<string, string>();
        if (withToken)
        {
            fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        }
        return await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_once_its_owner_signs_out()
    {
        await CreateAccountAsync("13622220001");
        var (client, signIn) = await portal.SignInAsync("13622220001", Password);
        Assert.True(PortalFactory.IsSignedIn(signIn));
        var copy = CookieLessBrowser(AuthCookie(signIn));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/me")).StatusCode);

        var signedOut = await SignOutAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.EndsWith("/Account/Login", signedOut.Headers.Location!.OriginalString);

        var afterwards = await copy.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/Account/Login", afterwards.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_without_its_antiforgery_token_is_refused_and_the_session_continues()
    {
        await CreateAccountAsync("13622220002");
        var (client, signIn) = await portal.SignInAsync("13622220002", Password);
        Assert.True(PortalFactory.IsSignedIn(signIn));
        var forged = await SignOutAsync(client, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("http://localhost:5999/elsewhere")]
    public async Task An_absolute_return_url_after_sign_in_sends_the_user_home(string returnUrl)
    {
        var client = portal.Browser();
        var path = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var response = await SignInAsTeacherAsync(client, path);
        Assert.True(PortalFactory.IsSignedIn(response), $"status {response.StatusCode} location {response.Headers.Location}");
    }

    [Fact]
    public async Task A_return_url_inside_the_portal_is_still_followed()
    {
        var client = portal.Browser();
        const string path = "/Account/Login?ReturnUrl=%2Flab%2Fgallery";
        var response = await SignInAsTeacherAsync(client, path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/lab/gallery", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_jobs_dashboard_re_reads_the_account_and_refuses_a_disabled_or_demoted_city_admin()
    {
        var user = await CreateAccountAsync("13622220003", AdminLevel.City);
        var (client, signIn) = await portal.SignInAsync("13622220003", Password);
        Assert.True(PortalFactory.IsSignedIn(signIn));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);

        // The cookie still says city level; only the account in the database changed.
        await using (var db = await portal.DbAsync())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, AccountStatus.Disabled));
        }
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);

        await using (var db = await portal.DbAsync())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Status, AccountStatus.Active).SetProperty(x => x.Level, AdminLevel.County));
        }
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("password12")]
    [InlineData("qwertyuiop")]
    [InlineData("woaini1314")]
    [InlineData("qq123456789")]
    [InlineData("a123456789")]
    [InlineData("WoAiNi1314")]
    public async Task A_common_password_is_refused_with_a_chinese_message(string common)
    {
        var phone = "1362222" + (Math.Abs(common.GetHashCode(StringComparison.Ordinal)) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = await portal.DbAsync())
        {
            await db.Users.Where(u => u.PhoneNumber == phone).ExecuteDeleteAsync();
        }
        await CreateAccountAsync(phone);
        var (client, signIn) = await portal.SignInAsync(phone, Password);
        Assert.True(PortalFactory.IsSignedIn(signIn));
        var response = await PortalFactory.PostFormAsync(client, "/Account/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = common,
            ["Input.ConfirmPassword"] = common,
        });
        var html = await PortalFactory.HtmlAsync(response);
        Assert.Contains(CommonPasswordValidator.Message, html);
        Assert.DoesNotContain("密码已修改", html);
    }

    [Fact]
    public void The_shipped_list_holds_thousands_of_common_passwords_and_leaves_passphrases_alone()
    {
        Assert.InRange(CommonPasswordValidator.Count, 2000, 20000);
        Assert.True(CommonPasswordValidator.IsCommon("Password123"));
        Assert.False(CommonPasswordValidator.IsCommon(Password));
        Assert.False(CommonPasswordValidator.IsCommon(Data.Seeding.DemoAccounts.DemoPassword));
    }

    /// <summary>Counts password verifications, so a test can see that an unknown account costs the same hashing work.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        public int Verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Signing_in_as_an_unknown_account_verifies_a_password_like_a_known_one()
    {
        var hasher = new CountingHasher();
        using var counted = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, ClientAddressStartupFilter.NewAddress());

        var before = hasher.Verifications;
        var unknown = await PortalFactory.PostLoginAsync(client, "13699999999", "some password or other");
        Assert.Contains("手机号/用户名或密码错误", await PortalFactory.HtmlAsync(unknown));
        Assert.Equal(1, hasher.Verifications - before);

        before = hasher.Verifications;
        var known = await PortalFactory.PostLoginAsync(client, Data.Seeding.DemoAccounts.Teacher, "some password or other");
        Assert.Contains("手机号/用户名或密码错误", await PortalFactory.HtmlAsync(known));
        Assert.Equal(1, hasher.Verifications - before);
    }

    /// <summary>Posts the sign-in form at <paramref name="path"/> (with its return URL) as the demo teacher.</summary>
    private static async Task<HttpResponseMessage> SignInAsTeacherAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["_handler"] = "login",
            ["Input.Login"] = Data.Seeding.DemoAccounts.Teacher,
            ["Input.Password"] = Data.Seeding.DemoAccounts.DemoPassword,
        }));
    }
}
