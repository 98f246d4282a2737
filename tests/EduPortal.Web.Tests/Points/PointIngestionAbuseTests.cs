using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;

namespace EduPortal.Web.Tests.Points;

/// <summary>Issue 10 (ingestion API): limited per client address first, body size capped, then the key checked.</summary>
[Collection(PortalCollection.Name)]
public sealed class PointIngestionAbuseTests(PortalFactory portal)
{
    private async Task<string> IssueKeyAsync(string source)
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var issued = await portal.Service<PointApiKeyService>().IssueAsync(city, "测试平台", source);
        Assert.True(issued.Succeeded, issued.Error?.Message);
        return issued.Value!;
    }

    private static HttpRequestMessage Post(string? key, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/points/events") { Content = content };
        if (key is not null)
        {
            request.Headers.Add(PointsModule.ApiKeyHeader, key);
        }
        return request;
    }

    private object Batch(string externalId) => new
    {
        events = new[] { new { externalId, teacherPhone = "13800000004", type = PointTypes.Courseware, occurredAt = portal.Now.AddDays(-1) } },
    };

    private static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();

    [Fact]
    public async Task Made_up_keys_from_one_address_are_limited_per_address_while_other_addresses_keep_posting()
    {
        var limit = new PointsOptions().IngestionRequestsPerAddressPerMinute;
        var attacker = portal.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
        {
            statuses.Add((await attacker.SendAsync(Post("ep_made-up-" + Guid.NewGuid().ToString("N"), JsonContent.Create(Batch("X-" + i))))).StatusCode);
        }
        Assert.All(statuses[..limit], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Even a real key is refused from that address for the rest of the minute; the platform's own address is not.
        var key = await IssueKeyAsync("address-limit-test");
        var refused = await attacker.SendAsync(Post(key, JsonContent.Create(Batch("L-1"))));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("请求过于频繁，请一分钟后再试", await ErrorAsync(refused));
        Assert.Equal(HttpStatusCode.OK, (await portal.Browser().SendAsync(Post(key, JsonContent.Create(Batch("L-2"))))).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_with_413_before_the_key_is_checked()
    {
        var cap = new PointsOptions().IngestionMaxBodyBytes;
        var big = new string(' ', cap) + "{}";
        var response = await portal.Browser().SendAsync(Post("ep_made-up", new StringContent(big, Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("请求体过大：每次最多 1024 KB，请分批提交", await ErrorAsync(response));

        // A chunked body (no Content-Length) from a real key is cut off at the cap too.
        var key = await IssueKeyAsync("body-cap-test");
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = Post(key, chunked);
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await portal.Browser().SendAsync(request)).StatusCode);

        // A normal batch still goes through, and a malformed one gets a Chinese JSON error.
        Assert.Equal(HttpStatusCode.OK, (await portal.Browser().SendAsync(Post(key, JsonContent.Create(Batch("B-1"))))).StatusCode);
        var malformed = await portal.Browser().SendAsync(Post(key, new StringContent("{\"events\": [", Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("请求体不是有效的 JSON", await ErrorAsync(malformed));
    }
}
