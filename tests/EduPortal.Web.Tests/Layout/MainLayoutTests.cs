using System.Globalization;
using System.Security.Claims;
using Bunit;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Components.Layout;
using EduPortal.Web.Components.Shared;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Layout;

/// <summary>
/// The layout shell is plain markup with MudBlazor's classes (no MudLayout, MudAppBar, MudDrawer, AuthorizeView): it must
/// still open and close the side menu on phones and wide screens, close a phone's menu on navigation, show the user and
/// sign out with the antiforgery token, and show no menu to an anonymous visitor.
/// </summary>
public sealed class MainLayoutTests : MudComponentTest
{
    private IRenderedComponent<MainLayout> Render(bool signedIn = true)
    {
        var auth = Context.AddAuthorization();
        if (signedIn)
        {
            auth.SetAuthorized("张博");
            auth.SetClaims(
                new Claim(EduPortalClaims.RealName, "张博"),
                new Claim(EduPortalClaims.OrgUnitName, "东溪区第一高级中学"),
                new Claim(EduPortalClaims.Level, ((int)AdminLevel.Teacher).ToString(CultureInfo.InvariantCulture)),
                new Claim(EduPortalClaims.OrgKind, ((int)OrgUnitKind.School).ToString(CultureInfo.InvariantCulture)));
        }
        Context.Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page\">正文</p>"))));
    }

    private static string DrawerClass(IRenderedComponent<MainLayout> layout) => layout.Find("[data-testid=drawer]").ClassName ?? "";

    [Fact]
    public void The_phone_menu_button_opens_the_drawer_over_the_page_and_a_tap_beside_it_closes_it()
    {
        var layout = Render();
        Assert.DoesNotContain("portal-drawer-phone-open", DrawerClass(layout));
        Assert.Equal("false", layout.Find("[data-testid=menu-phone]").GetAttribute("aria-expanded"));
        Assert.Empty(layout.FindAll("[data-testid=drawer-overlay]"));

        layout.Find("[data-testid=menu-phone]").Click();
        Assert.Contains("portal-drawer-phone-open", DrawerClass(layout));
        Assert.Equal("true", layout.Find("[data-testid=menu-phone]").GetAttribute("aria-expanded"));
        Assert.Equal("portal-drawer", layout.Find("[data-testid=menu-phone]").GetAttribute("aria-controls"));

        layout.Find("[data-testid=drawer-overlay]").Click();
        Assert.DoesNotContain("portal-drawer-phone-open", DrawerClass(layout));
        Assert.Empty(layout.FindAll("[data-testid=drawer-overlay]"));
    }

    [Fact]
    public void Choosing_a_page_closes_the_phone_menu_but_not_the_wide_screen_menu()
    {
        var layout = Render();
        layout.Find("[data-testid=menu-phone]").Click();
        Assert.Contains("portal-drawer-phone-open", DrawerClass(layout));

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/points/me");
        layout.WaitForAssertion(() => Assert.DoesNotContain("portal-drawer-phone-open", DrawerClass(layout)));
        Assert.DoesNotContain("portal-drawer-desktop-closed", DrawerClass(layout));
        // The menu marks the page navigated to.
        Assert.Equal("我的积分", layout.Find("a.mud-nav-link.active").TextContent.Trim());
    }

    [Fact]
    public void The_wide_screen_menu_button_hides_and_shows_the_drawer_and_the_page_takes_its_room()
    {
        var layout = Render();
        var layoutRoot = layout.Find(".mud-layout");
        Assert.Contains("mud-drawer-open-responsive-md-left", layoutRoot.ClassName);
        Assert.Equal("true", layout.Find("[data-testid=menu-desktop]").GetAttribute("aria-expanded"));

        layout.Find("[data-testid=menu-desktop]").Click();
        Assert.Contains("portal-drawer-desktop-closed", DrawerClass(layout));
        Assert.Contains("mud-drawer-close-responsive-md-left", layout.Find(".mud-layout").ClassName);
        Assert.Equal("false", layout.Find("[data-testid=menu-desktop]").GetAttribute("aria-expanded"));

        layout.Find("[data-testid=menu-desktop]").Click();
        Assert.DoesNotContain("portal-drawer-desktop-closed", DrawerClass(layout));
        Assert.Contains("mud-drawer-open-responsive-md-left", layout.Find(".mud-layout").ClassName);
    }

    [Fact]
    public void The_app_bar_shows_the_user_and_signs_out_through_a_form_carrying_the_antiforgery_token()
    {
        var layout = Render();
        Assert.Equal("张博", layout.Find("[data-testid=user-name]").TextContent);
        Assert.Contains("东溪区第一高级中学 · 教师", layout.Find(".user-org").TextContent);
        var form = layout.Find("form[action='Account/Logout']");
        Assert.Equal("post", form.GetAttribute("method"));
        var token = form.QuerySelector("input[type=hidden]");
        Assert.NotNull(token);
        Assert.Equal("__RequestVerificationToken", token.GetAttribute("name"));
        Assert.Equal("token-value", token.GetAttribute("value"));
        Assert.Equal("submit", form.QuerySelector("[data-testid=sign-out]")!.GetAttribute("type"));
        Assert.Equal("正文", layout.Find("#page").TextContent);
    }

    [Fact]
    public void An_anonymous_visitor_gets_the_page_without_menu_user_box_or_sign_out()
    {
        var layout = Render(signedIn: false);
        Assert.Empty(layout.FindAll("[data-testid=drawer]"));
        Assert.Empty(layout.FindAll("[data-testid=menu-phone]"));
        Assert.Empty(layout.FindAll("[data-testid=sign-out]"));
        Assert.Equal("正文", layout.Find("#page").TextContent);
    }

    [Fact]
    public void The_help_link_opens_its_guide_with_an_accessible_name_and_a_tooltip()
    {
        var link = Context.Render<HelpLink>(p => p.Add(h => h.Topic, "points.me"));
        var anchor = link.Find("a[data-testid=help-link]");
        Assert.Equal("/guides/points.me", anchor.GetAttribute("href"));
        Assert.Equal("操作指南", anchor.GetAttribute("aria-label"));
        Assert.Equal("操作指南", link.Find(".portal-tooltip").GetAttribute("data-tooltip"));
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token-value", "__RequestVerificationToken");
    }
}
