using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Accounts;

/// <summary>Where an account sits: its admin level and its org unit's path and kind.</summary>
public sealed record AccountPosition(AdminLevel Level, string OrgPath, OrgUnitKind OrgKind);

/// <summary>
/// The role rules of circular 000 §二(二).1: an admin manages only lower-level admins and teachers
/// inside its jurisdiction; it may demote them to ordinary teacher or promote them to a level
/// below its own, and never touches peers, superiors or anyone outside its subtree.
/// </summary>
public static class RoleRules
{
    /// <summary>Whether <paramref name="actor"/> may act on the account at <paramref name="target"/> at all.</summary>
    public static Result CanManage(AccountPosition actor, AccountPosition target)
    {
        if (actor.Level == AdminLevel.Teacher)
        {
            return new ForbiddenError("普通教师没有管理权限。");
        }
        if (!OrgUnit.PathContains(actor.OrgPath, target.OrgPath))
        {
            return new NotFoundError();
        }
        if (target.Level >= actor.Level)
        {
            return new ForbiddenError("只能管理级别低于自己的人员，不能管理同级或上级管理员。");
        }
        return Result.Success;
    }

    /// <summary>
    /// Whether the level change is allowed: demotion only to teacher (0); promotion only to a level
    /// above the current one and strictly below the actor's. The account's new org unit must suit the
    /// new level and stay inside the actor's jurisdiction.
    /// </summary>
    public static Result CanChangeLevel(AccountPosition actor, AccountPosition target, AdminLevel newLevel, string newOrgPath, OrgUnitKind newOrgKind)
    {
        var manage = CanManage(actor, target);
        if (!manage.Succeeded)
        {
            return manage;
        }
        if (!Enum.IsDefined(newLevel))
        {
            return ValidationError.For("Level", "无效的管理级别。");
        }
        if (newLevel == target.Level)
        {
            return new ConflictError($"该人员已是{newLevel.DisplayName()}。");
        }
        if (newLevel >= actor.Level)
        {
            return new ForbiddenError("只能提升为低于自己级别的管理员。");
        }
        if (newLevel < target.Level && newLevel != AdminLevel.Teacher)
        {
            return new ForbiddenError("降级只能恢复为普通教师。");
        }
        if (!OrgUnit.PathContains(actor.OrgPath, newOrgPath))
        {
            return new NotFoundError();
        }
        if (!newLevel.FitsOrgKind(newOrgKind))
        {
            return ValidationError.For("OrgUnit", newLevel == AdminLevel.Teacher
                ? "恢复为普通教师时须指定所在学校。"
                : $"{newLevel.DisplayName()}须隶属于{ExpectedOrgName(newLevel)}。");
        }
        return Result.Success;
    }

    /// <summary>The levels the actor may set on the target, in the order a menu shows them.</summary>
    public static IReadOnlyList<AdminLevel> AllowedNewLevels(AccountPosition actor, AccountPosition target)
    {
        if (!CanManage(actor, target).Succeeded)
        {
            return [];
        }
        var levels = new List<AdminLevel>();
        if (target.Level > AdminLevel.Teacher)
        {
            levels.Add(AdminLevel.Teacher);
        }
        for (var level = target.Level + 1; level < actor.Level; level++)
        {
            levels.Add(level);
        }
        return levels;
    }

    /// <summary>Bureau editor, expert reviewer and technician are granted by county or city admins only.</summary>
    public static Result CanGrantCapabilities(AccountPosition actor, AccountPosition target)
    {
        if (actor.Level < AdminLevel.County)
        {
            return new ForbiddenError("只有县级或市级管理员可以授予公文编辑、评审专家、技术员权限。");
        }
        return CanManage(actor, target);
    }

    /// <summary>Approving a self-registration, importing a roster, or changing a teacher's status needs an admin whose jurisdiction covers the school.</summary>
    public static Result CanAdministerSchool(AccountPosition actor, string schoolPath)
    {
        if (actor.Level == AdminLevel.Teacher)
        {
            return new ForbiddenError("普通教师没有管理权限。");
        }
        return OrgUnit.PathContains(actor.OrgPath, schoolPath) ? Result.Success : new NotFoundError();
    }

    private static string ExpectedOrgName(AdminLevel level) => level switch
    {
        AdminLevel.School => "学校或乡镇中心校",
        AdminLevel.County => "县区教育局",
        AdminLevel.City => "市教育局",
        _ => "学校",
    };
}
