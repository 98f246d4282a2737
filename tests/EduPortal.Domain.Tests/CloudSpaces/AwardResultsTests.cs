using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Tests.CloudSpaces;

public sealed class AwardResultsTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 21, 1, 0, 0, TimeSpan.Zero);

    private static AwardCandidate Candidate(int id, decimal? score, decimal tieBreak = 0, int minutes = 0) => new(id, score, tieBreak, Start.AddMinutes(minutes == 0 ? id : minutes));

    [Fact]
    public void Four_experts_are_averaged_as_they_are()
    {
        Assert.Equal(80.5m, AwardResults.Mean([95, 60, 80, 87], 5));
    }

    [Fact]
    public void From_five_experts_the_highest_and_lowest_are_dropped()
    {
        // (80 + 87 + 90) / 3 = 85.67; the plain mean would be 82.4
        Assert.Equal(85.67m, AwardResults.Mean([95, 60, 80, 87, 90], 5));
        Assert.Equal(82.4m, AwardResults.Mean([95, 60, 80, 87, 90], 0)); // the setting off
        Assert.Equal(82.4m, AwardResults.Mean([95, 60, 80, 87, 90], 6));
        Assert.Null(AwardResults.Mean([], 5));
    }

    [Fact]
    public void Tiers_are_given_by_count_in_score_order_and_unscored_entries_win_nothing()
    {
        var ranked = AwardResults.Rank([Candidate(1, 70), Candidate(2, 90), Candidate(3, 80), Candidate(4, 60), Candidate(5, null)], new AwardTierCounts(1, 1, 1));
        var byId = ranked.ToDictionary(r => r.EntryId);
        Assert.Equal((1, AwardTier.First), (byId[2].Rank!.Value, byId[2].Tier));
        Assert.Equal((2, AwardTier.Second), (byId[3].Rank!.Value, byId[3].Tier));
        Assert.Equal((3, AwardTier.Third), (byId[1].Rank!.Value, byId[1].Tier));
        Assert.Equal((4, AwardTier.None), (byId[4].Rank!.Value, byId[4].Tier));
        Assert.Null(byId[5].Rank);
        Assert.Equal(AwardTier.None, byId[5].Tier);
        Assert.DoesNotContain(ranked, r => r.TiedAtBoundary);
    }

    [Fact]
    public void Fewer_entries_than_prizes_give_fewer_prizes()
    {
        var ranked = AwardResults.Rank([Candidate(1, 70), Candidate(2, 90)], new AwardTierCounts(1, 6, 10));
        Assert.Equal([AwardTier.First, AwardTier.Second], ranked.Select(r => r.Tier));
    }

    [Fact]
    public void A_tie_at_a_boundary_is_shown_and_settled_by_the_application_marks_then_nomination_order()
    {
        // 2 and 3 both 85 at the 一等奖/二等奖 boundary (one first prize): 3 has the better 综合应用 mean.
        var ranked = AwardResults.Rank([Candidate(1, 90), Candidate(2, 85, tieBreak: 40), Candidate(3, 85, tieBreak: 44), Candidate(4, 70)], new AwardTierCounts(2, 1, 1));
        var byId = ranked.ToDictionary(r => r.EntryId);
        Assert.Equal(AwardTier.First, byId[3].Tier);
        Assert.Equal(AwardTier.Second, byId[2].Tier);
        Assert.Equal(2, byId[2].Rank);
        Assert.Equal(2, byId[3].Rank); // equal scores share the rank
        Assert.True(byId[2].TiedAtBoundary);
        Assert.True(byId[3].TiedAtBoundary);
        Assert.False(byId[1].TiedAtBoundary);

        // Same 综合应用 too: the earlier nomination wins.
        var again = AwardResults.Rank([Candidate(1, 85, 40, minutes: 50), Candidate(2, 85, 40, minutes: 10)], new AwardTierCounts(1, 0, 0)).ToDictionary(r => r.EntryId);
        Assert.Equal(AwardTier.First, again[2].Tier);
        Assert.Equal(AwardTier.None, again[1].Tier);
        Assert.True(again[1].TiedAtBoundary);
    }

    [Fact]
    public void A_tie_inside_one_tier_is_not_a_boundary_tie()
    {
        var ranked = AwardResults.Rank([Candidate(1, 90), Candidate(2, 90), Candidate(3, 70)], new AwardTierCounts(2, 1, 0));
        Assert.DoesNotContain(ranked, r => r.TiedAtBoundary);
    }

    [Fact]
    public void The_county_admin_overrides_a_tier_before_publication_with_a_note()
    {
        var round = AwardRoundTests.Round();
        var entry = AwardRoundTests.Entry(round);
        entry.SetRanking(new AwardRanking(entry.Id, 85, 2, AwardTier.Second, true));
        Assert.Equal("调整奖次须注明理由", Assert.IsType<ValidationError>(entry.Override(round, AwardRoundTests.County, AwardTier.First, " ").Error).Fields["OverrideNote"]);
        Assert.IsType<ForbiddenError>(entry.Override(round, AwardRoundTests.OtherCounty, AwardTier.First, "复议").Error);
        Assert.True(entry.Override(round, AwardRoundTests.County, AwardTier.First, "专家组复议，特色创新突出").Succeeded);
        Assert.Equal(AwardTier.First, entry.FinalTier);
        Assert.True(entry.Override(round, AwardRoundTests.County, null, null).Succeeded);
        Assert.Equal(AwardTier.Second, entry.FinalTier);
        round.Publish(AwardRoundTests.County, new DateOnly(2026, 6, 11), AwardRoundTests.Now);
        Assert.IsType<ConflictError>(entry.Override(round, AwardRoundTests.County, AwardTier.First, "x").Error);
    }
}
