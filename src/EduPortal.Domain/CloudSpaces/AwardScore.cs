using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>One expert's marks for one entry on the rubric of 附件1; changeable by that expert during 专家评选 only.</summary>
public sealed class AwardScore
{
    private AwardScore()
    {
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int EntryId { get; private set; }
    public string ExpertId { get; private set; } = "";
    public string ExpertName { get; private set; } = "";
    public int Layout { get; private set; }
    public int Application { get; private set; }
    public int Effect { get; private set; }
    public int Innovation { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset ScoredAt { get; private set; }

    public int Total => Layout + Application + Effect + Innovation;

    /// <summary>Checks that the caller is the assigned expert, the round is in 专家评选, and the marks fit the rubric.</summary>
    public static Result Check(AwardRound round, Caller caller, AwardAssignment? assignment, AwardScoreInput input, DateOnly today)
    {
        if (assignment is null || assignment.ExpertId != caller.UserId || assignment.RoundId != round.Id)
        {
            return new NotFoundError();
        }
        if (!caller.Has(Capability.ExpertReviewer))
        {
            return new ForbiddenError("您没有评审专家权限。");
        }
        var open = round.CheckScoringOpen(today);
        if (!open.Succeeded)
        {
            return open;
        }
        return AwardRubric.Validate(input, round.CommentBelow) is { } error ? error : Result.Success;
    }

    public static Result<AwardScore> Submit(AwardRound round, Caller caller, AwardAssignment? assignment, AwardScoreInput input, DateOnly today, DateTimeOffset now)
    {
        var check = Check(round, caller, assignment, input, today);
        if (!check.Succeeded)
        {
            return check.Error!;
        }
        var score = new AwardScore { RoundId = round.Id, EntryId = assignment!.EntryId, ExpertId = caller.UserId, ExpertName = caller.RealName };
        score.Apply(input, now);
        return score;
    }

    public Result Revise(AwardRound round, Caller caller, AwardAssignment? assignment, AwardScoreInput input, DateOnly today, DateTimeOffset now)
    {
        if (caller.UserId != ExpertId)
        {
            return new NotFoundError();
        }
        var check = Check(round, caller, assignment, input, today);
        if (check.Succeeded)
        {
            Apply(input, now);
        }
        return check;
    }

    private void Apply(AwardScoreInput input, DateTimeOffset now)
    {
        (Layout, Application, Effect, Innovation) = (input.Layout!.Value, input.Application!.Value, input.Effect!.Value, input.Innovation!.Value);
        var comment = input.Comment?.Trim() ?? "";
        Comment = comment.Length == 0 ? null : comment;
        ScoredAt = now;
    }
}
