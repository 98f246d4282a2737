using EduPortal.Domain.CloudSpaces;

namespace EduPortal.Domain.Tests.CloudSpaces;

public class CloudSpaceAwardRulesTests
{
    private static CloudSpaceAwardCandidate Teacher(string name, int points, bool qualified = true, int exceeded = 0) => new(name, name, qualified, points, exceeded);

    private static Dictionary<string, CloudSpaceAwardPlace> ByName(IEnumerable<CloudSpaceAwardPlace> places) => places.ToDictionary(p => p.Candidate.Name);

    [Fact]
    public void Defaults_are_six_fifteen_twenty_four()
    {
        Assert.Equal(new CloudSpaceAwardCounts(6, 15, 24), new CloudSpaceAwardCounts());
    }

    [Fact]
    public void Qualified_teachers_rank_first_then_points_then_targets_exceeded()
    {
        var places = CloudSpaceAwardRules.Assign(
            [Teacher("未合格高分", 2000, qualified: false), Teacher("乙", 600, exceeded: 1), Teacher("甲", 600, exceeded: 3), Teacher("丙", 900), Teacher("未合格低分", 10, qualified: false)],
            new CloudSpaceAwardCounts(1, 1, 2));

        Assert.Equal(["丙", "甲", "乙", "未合格高分", "未合格低分"], places.Select(p => p.Candidate.Name));
        Assert.Equal([CloudSpaceAwardTier.First, CloudSpaceAwardTier.Second, CloudSpaceAwardTier.Third, CloudSpaceAwardTier.Third, CloudSpaceAwardTier.None],
            places.Select(p => p.Tier));
    }

    [Fact]
    public void Fewer_teachers_than_places_give_fewer_awards()
    {
        var places = CloudSpaceAwardRules.Assign(Enumerable.Range(0, 8).Select(i => Teacher($"T{i}", 1000 - i)).Append(Teacher("未合格", 5000, qualified: false)),
            new CloudSpaceAwardCounts());

        Assert.Equal(6, places.Count(p => p.Tier == CloudSpaceAwardTier.First));
        Assert.Equal(3, places.Count(p => p.Tier == CloudSpaceAwardTier.Second));
        Assert.Equal(0, places.Count(p => p.Tier == CloudSpaceAwardTier.Third));
        // Not 合格: ranked after every 合格 teacher despite the most points.
        Assert.Equal(9, ByName(places)["未合格"].Rank);
    }

    [Fact]
    public void A_tie_across_a_tier_boundary_gives_every_tied_teacher_the_higher_tier_and_the_next_tier_shrinks()
    {
        // Two first places; B and C tie on the second place with D below them.
        var places = ByName(CloudSpaceAwardRules.Assign(
            [Teacher("A", 900), Teacher("B", 800, exceeded: 2), Teacher("C", 800, exceeded: 2), Teacher("D", 700), Teacher("E", 600), Teacher("F", 500)],
            new CloudSpaceAwardCounts(2, 2, 1)));

        Assert.Equal(CloudSpaceAwardTier.First, places["B"].Tier);
        Assert.Equal(CloudSpaceAwardTier.First, places["C"].Tier);
        Assert.True(places["B"].TiedAtBoundary && places["C"].TiedAtBoundary);
        Assert.Equal(2, places["B"].Rank);
        Assert.Equal(2, places["C"].Rank);
        // Second has one place left (positions 4), third the next one.
        Assert.Equal(CloudSpaceAwardTier.Second, places["D"].Tier);
        Assert.Equal(CloudSpaceAwardTier.Third, places["E"].Tier);
        Assert.Equal(CloudSpaceAwardTier.None, places["F"].Tier);
        Assert.False(places["A"].TiedAtBoundary);
    }

    [Fact]
    public void A_tie_inside_a_tier_is_not_a_boundary_tie()
    {
        var places = ByName(CloudSpaceAwardRules.Assign([Teacher("A", 900), Teacher("B", 900), Teacher("C", 800)], new CloudSpaceAwardCounts(3, 0, 0)));

        Assert.All(places.Values, p => Assert.Equal(CloudSpaceAwardTier.First, p.Tier));
        Assert.False(places["A"].TiedAtBoundary);
    }

    [Fact]
    public void A_tie_at_the_last_third_place_gives_every_tied_teacher_the_third_prize()
    {
        var places = ByName(CloudSpaceAwardRules.Assign([Teacher("A", 900), Teacher("B", 800), Teacher("C", 800)], new CloudSpaceAwardCounts(0, 0, 2)));

        Assert.Equal(CloudSpaceAwardTier.Third, places["C"].Tier);
        Assert.True(places["C"].TiedAtBoundary);
    }

    [Fact]
    public void Same_points_but_more_targets_exceeded_is_not_a_tie()
    {
        var places = ByName(CloudSpaceAwardRules.Assign([Teacher("A", 800, exceeded: 3), Teacher("B", 800, exceeded: 2)], new CloudSpaceAwardCounts(1, 1, 0)));

        Assert.Equal(CloudSpaceAwardTier.First, places["A"].Tier);
        Assert.Equal(CloudSpaceAwardTier.Second, places["B"].Tier);
        Assert.False(places["A"].TiedAtBoundary);
    }

    [Fact]
    public void An_override_needs_a_note()
    {
        var award = CloudSpaceAward.From(1, new CloudSpaceAwardPlace(Teacher("A", 100, qualified: false), 1, CloudSpaceAwardTier.None, false));
        var at = DateTimeOffset.Parse("2026-07-01T08:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("调整奖次须填写说明", ((EduPortal.Domain.Common.ValidationError)award.Override(CloudSpaceAwardTier.Third, " ", "管理员", at).Error!).Fields["Note"]);
        Assert.False(award.IsOverridden);
        Assert.True(award.Override(CloudSpaceAwardTier.Third, "复核", "管理员", at).Succeeded);
        Assert.Equal(CloudSpaceAwardTier.Third, award.Tier);
        Assert.Equal(CloudSpaceAwardTier.None, award.RuleTier);
        Assert.True(award.IsOverridden);
    }
}
