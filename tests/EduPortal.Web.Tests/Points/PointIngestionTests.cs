using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

[Collection(PortalCollection.Name)]
public sealed class PointIngestionTests(PortalFactory portal)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private async Task<string> IssueKeyAsync(string source)
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var issued = await portal.Service<PointApiKeyService>().IssueAsync(city, "测试平台", source);
        Assert.True(issued.Succeeded, issued.Error?.Message);
        return issued.Value!;
    }

    private static HttpRequestMessage Post(string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/points/events") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_batch_keeps_good_rows_rejects_bad_ones_with_reasons_and_a_resend_changes_nothing()
    {
        var key = await IssueKeyAsync("ingest-test");
        var client = portal.CreateClient();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, China);
        var body = new
        {
            events = new object[]
            {
                new { externalId = "A-1", teacherPhone = "13800000004", type = PointTypes.Courseware, occurredAt = at },
                new { externalId = "A-2", teacherPhone = "13800000004", type = PointTypes.GuidedTest, occurredAt = at.AddHours(1), quantity = 6 },
                new { externalId = "A-3", teacherPhone = "13900000000", type = PointTypes.Courseware, occurredAt = at },
                new { externalId = "A-4", teacherPhone = "13800000004", type = "no-such-type", occurredAt = at },
                new { externalId = "A-5", teacherPhone = "13800000004", type = PointTypes.Courseware },
                new { externalId = "A-1", teacherPhone = "13800000004", type = PointTypes.Courseware, occurredAt = at },
                new { externalId = "", teacherPhone = "13800000004", type = PointTypes.Courseware, occurredAt = at },
            },
        };
        var response = await client.SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal((2, 5), (json.GetProperty("created").GetInt32(), json.GetProperty("rejected").GetInt32()));
        var results = json.GetProperty("results");
        Assert.Equal("找不到该教师（手机号或编号不存在，或不是在校教师账号）", results[2].GetProperty("error").GetString());
        Assert.Equal("未知的事件类型“no-such-type”", results[3].GetProperty("error").GetString());
        Assert.StartsWith("occurredAt 必填", results[4].GetProperty("error").GetString());
        Assert.Equal("externalId 与本批第 0 条重复", results[5].GetProperty("error").GetString());
        Assert.StartsWith("externalId 必填", results[6].GetProperty("error").GetString());

        // Idempotent: the same batch again creates nothing; the readers of A-2 grew, so it is updated.
        var again = await JsonAsync(await client.SendAsync(Post(key, body)));
        Assert.Equal((0, 2, 5), (again.GetProperty("created").GetInt32(), again.GetProperty("duplicates").GetInt32(), again.GetProperty("rejected").GetInt32()));
        var grown = await JsonAsync(await client.SendAsync(Post(key, new
        {
            events = new[] { new { externalId = "A-2", teacherPhone = "13800000004", type = PointTypes.GuidedTest, occurredAt = at.AddHours(1), quantity = 12 } },
        })));
        Assert.Equal("Updated", grown.GetProperty("results")[0].GetProperty("status").GetString());

        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        await using var db = await portal.DbAsync();
        var events = await db.PointEvents.Where(e => e.Source == "ingest-test").ToListAsync();
        Assert.Equal(2, events.Count);
        var awards = await db.PointAwards.Where(a => events.Select(e => e.Id).Contains(a.EventId)).OrderBy(a => a.EventId).ToListAsync();
        Assert.Equal([10, 5], awards.Select(a => a.Points)); // the guided test now has 12 readers ≥ 10
    }

    [Fact]
    public async Task Unknown_and_revoked_keys_are_refused()
    {
        var client = portal.CreateClient();
        var body = new { events = new[] { new { externalId = "R-1", teacherPhone = "13800000004", type = PointTypes.Courseware, occurredAt = portal.Now.AddDays(-1) } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Post(null, body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Post("ep_not-a-key", body))).StatusCode);

        var key = await IssueKeyAsync("revoke-test");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post(key, body))).StatusCode);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var keys = portal.Service<PointApiKeyService>();
        var row = (await keys.ListAsync(city)).Value!.Single(k => k.Source == "revoke-test");
        Assert.True((await keys.RevokeAsync(city, row.Id)).Succeeded);
        Assert.IsType<ConflictError>((await keys.RevokeAsync(city, row.Id)).Error);

        var refused = await client.SendAsync(Post(key, body));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("接入密钥无效或已吊销", (await JsonAsync(refused)).GetProperty("error").GetString());

        await using var db = await portal.DbAsync();
        var stored = await db.PointApiKeys.SingleAsync(k => k.Source == "revoke-test");
        Assert.DoesNotContain(key, stored.KeyHash); // only the hash is kept
        Assert.Equal(PointApiKey.Hash(key), stored.KeyHash);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Domain.Auditing.AuditActions.PointApiKeyRevoked && a.EntityId == row.Id.ToString()));
    }

    [Fact]
    public async Task Only_city_admins_issue_keys()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.IsType<ForbiddenError>((await portal.Service<PointApiKeyService>().IssueAsync(county, "平台", "county-key")).Error);
        Assert.IsType<ForbiddenError>((await portal.Service<PointApiKeyService>().ListAsync(county)).Error);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var bad = await portal.Service<PointApiKeyService>().IssueAsync(city, "", "Bad Code");
        var error = Assert.IsType<ValidationError>(bad.Error);
        Assert.Equal("请填写平台名称", error.Fields["PlatformName"]);
        Assert.Equal("来源代码应为 2–30 位小写字母、数字或连字符", error.Fields["Source"]);
    }
}
