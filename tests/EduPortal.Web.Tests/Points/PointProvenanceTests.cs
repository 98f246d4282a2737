using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>Issue 10 (points without anything behind them): each rule declares where its events may come from.</summary>
[Collection(PortalCollection.Name)]
public sealed class PointProvenanceTests(PortalFactory portal)
{
    private const string TeacherPhone = "13800000004";

    [Fact]
    public async Task A_platform_key_cannot_post_the_portals_own_events_for_anyone()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var key = (await portal.Service<PointApiKeyService>().IssueAsync(city, "云平台", "provenance-api")).Value!;
        var at = portal.Now.AddDays(-1);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/points/events")
        {
            Content = JsonContent.Create(new
            {
                events = new[]
                {
                    new { externalId = "P-1", teacherPhone = TeacherPhone, type = PointTypes.LabRecordPublished, occurredAt = at },
                    new { externalId = "P-2", teacherPhone = TeacherPhone, type = PointTypes.Login, occurredAt = at },
                    new { externalId = "P-3", teacherPhone = TeacherPhone, type = PointTypes.ProfileComplete, occurredAt = at },
                    new { externalId = "P-4", teacherPhone = TeacherPhone, type = PointTypes.Courseware, occurredAt = at },
                },
            }),
        };
        request.Headers.Add(PointsModule.ApiKeyHeader, key);
        var response = await portal.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((1, 3), (json.GetProperty("created").GetInt32(), json.GetProperty("rejected").GetInt32()));
        var results = json.GetProperty("results");
        Assert.Equal("“实验课发布”不接受接入平台提交（来源：本平台记录）", results[0].GetProperty("error").GetString());
        Assert.Equal("“空间登录”不接受接入平台提交（来源：本平台记录）", results[1].GetProperty("error").GetString());
        Assert.Equal("“信息完善”不接受接入平台提交（来源：本平台记录）", results[2].GetProperty("error").GetString());

        await using var db = await portal.DbAsync();
        Assert.Equal([PointTypes.Courseware], await db.PointEvents.Where(e => e.Source == "provenance-api").Select(e => e.Type).ToListAsync());
    }

    [Fact]
    public async Task A_school_admin_cannot_import_points_for_itself_nor_the_portals_own_events()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        string adminPhone;
        await using (var db = await portal.DbAsync())
        {
            adminPhone = await db.Users.Where(u => u.Id == admin.UserId).Select(u => u.PhoneNumber!).SingleAsync();
        }
        var when = ChinaTime.ToChina(portal.Now.AddDays(-1)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var csv = Encoding.UTF8.GetBytes("手机号,事件类型,发生时间,数量,数量2,编号\n"
            + $"{adminPhone},课件制作,{when},,,SELF-1\n"
            + $"{adminPhone},实验课发布,{when},,,SELF-2\n"
            + $"{TeacherPhone},实验课发布,{when},,,LAB-1\n"
            + $"{TeacherPhone},空间登录,{when},,,LOGIN-1\n"
            + $"{TeacherPhone},课件制作,{when},,,OK-1\n");
        var result = (await portal.Service<PointImportService>().ImportAsync(admin, new MemoryStream(csv), "events.csv")).Value!;
        Assert.Equal(1, result.Created);
        var rejected = result.Rejected.ToList();
        Assert.Equal([2, 3, 4, 5], rejected.Select(r => r.RowNumber));
        Assert.Equal("不能为自己的账号导入积分事件", rejected[0].Error);
        Assert.Equal("不能为自己的账号导入积分事件", rejected[1].Error);
        Assert.Equal("“实验课发布”不接受表格导入（来源：本平台记录）", rejected[2].Error);
        Assert.Equal("“空间登录”不接受表格导入（来源：本平台记录）", rejected[3].Error);

        await using var check = await portal.DbAsync();
        var source = PointSources.ImportPrefix + admin.OrgUnitId;
        Assert.False(await check.PointEvents.AnyAsync(e => e.Source == source && (e.TeacherId == admin.UserId || e.Type == PointTypes.LabRecordPublished)));
    }
}
