using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Security;

/// <summary>Password guessing is stopped per client address and per (account, address), without a kill switch over other people's accounts.</summary>
[Collection(PortalCollection.Name)]
public sealed class SignInThrottleTests(PortalFactory portal)
{
    /// <summary>A serving demo teacher no other test signs in as (counted from the end of the id order).</summary>
    private async Task<string> VictimAsync(int skip)
    {
        await using var db = await portal.DbAsync();
        return await db.Users.Where(u => u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving
                && u.Id.StartsWith("demo-") && u.LockoutEnd == null)
            .OrderByDescending(u => u.Id).Skip(skip).Select(u => u.UserName!).FirstAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_stop_that_address_for_the_account_while_the_teacher_signs_in_elsewhere_and_keeps_the_open_session()
    {
        var victim = await VictimAsync(skip: 0);
        var (teacherBrowser, signedIn) = await portal.SignInAsync(victim);
        Assert.True(PortalFactory.IsSignedIn(signedIn));

        var attacker = portal.Browser();
        for (var i = 0; i < 5; i++)
        {
            await PortalFactory.PostLoginAsync(attacker, victim, "wrong-password-" + i);
        }
        // From the attacker's address even the right password is refused now, with the reason.
        var refused = await PortalFactory.PostLoginAsync(attacker, victim, DemoAccounts.DemoPassword);
        Assert.False(PortalFactory.IsSignedIn(refused));
        Assert.Contains("密码错误次数过多", await PortalFactory.HtmlAsync(refused));

        // The teacher's open session still works, and a sign-in from the teacher's own device succeeds.
        Assert.Equal(HttpStatusCode.OK, (await teacherBrowser.GetAsync("/")).StatusCode);
        Assert.True(PortalFactory.IsSignedIn((await portal.SignInAsync(victim)).Response));
        await using var db = await portal.DbAsync();
        Assert.Null(await db.Users.Where(u => u.UserName == victim).Select(u => u.LockoutEnd).SingleAsync());
    }

    [Fact]
    public async Task A_password_reset_lifts_the_throttle_so_the_teacher_signs_in_at_once_on_the_same_device()
    {
        var victim = await VictimAsync(skip: 3);
        var phone = portal.Browser();
        for (var i = 0; i < 5; i++)
        {
            await PortalFactory.PostLoginAsync(phone, victim, "forgotten-" + i);
        }
        Assert.Contains("密码错误次数过多", await PortalFactory.HtmlAsync(await PortalFactory.PostLoginAsync(phone, victim, DemoAccounts.DemoPassword)));

        string userId;
        await using (var db = await portal.DbAsync())
        {
            userId = await db.Users.Where(u => u.UserName == victim).Select(u => u.Id).SingleAsync();
        }
        var reset = await portal.Service<AccountAdminService>().ResetPasswordAsync(await portal.CallerAsync(DemoAccounts.CityAdmin), userId);
        Assert.True(reset.Succeeded);
        Assert.True(PortalFactory.IsSignedIn(await PortalFactory.PostLoginAsync(phone, victim, reset.Value!)));
    }

    [Fact]
    public async Task One_address_guessing_across_accounts_is_stopped_after_thirty_failures_and_others_are_not()
    {
        var guesser = portal.Browser();
        for (var i = 0; i < 30; i++)
        {
            await PortalFactory.PostLoginAsync(guesser, $"1390000{i:D4}", "wrong-password");
        }
        var blocked = await PortalFactory.PostLoginAsync(guesser, DemoAccounts.Teacher, DemoAccounts.DemoPassword);
        Assert.False(PortalFactory.IsSignedIn(blocked));
        Assert.Contains("本网络登录失败次数过多", await PortalFactory.HtmlAsync(blocked));
        Assert.True(PortalFactory.IsSignedIn((await portal.SignInAsync(DemoAccounts.Teacher)).Response));
    }

    [Fact]
    public async Task A_forged_forwarded_address_does_not_escape_the_throttle()
    {
        var victim = await VictimAsync(skip: 1);
        var attacker = portal.Browser();
        for (var i = 0; i < 5; i++)
        {
            attacker.DefaultRequestHeaders.Remove("X-Forwarded-For");
            attacker.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            await PortalFactory.PostLoginAsync(attacker, victim, "wrong-password-" + i);
        }
        var refused = await PortalFactory.PostLoginAsync(attacker, victim, DemoAccounts.DemoPassword);
        Assert.Contains("密码错误次数过多", await PortalFactory.HtmlAsync(refused));
    }

    [Fact]
    public async Task Guessing_from_many_addresses_locks_the_account_which_keeps_its_sessions_and_an_admin_unlocks_it()
    {
        var victim = await VictimAsync(skip: 2);
        var (teacherBrowser, _) = await portal.SignInAsync(victim);
        for (var i = 0; i < 20; i++)
        {
            await PortalFactory.PostLoginAsync(portal.Browser(), victim, "wrong-password-" + i);
        }
        var locked = await PortalFactory.PostLoginAsync(portal.Browser(), victim, DemoAccounts.DemoPassword);
        Assert.False(PortalFactory.IsSignedIn(locked));
        Assert.Contains("Account/Lockout", locked.Headers.Location?.OriginalString ?? await PortalFactory.HtmlAsync(locked));
        await using (var db = await portal.DbAsync())
        {
            var id = await db.Users.Where(u => u.UserName == victim).Select(u => u.Id).SingleAsync();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountLockedOut && a.EntityId == id));
        }
        // The open session is not cut off by someone else's guesses.
        var home = await teacherBrowser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // An admin over the account lifts the lock.
        string userId;
        await using (var db = await portal.DbAsync())
        {
            userId = await db.Users.Where(u => u.UserName == victim).Select(u => u.Id).SingleAsync();
        }
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var accounts = portal.Service<AccountAdminService>();
        // A school admin elsewhere cannot even find the account, whatever id it sends.
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        await using (var db = await portal.DbAsync())
        {
            Assert.NotEqual(schoolAdmin.OrgUnitId, await db.Users.Where(u => u.Id == userId).Select(u => u.OrgUnitId).SingleAsync());
        }
        Assert.IsType<EduPortal.Domain.Common.NotFoundError>((await accounts.UnlockAsync(schoolAdmin, userId)).Error);
        Assert.True((await accounts.UnlockAsync(city, userId)).Succeeded);
        Assert.True(PortalFactory.IsSignedIn((await portal.SignInAsync(victim)).Response));
        await using var check = await portal.DbAsync();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountUnlocked && a.EntityId == userId));
    }

    [Fact]
    public async Task More_than_sixty_sign_in_posts_a_minute_from_one_address_get_429_before_any_password_is_checked()
    {
        var flood = portal.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 62; i++)
        {
            statuses.Add((await PortalFactory.PostLoginAsync(flood, "nobody-" + i, "wrong-password")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var last = await PortalFactory.PostLoginAsync(flood, DemoAccounts.Teacher, DemoAccounts.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("登录尝试过于频繁", await last.Content.ReadAsStringAsync());
        // Another address is unaffected.
        Assert.True(PortalFactory.IsSignedIn((await portal.SignInAsync(DemoAccounts.Teacher)).Response));
    }
}
