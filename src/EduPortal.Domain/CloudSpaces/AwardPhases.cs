namespace EduPortal.Domain.CloudSpaces;

public static class AwardPhases
{
    public static string DisplayName(this AwardPhase phase) => phase switch
    {
        AwardPhase.NotStarted => "未开始",
        AwardPhase.Nomination => "报名中",
        AwardPhase.Between => "阶段间隔",
        AwardPhase.Review => "专家评选中",
        AwardPhase.Commendation => "表彰阶段",
        AwardPhase.Ended => "已结束",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };
}
