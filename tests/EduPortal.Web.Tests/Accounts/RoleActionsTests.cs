using Bunit;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Accounts;

/// <summary>The role-management component offers exactly the actions circular 000 allows, and reports the one clicked.</summary>
public sealed class RoleActionsTests : MudComponentTest
{
    private static readonly AccountPosition CityAdmin = new(AdminLevel.City, "/1/", OrgUnitKind.City);
    private static readonly AccountPosition CountyAdmin = new(AdminLevel.County, "/1/1/", OrgUnitKind.County);
    private static readonly AccountPosition SchoolAdmin = new(AdminLevel.School, "/1/1/1/", OrgUnitKind.School);
    private static readonly AccountPosition Teacher = new(AdminLevel.Teacher, "/1/1/1/", OrgUnitKind.School);
    private static readonly AccountPosition OtherCountyTeacher = new(AdminLevel.Teacher, "/1/2/1/", OrgUnitKind.School);

    private IRenderedComponent<RoleActions> Render(AccountPosition actor, AccountPosition target, Action<AdminLevel>? onLevel = null) =>
        Context.Render<RoleActions>(p => p
            .Add(c => c.Actor, actor)
            .Add(c => c.Target, target)
            .Add(c => c.Status, AccountStatus.Active)
            .Add(c => c.OnChangeLevel, level => onLevel?.Invoke(level)));

    private static IReadOnlyList<string> ButtonTexts(IRenderedComponent<RoleActions> component) =>
        component.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    [Fact]
    public void A_city_admin_sees_promotions_to_school_and_county_admin_for_a_teacher()
    {
        var buttons = ButtonTexts(Render(CityAdmin, Teacher));
        Assert.Equal(["提升为校级管理员", "提升为县级管理员", "附加权限", "账号状态", "重置密码"], buttons);
    }

    [Fact]
    public void A_county_admin_may_demote_a_school_admin_only_to_teacher()
    {
        var buttons = ButtonTexts(Render(CountyAdmin, SchoolAdmin));
        Assert.Equal(["降为普通教师", "附加权限", "账号状态", "重置密码"], buttons);
    }

    [Fact]
    public void A_school_admin_has_no_level_to_give_and_no_capabilities_to_grant()
    {
        Assert.Equal(["账号状态", "重置密码"], ButtonTexts(Render(SchoolAdmin, Teacher)));
    }

    [Fact]
    public void Peers_and_accounts_outside_the_jurisdiction_get_no_actions()
    {
        var peer = Render(CountyAdmin, CountyAdmin);
        Assert.Empty(peer.FindAll("button"));
        Assert.Contains("无可用操作", peer.Markup);
        Assert.Empty(Render(CountyAdmin, OtherCountyTeacher).FindAll("button"));
    }

    [Fact]
    public void A_pending_applicant_offers_nothing_but_is_handled_on_the_approval_page()
    {
        var component = Context.Render<RoleActions>(p => p
            .Add(c => c.Actor, CityAdmin)
            .Add(c => c.Target, Teacher)
            .Add(c => c.Status, AccountStatus.Pending));
        Assert.Empty(component.FindAll("button"));
    }

    [Fact]
    public async Task Clicking_a_promotion_reports_the_chosen_level()
    {
        AdminLevel? chosen = null;
        var component = Render(CityAdmin, Teacher, level => chosen = level);
        await component.InvokeAsync(() => component.Find("[data-testid=set-level-2]").Click());
        Assert.Equal(AdminLevel.County, chosen);
    }
}
