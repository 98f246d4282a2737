using EduPortal.Domain.Common;
using EduPortal.Domain.Plans;
using static EduPortal.Domain.Tests.Plans.PlanFixtures;

namespace EduPortal.Domain.Tests.Plans;

public sealed class PlanTests
{
    [Fact]
    public void An_admin_creates_a_plan_for_their_own_unit_only()
    {
        Assert.IsType<ForbiddenError>(Plan.Create(County, CityUnit, "方案", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, Now).Error);
        Assert.IsType<ForbiddenError>(Plan.Create(TeacherA, SchoolA, "方案", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, Now).Error);
        var plan = Plan.Create(SchoolAdminA, SchoolA, " 学校方案 ", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), " ", Now).Value!;
        Assert.Equal("学校方案", plan.Title);
        Assert.Null(plan.DocumentNumber);
    }

    [Fact]
    public void A_plan_needs_a_title_and_an_end_after_its_start()
    {
        var error = Assert.IsType<ValidationError>(Plan.Create(County, CountyUnit, " ", new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), null, Now).Error);
        Assert.Equal("请填写方案名称", error.Fields["Title"]);
        Assert.Equal("结束日期不能早于开始日期", error.Fields["PeriodEnd"]);
    }

    [Fact]
    public void The_owner_edits_schools_under_it_and_admins_above_it_view_and_other_counties_see_nothing()
    {
        var plan = CountyPlan();
        Assert.Equal(new PlanPermissions(true, true, true), plan.PermissionsFor(County));
        Assert.Equal(new PlanPermissions(true, false, false), plan.PermissionsFor(City));
        Assert.Equal(new PlanPermissions(true, false, true), plan.PermissionsFor(SchoolAdminA));
        Assert.Equal(new PlanPermissions(true, false, false), plan.PermissionsFor(TeacherA));
        Assert.Equal(new PlanPermissions(false, false, false), plan.PermissionsFor(OtherCounty));
    }

    [Fact]
    public void The_leadership_group_has_one_leader_with_posts_and_offices_with_duties()
    {
        var plan = CountyPlan();
        Assert.True(plan.AddLeader(County, PlanLeaderRole.Leader, "李景浩", "副区长").Succeeded);
        Assert.True(plan.AddLeader(County, PlanLeaderRole.DeputyLeader, "张云飞", "区教育局局长").Succeeded);
        var second = Assert.IsType<ValidationError>(plan.AddLeader(County, PlanLeaderRole.Leader, "王五", "").Error);
        Assert.Equal("领导小组只有一名组长", second.Fields["Role"]);
        Assert.IsType<ForbiddenError>(plan.AddLeader(City, PlanLeaderRole.Member, "赵六", "").Error);
        Assert.True(plan.AddOffice(County, "局教育督导室", "负责对试点工作的检查督导").Succeeded);
        Assert.Equal("该处室已在名单中", Assert.IsType<ValidationError>(plan.AddOffice(County, "局教育督导室", "重复").Error).Fields["Name"]);
        Assert.Equal(["组长", "副组长"], plan.Leaders.Select(l => l.Role.DisplayName()));
    }

    [Fact]
    public void A_school_names_its_own_lead_and_not_another_schools_or_one_outside_the_plan()
    {
        var plan = CountyPlan();
        Assert.True(plan.NameSchoolLead(SchoolAdminA, SchoolA, "刘副校长", "副校长").Succeeded);
        Assert.True(plan.NameSchoolLead(SchoolAdminA, SchoolA, "陈副校长", "副校长").Succeeded);
        Assert.Equal("陈副校长", Assert.Single(plan.SchoolLeads).LeaderName);
        Assert.IsType<ForbiddenError>(plan.NameSchoolLead(SchoolAdminB, SchoolA, "某人", "").Error);
        Assert.IsType<NotFoundError>(plan.NameSchoolLead(County, OtherCountySchool, "某人", "").Error);
    }
}
