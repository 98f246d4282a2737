using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Surveys;

/// <summary>
/// A survey round (调查轮次): a county or city bureau asks every school of its subtree to fill the
/// lab-teaching survey (circular 000 §二 第一阶段: 学校管理员统计学校任课教师人数，填写附件1) by a deadline.
/// </summary>
public sealed class SurveyRound
{
    public const int MaxTitleLength = 60;

    private SurveyRound()
    {
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The bureau that opened the round; its subtree's schools fill it.</summary>
    public int OrgUnitId { get; private set; }
    public string OrgPath { get; private set; } = "";
    public string OrgName { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedById { get; private set; } = "";
    public string OpenedByName { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByName { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Whether a school (by its org path) is asked to fill this round.</summary>
    public bool Includes(string schoolPath) => schoolPath.StartsWith(OrgPath, StringComparison.Ordinal);

    /// <summary>Opens a round for the caller's own unit; only county and city admins open rounds.</summary>
    public static Result<SurveyRound> Open(Caller caller, string title, DateOnly? deadline, DateOnly today, DateTimeOffset now)
    {
        if (caller.Level < AdminLevel.County)
        {
            return new ForbiddenError("只有县级或市级管理员可以发起调查。");
        }
        var trimmed = title?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(trimmed.Length > 0, nameof(Title), "请填写调查标题")
            .Check(trimmed.Length <= MaxTitleLength, nameof(Title), $"标题不能超过 {MaxTitleLength} 个字")
            .Check(deadline is not null, nameof(Deadline), "请选择截止日期")
            .Check(deadline is null || deadline >= today, nameof(Deadline), "截止日期不能早于今天")
            .Build();
        if (error is not null)
        {
            return error;
        }
        return new SurveyRound
        {
            Title = trimmed,
            OrgUnitId = caller.OrgUnitId,
            OrgPath = caller.OrgPath,
            OrgName = caller.OrgUnitName,
            Deadline = deadline!.Value,
            OpenedAt = now,
            OpenedById = caller.UserId,
            OpenedByName = caller.RealName,
        };
    }

    /// <summary>Closing ends all editing, returning and reminding; only an admin whose jurisdiction covers the whole round closes it.</summary>
    public Result Close(Caller caller, DateTimeOffset now)
    {
        if (caller.Level < AdminLevel.County || !caller.Covers(OrgPath))
        {
            return new ForbiddenError("只有发起单位或其上级的管理员可以结束本轮调查。");
        }
        if (IsClosed)
        {
            return new ConflictError("本轮调查已经结束。");
        }
        ClosedAt = now;
        ClosedByName = caller.RealName;
        return Result.Success;
    }
}
