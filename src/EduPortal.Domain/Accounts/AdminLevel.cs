using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Accounts;

/// <summary>Admin level of circular 000 §二(一): city 3, county 2, school 1, ordinary teacher 0.</summary>
public enum AdminLevel
{
    Teacher = 0,
    School = 1,
    County = 2,
    City = 3,
}

/// <summary>Registration and access state of an account.</summary>
public enum AccountStatus
{
    /// <summary>Self-registered, waiting for the school admin (待审核).</summary>
    Pending = 0,
    Active = 1,
    /// <summary>Registration refused by the school admin (已驳回).</summary>
    Rejected = 2,
    /// <summary>Access switched off by an admin (已停用).</summary>
    Disabled = 3,
}

/// <summary>Whether the person still teaches; retired or departed teachers leave the points index denominators.</summary>
public enum EmploymentStatus
{
    Serving = 0,
    Retired = 1,
    Departed = 2,
}

/// <summary>Extra capabilities a county or city admin grants on top of the admin level.</summary>
[Flags]
public enum Capability
{
    None = 0,
    /// <summary>Publishes circulars and bulletins (公文编辑).</summary>
    BureauEditor = 1,
    /// <summary>Scores evaluation entries (评审专家).</summary>
    ExpertReviewer = 2,
    /// <summary>Handles smartboard repair tickets (技术员).</summary>
    Technician = 4,
}

public static class AccountNames
{
    public static string DisplayName(this AdminLevel level) => level switch
    {
        AdminLevel.Teacher => "教师",
        AdminLevel.School => "校级管理员",
        AdminLevel.County => "县级管理员",
        AdminLevel.City => "市级管理员",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string DisplayName(this AccountStatus status) => status switch
    {
        AccountStatus.Pending => "待审核",
        AccountStatus.Active => "正常",
        AccountStatus.Rejected => "已驳回",
        AccountStatus.Disabled => "已停用",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string DisplayName(this EmploymentStatus status) => status switch
    {
        EmploymentStatus.Serving => "在职",
        EmploymentStatus.Retired => "退休",
        EmploymentStatus.Departed => "调离",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static readonly IReadOnlyList<Capability> AllCapabilities = [Capability.BureauEditor, Capability.ExpertReviewer, Capability.Technician];

    public static string DisplayName(this Capability capability) => capability switch
    {
        Capability.BureauEditor => "公文编辑",
        Capability.ExpertReviewer => "评审专家",
        Capability.Technician => "技术员",
        Capability.None => "无",
        _ => string.Join("、", AllCapabilities.Where(c => capability.HasFlag(c)).Select(c => c.DisplayName())),
    };

    /// <summary>The kind of org unit an account of a level belongs to.</summary>
    public static bool FitsOrgKind(this AdminLevel level, OrgUnitKind kind) => level switch
    {
        AdminLevel.Teacher => kind == OrgUnitKind.School,
        AdminLevel.School => kind is OrgUnitKind.School or OrgUnitKind.Township,
        AdminLevel.County => kind == OrgUnitKind.County,
        AdminLevel.City => kind == OrgUnitKind.City,
        _ => false,
    };
}
