using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Tests.Accounts;

/// <summary>Circular 000 §二(二).1: admins manage only lower levels inside their jurisdiction; demote to teacher, promote below themselves.</summary>
public sealed class RoleRulesTests
{
    // 云溪市 /1/ → 东溪区 /1/1/ → 桃源镇中心校 /1/1/1/ → 学校 /1/1/1/1/; 西岭县 /1/2/ → 学校 /1/2/3/
    private const string City = "/1/";
    private const string County = "/1/1/";
    private const string Town = "/1/1/1/";
    private const string School = "/1/1/1/1/";
    private const string OtherSchoolSameCounty = "/1/1/5/";
    private const string OtherCounty = "/1/2/";
    private const string OtherCountySchool = "/1/2/3/";

    private static AccountPosition At(AdminLevel level, string path)
    {
        var kind = path switch
        {
            City => OrgUnitKind.City,
            County or OtherCounty => OrgUnitKind.County,
            Town => OrgUnitKind.Township,
            _ => OrgUnitKind.School,
        };
        return new AccountPosition(level, path, kind);
    }

    [Fact]
    public void County_admin_promotes_a_teacher_in_its_county_to_school_admin()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.County, County), At(AdminLevel.Teacher, School), AdminLevel.School, School, OrgUnitKind.School);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void County_admin_cannot_promote_anyone_to_its_own_level()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.County, County), At(AdminLevel.Teacher, School), AdminLevel.County, County, OrgUnitKind.County);
        Assert.IsType<ForbiddenError>(result.Error);
    }

    [Fact]
    public void City_admin_may_promote_a_teacher_straight_to_county_admin()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.City, City), At(AdminLevel.Teacher, School), AdminLevel.County, County, OrgUnitKind.County);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Demotion_goes_only_to_teacher_never_to_an_intermediate_level()
    {
        var city = At(AdminLevel.City, City);
        var countyAdmin = At(AdminLevel.County, County);
        Assert.IsType<ForbiddenError>(RoleRules.CanChangeLevel(city, countyAdmin, AdminLevel.School, School, OrgUnitKind.School).Error);
        Assert.True(RoleRules.CanChangeLevel(city, countyAdmin, AdminLevel.Teacher, School, OrgUnitKind.School).Succeeded);
    }

    [Fact]
    public void An_admin_cannot_act_on_a_peer()
    {
        var result = RoleRules.CanManage(At(AdminLevel.County, County), At(AdminLevel.County, County));
        Assert.IsType<ForbiddenError>(result.Error);
    }

    [Fact]
    public void An_admin_cannot_act_on_a_superior()
    {
        Assert.False(RoleRules.CanManage(At(AdminLevel.School, School), At(AdminLevel.County, County)).Succeeded);
    }

    [Fact]
    public void An_admin_cannot_reach_outside_its_subtree_and_the_refusal_looks_like_not_found()
    {
        var result = RoleRules.CanManage(At(AdminLevel.County, County), At(AdminLevel.Teacher, OtherCountySchool));
        Assert.IsType<NotFoundError>(result.Error);
    }

    [Fact]
    public void A_school_admin_cannot_manage_a_teacher_of_another_school()
    {
        Assert.IsType<NotFoundError>(RoleRules.CanManage(At(AdminLevel.School, School), At(AdminLevel.Teacher, OtherSchoolSameCounty)).Error);
    }

    [Fact]
    public void A_teacher_manages_nobody()
    {
        Assert.IsType<ForbiddenError>(RoleRules.CanManage(At(AdminLevel.Teacher, School), At(AdminLevel.Teacher, School)).Error);
    }

    [Fact]
    public void A_school_admin_manages_its_teachers_but_has_no_level_to_give()
    {
        var actor = At(AdminLevel.School, School);
        var teacher = At(AdminLevel.Teacher, School);
        Assert.True(RoleRules.CanManage(actor, teacher).Succeeded);
        Assert.Empty(RoleRules.AllowedNewLevels(actor, teacher));
    }

    [Fact]
    public void Promotion_cannot_move_the_account_outside_the_jurisdiction()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.County, County), At(AdminLevel.Teacher, School), AdminLevel.School, OtherCountySchool, OrgUnitKind.School);
        Assert.IsType<NotFoundError>(result.Error);
    }

    [Fact]
    public void A_county_admin_must_sit_in_a_county_bureau()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.City, City), At(AdminLevel.Teacher, School), AdminLevel.County, School, OrgUnitKind.School);
        Assert.IsType<ValidationError>(result.Error);
    }

    [Fact]
    public void A_demoted_admin_must_be_placed_in_a_school()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.City, City), At(AdminLevel.County, County), AdminLevel.Teacher, County, OrgUnitKind.County);
        Assert.IsType<ValidationError>(result.Error);
    }

    [Fact]
    public void Setting_the_current_level_again_is_a_conflict()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.City, City), At(AdminLevel.School, School), AdminLevel.School, School, OrgUnitKind.School);
        Assert.IsType<ConflictError>(result.Error);
    }

    [Fact]
    public void A_township_centre_admin_is_a_school_level_admin()
    {
        var result = RoleRules.CanChangeLevel(At(AdminLevel.County, County), At(AdminLevel.Teacher, School), AdminLevel.School, Town, OrgUnitKind.Township);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Only_county_and_city_admins_grant_capabilities()
    {
        var teacher = At(AdminLevel.Teacher, School);
        Assert.IsType<ForbiddenError>(RoleRules.CanGrantCapabilities(At(AdminLevel.School, School), teacher).Error);
        Assert.True(RoleRules.CanGrantCapabilities(At(AdminLevel.County, County), teacher).Succeeded);
        Assert.True(RoleRules.CanGrantCapabilities(At(AdminLevel.City, City), At(AdminLevel.County, County)).Succeeded);
        Assert.False(RoleRules.CanGrantCapabilities(At(AdminLevel.County, County), At(AdminLevel.Teacher, OtherCountySchool)).Succeeded);
    }

    [Fact]
    public void Administering_a_school_needs_an_admin_whose_subtree_holds_it()
    {
        Assert.True(RoleRules.CanAdministerSchool(At(AdminLevel.School, School), School).Succeeded);
        Assert.True(RoleRules.CanAdministerSchool(At(AdminLevel.School, Town), School).Succeeded);
        Assert.IsType<NotFoundError>(RoleRules.CanAdministerSchool(At(AdminLevel.School, School), OtherSchoolSameCounty).Error);
        Assert.IsType<ForbiddenError>(RoleRules.CanAdministerSchool(At(AdminLevel.Teacher, School), School).Error);
    }

    public static TheoryData<AdminLevel, AdminLevel, bool, AdminLevel> AllCombinations()
    {
        var data = new TheoryData<AdminLevel, AdminLevel, bool, AdminLevel>();
        foreach (var actor in Enum.GetValues<AdminLevel>())
        {
            foreach (var target in Enum.GetValues<AdminLevel>())
            {
                foreach (var inside in new[] { true, false })
                {
                    foreach (var newLevel in Enum.GetValues<AdminLevel>())
                    {
                        data.Add(actor, target, inside, newLevel);
                    }
                }
            }
        }

        return data;
    }

    /// <summary>Every actor × target × inside/outside × new level against the circular's sentence, restated as a table.</summary>
    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Level_change_matrix_follows_the_circular(AdminLevel actorLevel, AdminLevel targetLevel, bool inside, AdminLevel newLevel)
    {
        // The actor sits at the city so any target org kind is inside, or at a county with the target in the other county.
        var actorPath = inside ? City : County;
        var actor = new AccountPosition(actorLevel, actorPath, inside ? OrgUnitKind.City : OrgUnitKind.County);
        var targetPath = inside ? School : OtherCountySchool;
        var target = new AccountPosition(targetLevel, targetPath, OrgUnitKind.School);
        var (placementPath, placementKind) = newLevel switch
        {
            AdminLevel.City => (inside ? City : OtherCounty, OrgUnitKind.City),
            AdminLevel.County => (inside ? County : OtherCounty, OrgUnitKind.County),
            _ => (targetPath, OrgUnitKind.School),
        };

        var allowed = RoleRules.CanChangeLevel(actor, target, newLevel, placementPath, placementKind).Succeeded;

        var isAdmin = actorLevel > AdminLevel.Teacher;
        var lowerTarget = targetLevel < actorLevel;
        var demotionToTeacher = newLevel == AdminLevel.Teacher && targetLevel > AdminLevel.Teacher;
        var promotionBelowSelf = newLevel > targetLevel && newLevel < actorLevel;
        var expected = isAdmin && inside && lowerTarget && (demotionToTeacher || promotionBelowSelf);
        Assert.Equal(expected, allowed);
        // The menu offers exactly the allowed levels: no more, no fewer.
        Assert.Equal(expected, RoleRules.AllowedNewLevels(actor, target).Contains(newLevel));
    }
}
