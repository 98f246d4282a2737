using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Surveys;

/// <summary>A reminder (催办) a county or city admin sends a school that has not submitted; the school admin sees it on the home page.</summary>
public sealed class SurveyReminder
{
    private SurveyReminder()
    {
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public string SentById { get; private set; } = "";
    public string SentByName { get; private set; } = "";
    public string SentByOrg { get; private set; } = "";

    public static Result<SurveyReminder> Send(SurveyRound round, int schoolId, string schoolPath, SurveyStatus status, Caller caller, DateTimeOffset now)
    {
        if (caller.Level < AdminLevel.County || !caller.Covers(schoolPath) || !round.Includes(schoolPath))
        {
            return new ForbiddenError("只能提醒本轮调查中、您管辖范围内的学校。");
        }
        if (round.IsClosed)
        {
            return new ConflictError("本轮调查已经结束。");
        }
        if (status == SurveyStatus.Submitted)
        {
            return new ConflictError("该校已提交，无需提醒。");
        }
        return new SurveyReminder
        {
            RoundId = round.Id,
            SchoolId = schoolId,
            SchoolPath = schoolPath,
            SentAt = now,
            SentById = caller.UserId,
            SentByName = caller.RealName,
            SentByOrg = caller.OrgUnitName,
        };
    }
}
