using System.Net;
using System.Text.RegularExpressions;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Guides;
using EduPortal.Web.Features.Guides;
using EduPortal.Web.Infrastructure.Html;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Guides;

/// <summary>Operation guides (circular 000 附件2): rendering is sanitized, only the city's editors edit, each page's help icon has a guide.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class GuideServiceTests(PortalFactory portal)
{
    private GuideService Guides => portal.Service<GuideService>();

    [Fact]
    public void Rendering_strips_scripts_event_handlers_and_javascript_links_but_keeps_markdown()
    {
        var html = portal.Service<MarkdownHtml>().ToHtml(
            "## 步骤\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[点我](javascript:alert(1)) [帮助](https://example.org/help)\n\n1. **发布**\n");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Raw HTML never survives as an active element: no image, no event handler.
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2>步骤</h2>", html);
        Assert.Contains("<strong>发布</strong>", html);
        Assert.Contains("href=\"https://example.org/help\"", html);
    }

    [Fact]
    public async Task A_city_editors_edit_is_audited_with_the_text_before_and_after_and_a_county_editor_is_refused()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var before = (await Guides.GetAsync(city, "plans")).Value!.Guide;
        var refused = await Guides.EditAsync(county, "plans", new GuideInput { Title = "改", Audience = GuideAudience.Admins, Markdown = "改" });
        Assert.IsType<ForbiddenError>(refused.Error);
        var input = new GuideInput { Title = before.Title, Audience = before.Audience, Markdown = before.Markdown + "\n\n<script>alert(1)</script>\n\n- 新增：逾期任务会在首页提醒。" };
        Assert.True((await Guides.EditAsync(city, "plans", input)).Succeeded);
        var view = (await Guides.GetAsync(county, "plans")).Value!;
        Assert.Contains("逾期任务会在首页提醒", view.Html);
        Assert.DoesNotContain("<script", view.Html);
        Assert.False(view.CanEdit);
        var history = await Guides.HistoryAsync("plans");
        Assert.Equal(city.RealName, history[0].ByName);
        await using var db = await portal.DbAsync();
        var entry = await db.AuditEntries.Where(a => a.Action == AuditActions.GuideEdited && a.EntityId == "plans").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("新增：逾期任务会在首页提醒", entry.After);
        Assert.DoesNotContain("新增：逾期任务会在首页提醒", entry.Before);
    }

    [Fact]
    public async Task The_index_lists_a_teachers_guides_and_not_the_admins_ones()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var rows = await Guides.ListAsync(teacher);
        Assert.Contains(rows, r => r.Topic == "labs.record");
        Assert.Contains(rows, r => r.Topic == "feedback");
        Assert.DoesNotContain(rows, r => r.Topic == "accounts");
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        Assert.Contains(await Guides.ListAsync(city), r => r.Topic == "labs.record" && !r.ForCaller);
    }

    [Fact]
    public void Every_help_icon_on_a_page_names_a_shipped_guide()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/EduPortal.Web"));
        var topics = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => HelpLinkPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(t => !t.StartsWith('@')).Distinct().ToList();
        Assert.True(topics.Count >= 10, $"only {topics.Count} help icons found under {root}");
        var shipped = GuideSeeder.Shipped.Select(g => g.Topic).ToHashSet();
        Assert.All(topics, t => Assert.Contains(t, shipped));
    }

    [Fact]
    public async Task A_teacher_opens_a_guide_page_by_its_topic()
    {
        var (client, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var response = await client.GetAsync("/guides/labs.record");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PortalFactory.HtmlAsync(response);
        Assert.Contains("记录实验课（拍照上传）", html);
        Assert.Contains("教室从前向后全场", html);
    }

    [GeneratedRegex("<HelpLink Topic=\"([^\"]+)\"")]
    private static partial Regex HelpLinkPattern();
}
