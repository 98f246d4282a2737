using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Tests.CloudSpaces;

public sealed class AwardScoringTests
{
    private static readonly DateOnly Reviewing = new(2026, 6, 3);
    private static readonly DateOnly Nominating = new(2026, 5, 25);

    internal static AwardExpert ExpertOf(Caller caller) => new(caller.UserId, caller.RealName, caller.OrgPath, caller.OrgUnitName, caller.Capabilities);

    private static (AwardRound Round, AwardEntry Entry, AwardAssignment Assignment) Assigned()
    {
        var round = AwardRoundTests.Round();
        var entry = AwardRoundTests.Entry(round);
        var assignment = AwardAssignment.Assign(round, AwardRoundTests.County, entry, ExpertOf(AwardRoundTests.Expert), Nominating, AwardRoundTests.Now).Value!;
        return (round, entry, assignment);
    }

    [Fact]
    public void Each_indicator_is_scored_from_zero_to_its_full_marks()
    {
        Assert.Null(AwardRubric.Validate(new AwardScoreInput(10, 50, 20, 20, null), 60));
        Assert.Null(AwardRubric.Validate(new AwardScoreInput(0, 30, 20, 10, null), 60));
        var over = AwardRubric.Validate(new AwardScoreInput(11, 51, 21, 21, null), 60)!;
        Assert.Equal("布局设计得分须在 0 到 10 分之间", over.Fields["Layout"]);
        Assert.Equal("综合应用得分须在 0 到 50 分之间", over.Fields["Application"]);
        Assert.Equal("应用效果得分须在 0 到 20 分之间", over.Fields["Effect"]);
        Assert.Equal("特色创新得分须在 0 到 20 分之间", over.Fields["Innovation"]);
        var negative = AwardRubric.Validate(new AwardScoreInput(-1, 40, 10, 10, null), 0)!;
        Assert.Equal("布局设计得分须在 0 到 10 分之间", negative.Fields["Layout"]);
        Assert.Equal("请填写综合应用得分", AwardRubric.Validate(new AwardScoreInput(5, null, 10, 10, "x"), 0)!.Fields["Application"]);
        Assert.Equal(100, AwardRubric.MaxTotal);
        Assert.Equal([10, 50, 20, 20], AwardRubric.Criteria.Select(c => c.Max));
        Assert.All(AwardRubric.Criteria, c => Assert.NotEmpty(c.Elements));
    }

    [Fact]
    public void A_total_below_the_rounds_threshold_needs_a_comment()
    {
        Assert.Null(AwardRubric.Validate(new AwardScoreInput(6, 30, 12, 12, null), 60)); // exactly 60
        Assert.Equal("总分低于 60 分，请填写评语说明理由",
            AwardRubric.Validate(new AwardScoreInput(6, 30, 12, 11, " "), 60)!.Fields["Comment"]); // 59
        Assert.Null(AwardRubric.Validate(new AwardScoreInput(6, 30, 12, 11, "资源原创比例偏低"), 60));
    }

    [Fact]
    public void An_expert_is_never_assigned_to_an_entry_of_their_own_school()
    {
        var round = AwardRoundTests.Round();
        var entry = AwardRoundTests.Entry(round);
        var sameSchool = new AwardExpert("e2", "本校专家", AwardRoundTests.SchoolPath, "东溪区第一初级中学", Capability.ExpertReviewer);
        var error = Assert.IsType<ValidationError>(AwardAssignment.Assign(round, AwardRoundTests.County, entry, sameSchool, Nominating, AwardRoundTests.Now).Error);
        Assert.Equal("本校专家与东溪区第一初级中学同校，需回避，不能评审本校的参评作品", error.Fields["ExpertId"]);
        Assert.True(AwardAssignment.IsConflicted(sameSchool, entry));
        Assert.False(AwardAssignment.IsConflicted(ExpertOf(AwardRoundTests.Expert), entry));

        var bureau = new AwardExpert("e3", "教研员", "/1/1/", "东溪区教育局", Capability.ExpertReviewer);
        Assert.True(AwardAssignment.Assign(round, AwardRoundTests.County, entry, bureau, Nominating, AwardRoundTests.Now).Succeeded);
        var notExpert = new AwardExpert("e4", "普通教师", "/1/1/4/", "东溪区第二初级中学", Capability.None);
        Assert.Equal("普通教师没有评审专家权限", Assert.IsType<ValidationError>(
            AwardAssignment.Assign(round, AwardRoundTests.County, entry, notExpert, Nominating, AwardRoundTests.Now).Error).Fields["ExpertId"]);
        var otherCounty = new AwardExpert("e5", "外县专家", "/1/2/7/", "西岭县第一小学", Capability.ExpertReviewer);
        Assert.IsType<ValidationError>(AwardAssignment.Assign(round, AwardRoundTests.County, entry, otherCounty, Nominating, AwardRoundTests.Now).Error);
        Assert.IsType<ForbiddenError>(AwardAssignment.Assign(round, AwardRoundTests.OtherCounty, entry, bureau, Nominating, AwardRoundTests.Now).Error);
        Assert.IsType<ConflictError>(AwardAssignment.Assign(round, AwardRoundTests.County, entry, bureau, new DateOnly(2026, 6, 11), AwardRoundTests.Now).Error);
    }

    [Fact]
    public void Only_the_assigned_expert_scores_and_revises_their_own_marks()
    {
        var (round, _, assignment) = Assigned();
        var other = AwardRoundTests.Expert with { UserId = "e9" };
        Assert.IsType<NotFoundError>(AwardScore.Submit(round, other, assignment, new AwardScoreInput(8, 40, 15, 15, null), Reviewing, AwardRoundTests.Now).Error);
        var lostCapability = AwardRoundTests.Expert with { Capabilities = Capability.None };
        Assert.IsType<ForbiddenError>(AwardScore.Submit(round, lostCapability, assignment, new AwardScoreInput(8, 40, 15, 15, null), Reviewing, AwardRoundTests.Now).Error);
        var score = AwardScore.Submit(round, AwardRoundTests.Expert, assignment, new AwardScoreInput(8, 40, 15, 15, null), Reviewing, AwardRoundTests.Now).Value!;
        Assert.Equal(78, score.Total);
        Assert.IsType<ValidationError>(score.Revise(round, AwardRoundTests.Expert, assignment, new AwardScoreInput(8, 60, 15, 15, null), Reviewing, AwardRoundTests.Now).Error);
        Assert.Equal(78, score.Total);
        Assert.True(score.Revise(round, AwardRoundTests.Expert, assignment, new AwardScoreInput(9, 45, 15, 15, null), Reviewing, AwardRoundTests.Now).Succeeded);
        Assert.Equal(84, score.Total);
        Assert.IsType<NotFoundError>(score.Revise(round, other, assignment, new AwardScoreInput(9, 45, 15, 15, null), Reviewing, AwardRoundTests.Now).Error);
    }
}
