using EduPortal.Domain.Accounts;

namespace EduPortal.Domain.Guides;

/// <summary>The roles an operation guide is written for (circular 000 附件2 is a guide for admins; teachers get their own).</summary>
[Flags]
public enum GuideAudience
{
    None = 0,
    Teacher = 1,
    SchoolAdmin = 2,
    CountyAdmin = 4,
    CityAdmin = 8,
    Admins = SchoolAdmin | CountyAdmin | CityAdmin,
    Everyone = Teacher | Admins,
}

public static class GuideAudiences
{
    public static GuideAudience Of(AdminLevel level) => level switch
    {
        AdminLevel.Teacher => GuideAudience.Teacher,
        AdminLevel.School => GuideAudience.SchoolAdmin,
        AdminLevel.County => GuideAudience.CountyAdmin,
        AdminLevel.City => GuideAudience.CityAdmin,
        _ => GuideAudience.None,
    };

    public static readonly IReadOnlyList<GuideAudience> Roles = [GuideAudience.Teacher, GuideAudience.SchoolAdmin, GuideAudience.CountyAdmin, GuideAudience.CityAdmin];

    public static string DisplayName(this GuideAudience audience) => audience switch
    {
        GuideAudience.Everyone => "全体用户",
        GuideAudience.Admins => "各级管理员",
        _ => string.Join("、", Roles.Where(r => audience.HasFlag(r)).Select(r => r switch
        {
            GuideAudience.Teacher => "教师",
            GuideAudience.SchoolAdmin => "校级管理员",
            GuideAudience.CountyAdmin => "县级管理员",
            _ => "市级管理员",
        })),
    };
}
