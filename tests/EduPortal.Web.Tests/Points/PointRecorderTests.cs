using System.Net;
using System.Net.Http.Json;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

[Collection(PortalCollection.Name)]
public sealed class PointRecorderTests(PortalFactory portal)
{
    [Fact]
    public async Task A_completed_profile_earns_twenty_points_once_a_year()
    {
        string userName;
        await using (var db = await portal.DbAsync())
        {
            // A teacher of the demo school whose profile has not scored this year on any platform, without an avatar
            // (most demo teachers have one, for the cloud-space target ②: it is taken away here).
            var school = await portal.DemoSchoolAsync();
            var scored = db.PointEvents.Where(e => e.Type == PointTypes.ProfileComplete).Select(e => e.TeacherId);
            userName = await db.Users.Where(u => u.OrgUnitId == school.Id && u.Level == Domain.Accounts.AdminLevel.Teacher
                    && u.Status == Domain.Accounts.AccountStatus.Active && u.Employment == Domain.Accounts.EmploymentStatus.Serving && !scored.Contains(u.Id))
                .OrderBy(u => u.Id).Select(u => u.UserName!).FirstAsync();
            await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.AvatarFileKey, (string?)null));
        }
        var admin = await portal.CallerAsync(userName);
        var profiles = portal.Service<ProfileService>();
        var profile = (await profiles.GetAsync(admin))!;
        var input = new ProfileInput { RealName = profile.RealName, Phone = profile.Phone!, Subjects = ["数学"] };
        Assert.True((await profiles.UpdateAsync(admin, input)).Succeeded);
        await using (var db = await portal.DbAsync())
        {
            // No avatar yet: the four items are not all there.
            Assert.False(await db.PointEvents.AnyAsync(e => e.TeacherId == admin.UserId && e.Type == PointTypes.ProfileComplete));
            await db.Users.Where(u => u.Id == admin.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AvatarFileKey, "avatars/test.png"));
        }
        Assert.True((await profiles.UpdateAsync(admin, input)).Succeeded);
        Assert.True((await profiles.UpdateAsync(admin, input)).Succeeded);

        var year = portal.Today.Year;
        await using var check = await portal.DbAsync();
        var profileEvent = await check.PointEvents.SingleAsync(e => e.TeacherId == admin.UserId && e.Type == PointTypes.ProfileComplete);
        Assert.Equal($"profile-{admin.UserId}-{year}", profileEvent.ExternalId);
        Assert.Equal(20, (await check.PointAwards.SingleAsync(a => a.EventId == profileEvent.Id)).Points);
    }

    [Fact]
    public async Task A_disabled_account_earns_no_points_from_the_recorder()
    {
        string teacherId;
        await using (var db = await portal.DbAsync())
        {
            var school = await portal.DemoSchoolAsync();
            teacherId = await db.Users.Where(u => u.OrgUnitId == school.Id && u.Level == Domain.Accounts.AdminLevel.Teacher
                    && u.Status == Domain.Accounts.AccountStatus.Active && u.UserName != DemoAccounts.Teacher)
                .OrderByDescending(u => u.Id).Select(u => u.Id).FirstAsync();
            await db.Users.Where(u => u.Id == teacherId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, Domain.Accounts.AccountStatus.Disabled));
        }
        try
        {
            var recorder = portal.Service<PointEventRecorder>();
            await recorder.RecordAsync(teacherId, PointTypes.LabRecordPublished, portal.Now.AddMinutes(-5), "lab-disabled-account");
            await recorder.RecordAsync(teacherId, PointTypes.Login, portal.Now.AddMinutes(-5), "login-disabled-account");

            await using var check = await portal.DbAsync();
            Assert.False(await check.PointEvents.AnyAsync(e => e.ExternalId == "lab-disabled-account" || e.ExternalId == "login-disabled-account"));
        }
        finally
        {
            await using var db = await portal.DbAsync();
            await db.Users.Where(u => u.Id == teacherId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, Domain.Accounts.AccountStatus.Active));
        }
    }

    [Fact]
    public async Task A_published_lab_record_is_recorded_through_the_recorder_hook_and_scores_once_the_district_switches_its_row_on()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var recorder = portal.Service<PointEventRecorder>();
        var at = portal.Now.AddMinutes(-5);
        await recorder.RecordAsync(teacher.UserId, PointTypes.LabRecordPublished, at, "lab-424242");
        await recorder.RecordAsync(teacher.UserId, PointTypes.LabRecordPublished, at, "lab-424242");

        await using var db = await portal.DbAsync();
        var lab = await db.PointEvents.SingleAsync(e => e.ExternalId == "lab-424242");
        Assert.Equal(PointSources.Portal, lab.Source);
        // The shipped table is circular 001 附件2's: the portal's 实验课发布 row is off until a district switches it on.
        var off = await db.PointAwards.SingleAsync(a => a.EventId == lab.Id);
        Assert.Equal((0, "实验课发布本年度不计分"), (off.Points, off.Reason));

        // A year (far from the demo data) whose rule table has the row switched on: the record scores 2 points.
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var rules = portal.Service<PointRuleService>();
        var year = 2047;
        var table = await rules.GetAsync(year);
        var on = table with { Rules = [.. table.Rules.Select(r => r.Type == PointTypes.LabRecordPublished ? r with { Enabled = true } : r)] };
        Assert.True((await rules.SaveAsync(city, on, "启用实验课发布")).Succeeded);
        await recorder.RecordAsync(teacher.UserId, PointTypes.LabRecordPublished, new DateTimeOffset(year, 3, 4, 9, 0, 0, TimeSpan.FromHours(8)), "lab-2047");
        var scored = await db.PointEvents.SingleAsync(e => e.ExternalId == "lab-2047");
        Assert.Equal(2, (await db.PointAwards.SingleAsync(a => a.EventId == scored.Id)).Points);

        // Bureau staff earn no points: the hook is a no-op for them.
        await recorder.RecordAsync(city.UserId, PointTypes.LabRecordPublished, at, "lab-city");
        Assert.False(await db.PointEvents.AnyAsync(e => e.ExternalId == "lab-city"));
    }
}

/// <summary>The ingestion endpoint's rate limit, on a portal configured with a tiny window.</summary>
public sealed class PointRateLimitTests : IClassFixture<PointRateLimitTests.LimitedPortal>
{
    private readonly LimitedPortal _portal;

    public PointRateLimitTests(LimitedPortal portal) => _portal = portal;

    public sealed class LimitedPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Points:IngestionRequestsPerMinute", "2");
        }
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429()
    {
        var city = await _portal.CallerAsync(DemoAccounts.CityAdmin);
        var key = (await _portal.Service<PointApiKeyService>().IssueAsync(city, "限流测试", "rate-test")).Value!;
        var client = _portal.CreateClient();
        var statuses = new List<HttpStatusCode>();
        var last = "";
        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/points/events")
            {
                Content = JsonContent.Create(new { events = new[] { new { externalId = $"RL-{i}", teacherPhone = "13800000004", type = PointTypes.Courseware, occurredAt = _portal.Now.AddHours(-1) } } }),
            };
            request.Headers.Add("X-Api-Key", key);
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("请求过于频繁", last);
    }
}
