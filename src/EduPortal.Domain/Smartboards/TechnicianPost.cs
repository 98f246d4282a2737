using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// Whether an account holding the technician capability (技术员) serves full-time (专职) or part-time (兼职) at its
/// unit (a school or a township centre's 教育技术服务组). Staffing compares the full-time ones with the requirement
/// of circulars 003 and 004 (<see cref="StaffingRule"/>). An account without a post counts as part-time.
/// </summary>
public sealed class TechnicianPost
{
    public const int MaxDutyLength = 40;

    private TechnicianPost()
    {
    }

    /// <summary>The account (one post per account).</summary>
    public string UserId { get; private set; } = "";
    public int OrgUnitId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public bool FullTime { get; private set; }

    /// <summary>The duty as the school names it (e.g. 电教管理员, 网络管理员); empty for the default.</summary>
    public string? Duty { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedByName { get; private set; }

    public static TechnicianPost Create(string userId, int orgUnitId, string orgPath, TimeProvider clock) => new()
    {
        UserId = userId,
        OrgUnitId = orgUnitId,
        OrgPath = orgPath,
        UpdatedAt = clock.GetUtcNow(),
    };

    /// <summary>The admins over the technician's unit set the post.</summary>
    public bool CanEdit(Caller caller) => caller.IsAdmin && caller.Covers(OrgPath);

    public Result Update(Caller actor, bool fullTime, string? duty, TimeProvider clock)
    {
        if (!CanEdit(actor))
        {
            return new ForbiddenError("只有本单位或上级管理员可以设置技术人员岗位。");
        }
        if ((duty?.Trim().Length ?? 0) > MaxDutyLength)
        {
            return ValidationError.For(nameof(Duty), $"岗位名称不能超过 {MaxDutyLength} 个字");
        }
        FullTime = fullTime;
        Duty = string.IsNullOrWhiteSpace(duty) ? null : duty.Trim();
        UpdatedAt = clock.GetUtcNow();
        UpdatedByName = actor.RealName;
        return Result.Success;
    }
}
