using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>A problem an inspection found (circular 003 §二.3 "发现问题及时整改"), open until signed off with a photo.</summary>
public sealed class SafetyFinding
{
    private SafetyFinding()
    {
    }

    internal SafetyFinding(int schoolId, string schoolPath, SafetyCheckItem item, string problem, DateOnly rectifyBy, string responsiblePerson)
    {
        SchoolId = schoolId;
        SchoolPath = schoolPath;
        Item = item;
        Problem = problem;
        RectifyBy = rectifyBy;
        ResponsiblePerson = responsiblePerson;
    }

    public int Id { get; private set; }
    public int InspectionId { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public SafetyCheckItem Item { get; private set; }
    public string Problem { get; private set; } = "";
    public DateOnly RectifyBy { get; private set; }

    /// <summary>整改责任人 (circular 003 §二.3: 建立学校安全用电及防雷电工作责任制，明确分工).</summary>
    public string ResponsiblePerson { get; private set; } = "";
    public bool IsRectified { get; private set; }
    public string? SignOffNote { get; private set; }
    public string? SignOffPhotoKey { get; private set; }
    public string? SignedOffById { get; private set; }
    public string? SignedOffByName { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }

    /// <summary>The China date the reminder job last reminded about it; the job reminds once a day at most.</summary>
    public DateOnly? RemindedOn { get; private set; }
    public int Version { get; private set; }

    public bool IsOverdue(DateOnly today) => !IsRectified && today > RectifyBy;

    /// <summary>Due within <paramref name="days"/> days or overdue, still open: the reminder job's selection.</summary>
    public bool NeedsReminder(DateOnly today, int days) => !IsRectified && RectifyBy <= today.AddDays(days);

    public bool MaySignOff(Caller caller) => SafetyInspection.MayInspect(caller, SchoolPath);

    /// <summary>Sign-off (整改销号) with a photo of the rectified state, by the school's admins, technicians or those above.</summary>
    public Result SignOff(Caller caller, string? note, string? photoKey, TimeProvider clock)
    {
        if (!caller.Covers(SchoolPath))
        {
            return new NotFoundError();
        }
        if (!MaySignOff(caller))
        {
            return new ForbiddenError("只有学校管理员、技术员或上级管理员可以销号。");
        }
        if (IsRectified)
        {
            return new ConflictError("该问题已整改销号。");
        }
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var problems = new ValidationBuilder()
            .Check(trimmed is not null, "Note", "请填写整改情况")
            .Check(trimmed is null || trimmed.Length <= SafetyInspection.MaxTextLength, "Note", $"整改情况不能超过 {SafetyInspection.MaxTextLength} 字")
            .Check(!string.IsNullOrEmpty(photoKey), "Photo", "请上传整改后的照片")
            .Build();
        if (problems is not null)
        {
            return problems;
        }
        IsRectified = true;
        SignOffNote = trimmed;
        SignOffPhotoKey = photoKey;
        SignedOffById = caller.UserId;
        SignedOffByName = caller.RealName;
        SignedOffAt = clock.GetUtcNow();
        Version++;
        return Result.Success;
    }

    /// <summary>Marks today's reminder; false when already reminded today or nothing is due (keeps the job idempotent).</summary>
    public bool Remind(DateOnly today, int days)
    {
        if (!NeedsReminder(today, days) || RemindedOn == today)
        {
            return false;
        }
        RemindedOn = today;
        return true;
    }
}
