using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// Who may do what with a school's 班班通 register: the checks <see cref="Classroom.PermissionsFor"/> and
/// <see cref="Device.PermissionsFor"/> are built from.
/// </summary>
public static class SmartboardAccess
{
    /// <summary>Anyone whose subtree holds the school sees its register: the school's staff, its township, county and city.</summary>
    public static bool CanBrowse(Caller caller, string schoolPath) => caller.Covers(schoolPath);

    /// <summary>
    /// The school's own admin keeps the register (every device is a school fixed asset, circular 003 §二.1:
    /// 纳入学校固定资产管理); county and city only browse.
    /// </summary>
    public static bool CanManage(Caller caller, int schoolId) =>
        caller.Level == AdminLevel.School && caller.OrgKind == OrgUnitKind.School && caller.OrgUnitId == schoolId;

    /// <summary>Staff of the school itself (teachers and its admins): they use the devices and report faults.</summary>
    public static bool IsStaffOf(Caller caller, int schoolId) => caller.OrgKind == OrgUnitKind.School && caller.OrgUnitId == schoolId;
}
