using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace EduPortal.Web.Components.Layout;

/// <summary>Who the side menu is for: the menu depends only on these, so every circuit of the same kind shares it.</summary>
public readonly record struct NavAudience(AdminLevel Level, OrgUnitKind? OrgKind, bool Technician)
{
    public static NavAudience Of(ClaimsPrincipal user) =>
        new(user.GetLevel(), user.GetOrgKind(), user.GetCapabilities().HasFlag(Capability.Technician));

    public bool InSchool => OrgKind == OrgUnitKind.School;
}

/// <summary>A link of the side menu; its markup (MudBlazor's nav-link classes) is built once and shared.</summary>
public sealed class PortalNavLink
{
    private readonly MarkupString plain;
    private readonly MarkupString active;

    public PortalNavLink(string href, string text, string? icon = null, NavLinkMatch match = NavLinkMatch.Prefix)
    {
        Href = href;
        Text = text;
        Match = match;
        plain = Build(href, text, icon, active: false);
        active = Build(href, text, icon, active: true);
    }

    public string Href { get; }
    public string Text { get; }
    public NavLinkMatch Match { get; }

    /// <summary>The link's markup, marked active (as NavLink would) when <paramref name="path"/> is its page.</summary>
    public MarkupString Html(string path) => IsActive(path) ? active : plain;

    /// <summary>NavLink's rules on the path (query and fragment ignored): All = the same page, Prefix = the page or one under it.</summary>
    public bool IsActive(string path)
    {
        if (string.Equals(path, Href, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return Match == NavLinkMatch.Prefix && path.Length > Href.Length && path[Href.Length] == '/'
            && path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
    }

    private static MarkupString Build(string href, string text, string? icon, bool active)
    {
        var svg = icon is null ? "" : PortalNav.IconSvg(icon, "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default");
        var target = href.StartsWith("/hangfire", StringComparison.Ordinal) ? " target=\"_blank\"" : "";
        var state = active ? " active\" aria-current=\"page" : "";
        return new MarkupString(
            $"<div class=\"mud-nav-item\"><a href=\"{WebUtility.HtmlEncode(href)}\"{target} class=\"mud-nav-link mud-ripple{state}\">{svg}<div class=\"mud-nav-link-text\">{WebUtility.HtmlEncode(text)}</div></a></div>");
    }
}

/// <summary>A collapsible group of the side menu.</summary>
public sealed class PortalNavGroup(string title, string icon, bool expanded, IReadOnlyList<PortalNavLink> links)
{
    public string Title { get; } = title;
    public bool ExpandedAtFirst { get; } = expanded;
    public IReadOnlyList<PortalNavLink> Links { get; } = links;

    /// <summary>The header's icon, title and expand arrow (turned when open).</summary>
    public MarkupString Header(bool open) => open ? openHeader : closedHeader;

    private readonly MarkupString openHeader = BuildHeader(title, icon, open: true);
    private readonly MarkupString closedHeader = BuildHeader(title, icon, open: false);

    private static MarkupString BuildHeader(string title, string icon, bool open) => new(
        PortalNav.IconSvg(icon, "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default")
        + $"<div class=\"mud-nav-link-text\">{WebUtility.HtmlEncode(title)}</div>"
        + PortalNav.IconSvg(Icons.Material.Filled.ExpandMore, open ? "mud-icon-root mud-svg-icon mud-icon-size-medium mud-nav-link-expand-icon mud-transform" : "mud-icon-root mud-svg-icon mud-icon-size-medium mud-nav-link-expand-icon"));
}

/// <summary>
/// The portal's side menu as data: one immutable list of links and groups per <see cref="NavAudience"/>, built once
/// and shared by every circuit (the menu used to be ~110 MudBlazor components per circuit: MudNavLink + NavLink +
/// MudIcon for every link, MudNavGroup + MudCollapse + MudNavMenu for every group, each with its render tree).
/// </summary>
public static class PortalNav
{
    private static readonly ConcurrentDictionary<NavAudience, IReadOnlyList<object>> Menus = new();

    /// <summary>The entries (<see cref="PortalNavLink"/> or <see cref="PortalNavGroup"/>) the audience sees, in order.</summary>
    public static IReadOnlyList<object> For(NavAudience who) => Menus.GetOrAdd(who, Build);

    internal static string IconSvg(string icon, string classes) =>
        $"<svg class=\"{classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>";

    private static IReadOnlyList<object> Build(NavAudience who)
    {
        var level = who.Level;
        var all = NavLinkMatch.All;
        var entries = new List<object>
        {
            new PortalNavLink("/", "首页", Icons.Material.Filled.Dashboard, all),
            new PortalNavLink("/me", "我的资料", Icons.Material.Filled.Person),
            new PortalNavLink("/circulars", "通知公告", Icons.Material.Filled.Campaign),
            new PortalNavLink("/exports", "我的导出", Icons.Material.Filled.CloudDownload, all),
            new PortalNavLink("/bulletins", "工作周通报", Icons.Material.Filled.Summarize),
        };

        var labs = new List<PortalNavLink>();
        if (who.InSchool)
        {
            labs.Add(new("/labs/new", "记录实验课", match: all));
            labs.Add(new("/labs/mine", "我的实验", match: all));
        }
        labs.Add(new("/labs", "实验展示", match: all));
        if (level >= AdminLevel.School)
        {
            labs.Add(new("/labs/review", "举报审核", match: all));
            labs.Add(new("/labs/stats", "实验统计", match: all));
        }
        if (level >= AdminLevel.County)
        {
            labs.Add(new("/labs/catalogue", "实验目录", match: all));
        }
        entries.Add(new PortalNavGroup("实验教学", Icons.Material.Filled.Science, true, labs));

        // 班班通 (Smartboards register)
        var boards = new List<PortalNavLink> { new("/smartboards", level == AdminLevel.Teacher ? "我负责的设备" : "设备台账", match: all) };
        if (level <= AdminLevel.School)
        {
            boards.Add(new("/smartboards/use/record", "登记应用课时", match: all));
        }
        if (level >= AdminLevel.School)
        {
            boards.Add(new("/smartboards/transfers", "闲置设备调配"));
            boards.Add(new("/smartboards/coverage", "覆盖率与网络"));
            boards.Add(new("/smartboards/use", "应用与学科覆盖", match: all));
            boards.Add(new("/smartboards/staffing", "技术人员配备"));
            boards.Add(new("/smartboards/training", "培训记录"));
            boards.Add(new("/smartboards/demo-lessons", "观摩课与示范课", match: all));
            boards.Add(new("/smartboards/competitions", "应用学科竞赛"));
            boards.Add(new("/smartboards/archive", "班班通档案", match: all));
        }
        entries.Add(new PortalNavGroup("班班通", Icons.Material.Filled.Cast, false, boards));

        if (level >= AdminLevel.School)
        {
            entries.Add(new PortalNavGroup("人员管理", Icons.Material.Filled.People, true,
            [
                new("/accounts", "人员名单", match: all),
                new("/accounts/pending", "注册审核"),
                new("/accounts/import", "批量导入教师"),
            ]));
            entries.Add(new PortalNavLink("/surveys", "实验教学调查", Icons.Material.Filled.Assignment));
            entries.Add(new PortalNavLink("/dashboard", "驾驶舱", Icons.Material.Filled.Speed, all));
            entries.Add(new PortalNavLink("/plans", "工作方案", Icons.Material.Filled.EventNote));
            if (level >= AdminLevel.County)
            {
                entries.Add(new PortalNavLink("/feedback", "县区工作反馈", Icons.Material.Filled.Feedback));
            }
            entries.Add(new PortalNavLink("/org", level == AdminLevel.School ? "学校与班级" : "单位管理", Icons.Material.Filled.AccountTree));
        }

        // Deep-application index (深度应用指数)
        var points = new List<PortalNavLink>();
        if (level <= AdminLevel.School)
        {
            points.Add(new("/points/me", "我的积分"));
        }
        points.Add(new("/points/tasks", "积分任务"));
        if (level >= AdminLevel.School)
        {
            points.Add(new("/points/school", "学校积分"));
            points.Add(new("/points/import", "导入积分事件"));
        }
        points.Add(new("/points/rankings", "指数排名"));
        if (level == AdminLevel.City)
        {
            points.Add(new("/points/rules", "计分规则"));
            points.Add(new("/points/keys", "接入密钥"));
        }
        entries.Add(new PortalNavGroup("深度应用指数", Icons.Material.Filled.EmojiEvents, true, points));

        // Teachers' cloud spaces (CloudSpaces, circular 001)
        var spaces = new List<PortalNavLink>();
        if (level <= AdminLevel.School)
        {
            spaces.Add(new("/cloudspaces/me", "我的云空间", match: all));
        }
        if (level >= AdminLevel.School)
        {
            spaces.Add(new("/cloudspaces/school", level == AdminLevel.School ? "本校学期考核" : "学期考核", match: all));
            spaces.Add(new("/cloudspaces/compliance", "云空间合格率", match: all));
        }
        // The district award rounds (001 §四(三)): experts score here, every user of the county sees published results
        spaces.Add(new("/cloudspaces/awards", "空间评比"));
        entries.Add(new PortalNavGroup("教师云空间", Icons.Material.Filled.Cloud, false, spaces));

        // 班班通 repairs, inspections and policies (Smartboards, sb-service)
        var repairs = new List<PortalNavLink>
        {
            new("/smartboards/repairs/mine", "我的报修", match: all),
            new("/smartboards/repairs", "报修处理", match: all),
        };
        if (level >= AdminLevel.School || who.Technician)
        {
            repairs.Add(new("/smartboards/repairs/figures", "报修统计", match: all));
            repairs.Add(new("/smartboards/safety", "安全检查"));
        }
        if (level >= AdminLevel.School)
        {
            repairs.Add(new("/smartboards/policies", "管理制度", match: all));
        }
        if (level >= AdminLevel.County)
        {
            repairs.Add(new("/smartboards/calendar", "节假日与维修期限", match: all));
        }
        entries.Add(new PortalNavGroup("班班通报修与安全", Icons.Material.Filled.Build, false, repairs));

        // School news (circular 001 §四(二)1)
        var news = new List<PortalNavLink>();
        if (who.InSchool)
        {
            news.Add(new("/news/new", "投稿", match: all));
            news.Add(new("/news/mine", "我的投稿", match: all));
        }
        news.Add(new("/news", "学校新闻", match: all));
        news.Add(new("/news/county", "县区精选", match: all));
        if (level is AdminLevel.School or AdminLevel.County)
        {
            news.Add(new("/news/review", "新闻审核", match: all));
        }
        if (level >= AdminLevel.School)
        {
            news.Add(new("/news/stats", "新闻统计", match: all));
        }
        entries.Add(new PortalNavGroup("学校新闻", Icons.Material.Filled.Newspaper, false, news));

        entries.Add(new PortalNavLink("/suggestions", "意见建议", Icons.Material.Filled.RateReview));
        entries.Add(new PortalNavLink("/guides", "操作指南", Icons.Material.Filled.MenuBook));
        if (level >= AdminLevel.County)
        {
            entries.Add(new PortalNavLink("/audit", "操作日志", Icons.Material.Filled.History));
        }
        if (level == AdminLevel.City)
        {
            entries.Add(new PortalNavLink("/hangfire", "后台任务", Icons.Material.Filled.Schedule));
        }
        return entries;
    }
}
