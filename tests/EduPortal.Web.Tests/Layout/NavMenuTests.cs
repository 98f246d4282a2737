using System.Globalization;
using System.Security.Claims;
using Bunit;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Components.Layout;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Layout;

/// <summary>
/// The side menu is prebuilt markup shared by every circuit (no MudNavLink components): it must still show each role its
/// links, mark the current page as NavLink did, and open and close its groups.
/// </summary>
public sealed class NavMenuTests : MudComponentTest
{
    private IRenderedComponent<NavMenu> RenderFor(AdminLevel level, OrgUnitKind kind, string location)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(EduPortalClaims.Level, ((int)level).ToString(CultureInfo.InvariantCulture)),
            new Claim(EduPortalClaims.OrgKind, ((int)kind).ToString(CultureInfo.InvariantCulture)),
        ], "test"));
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(location);
        return Context.Render<NavMenu>(p => p.Add(m => m.User, user));
    }

    private static string[] Links(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim())];

    [Fact]
    public void A_teacher_sees_the_teachers_links_with_the_current_page_marked()
    {
        var menu = RenderFor(AdminLevel.Teacher, OrgUnitKind.School, "/labs");

        var links = Links(menu);
        Assert.Contains("实验展示", links);
        Assert.Contains("我的积分", links);
        Assert.Contains("记录实验课", links);
        Assert.DoesNotContain("人员名单", links);
        Assert.DoesNotContain("举报审核", links);
        var active = Assert.Single(menu.FindAll("a.mud-nav-link.active"));
        Assert.Equal("实验展示", active.TextContent.Trim());
        Assert.Equal("page", active.GetAttribute("aria-current"));
        // "首页" matches its page only; "/labs" (exact) is not active under /labs/mine.
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/labs/mine?x=1");
        menu.WaitForAssertion(() => Assert.Equal("我的实验", Assert.Single(menu.FindAll("a.mud-nav-link.active")).TextContent.Trim()));
        // A prefix link stays active below its page, as NavLinkMatch.Prefix did.
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/circulars/12");
        menu.WaitForAssertion(() => Assert.Equal("通知公告", Assert.Single(menu.FindAll("a.mud-nav-link.active")).TextContent.Trim()));
    }

    [Fact]
    public void A_closed_group_shows_its_links_only_once_opened()
    {
        var menu = RenderFor(AdminLevel.Teacher, OrgUnitKind.School, "/");
        Assert.DoesNotContain("我负责的设备", Links(menu));
        var toggle = menu.Find("nav[aria-label=班班通] > button");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        toggle.Click();
        Assert.Contains("我负责的设备", Links(menu));
        Assert.Equal("true", menu.Find("nav[aria-label=班班通] > button").GetAttribute("aria-expanded"));

        menu.Find("nav[aria-label=实验教学] > button").Click();
        Assert.DoesNotContain("实验展示", Links(menu));
    }

    [Fact]
    public void A_school_admin_sees_people_management_and_lab_review()
    {
        var menu = RenderFor(AdminLevel.School, OrgUnitKind.School, "/");
        var links = Links(menu);
        Assert.Contains("人员名单", links);
        Assert.Contains("举报审核", links);
        Assert.Contains("驾驶舱", links);
        Assert.DoesNotContain("操作日志", links);
        Assert.Equal("学校与班级", menu.FindAll("a.mud-nav-link").Single(a => a.GetAttribute("href") == "/org").TextContent.Trim());
    }
}
