using EduPortal.Domain.Common;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// The phases of a round, inclusive China-time days, and the period the deep-application awards are computed over.
/// Defaults are the circular's (001 §四(三)2–4): 报名 5/21–5/31, 专家评选 6/1–6/10, 表彰 6/11–6/20, and the index
/// "3月10日至5月31日数据为准".
/// </summary>
public sealed record AwardSchedule(
    DateOnly NominationStart, DateOnly NominationEnd,
    DateOnly ReviewStart, DateOnly ReviewEnd,
    DateOnly CommendationStart, DateOnly CommendationEnd,
    DateOnly DeepFrom, DateOnly DeepTo)
{
    public static AwardSchedule Default(int year) => new(
        new DateOnly(year, 5, 21), new DateOnly(year, 5, 31),
        new DateOnly(year, 6, 1), new DateOnly(year, 6, 10),
        new DateOnly(year, 6, 11), new DateOnly(year, 6, 20),
        new DateOnly(year, 3, 10), new DateOnly(year, 5, 31));

    public AwardPhase PhaseOn(DateOnly day)
    {
        if (day < NominationStart)
        {
            return AwardPhase.NotStarted;
        }
        if (day <= NominationEnd)
        {
            return AwardPhase.Nomination;
        }
        if (day >= ReviewStart && day <= ReviewEnd)
        {
            return AwardPhase.Review;
        }
        if (day >= CommendationStart && day <= CommendationEnd)
        {
            return AwardPhase.Commendation;
        }
        return day > CommendationEnd ? AwardPhase.Ended : AwardPhase.Between;
    }

    /// <summary>Each phase starts no later than it ends, and the phases follow each other in the circular's order.</summary>
    public ValidationError? Validate() => new ValidationBuilder()
        .Check(NominationStart <= NominationEnd, nameof(NominationEnd), "报名结束日期不能早于开始日期")
        .Check(ReviewStart <= ReviewEnd, nameof(ReviewEnd), "专家评选结束日期不能早于开始日期")
        .Check(CommendationStart <= CommendationEnd, nameof(CommendationEnd), "表彰结束日期不能早于开始日期")
        .Check(ReviewStart > NominationEnd, nameof(ReviewStart), "专家评选须在报名结束之后开始")
        .Check(CommendationStart > ReviewEnd, nameof(CommendationStart), "表彰须在专家评选结束之后开始")
        .Check(DeepFrom <= DeepTo, nameof(DeepTo), "统计期结束日期不能早于开始日期")
        .Check(DeepTo < ReviewStart, nameof(DeepTo), "深度应用指数统计期须在专家评选开始前结束")
        .Check(DeepFrom.Year == DeepTo.Year, nameof(DeepFrom), "统计期须在同一年度内")
        .Build();

    public static string Range(DateOnly from, DateOnly to) => $"{from.Month}月{from.Day}日至{to.Month}月{to.Day}日";

    public string NominationText => Range(NominationStart, NominationEnd);
    public string ReviewText => Range(ReviewStart, ReviewEnd);
    public string CommendationText => Range(CommendationStart, CommendationEnd);
    public string DeepPeriodText => $"{ChinaTime.FormatDate(DeepFrom)} 至 {ChinaTime.FormatDate(DeepTo)}";
}
