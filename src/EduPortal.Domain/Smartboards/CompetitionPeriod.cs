namespace EduPortal.Domain.Smartboards;

/// <summary>
/// The two competition rounds of a year (circular 004, schedule items 4/11: 6月……开展班班通应用学科竞赛; items 7/16:
/// 12月，开展全市班班通应用学科竞赛活动). The value is the month.
/// </summary>
public enum CompetitionPeriod
{
    June = 6,
    December = 12,
}
