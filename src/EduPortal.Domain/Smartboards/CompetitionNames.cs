namespace EduPortal.Domain.Smartboards;

public static class CompetitionNames
{
    public static readonly IReadOnlyList<CompetitionPeriod> Periods = Enum.GetValues<CompetitionPeriod>();
    public static readonly IReadOnlyList<CompetitionAward> Awards = Enum.GetValues<CompetitionAward>();

    public static string DisplayName(this CompetitionPeriod period) => period switch
    {
        CompetitionPeriod.June => "6月",
        CompetitionPeriod.December => "12月",
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    public static string DisplayName(this CompetitionAward award) => award switch
    {
        CompetitionAward.First => "一等奖",
        CompetitionAward.Second => "二等奖",
        CompetitionAward.Third => "三等奖",
        CompetitionAward.Excellence => "优秀奖",
        CompetitionAward.None => "未获奖",
        _ => throw new ArgumentOutOfRangeException(nameof(award)),
    };
}
