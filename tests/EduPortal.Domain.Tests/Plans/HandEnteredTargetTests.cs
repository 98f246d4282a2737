using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Plans;
using static EduPortal.Domain.Tests.Plans.PlanFixtures;

namespace EduPortal.Domain.Tests.Plans;

/// <summary>Targets whose metric is entered by hand with evidence (SPEC §7; circular 004 §四 班班通应用培训).</summary>
public sealed class HandEnteredTargetTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateOnly Today = Start.AddDays(40);

    // A school's trained teachers: 0 when set, ≥ 60 人次 100 days on, ≥ 150 200 days on.
    private static PlanTarget Training(string unit = "人次", MetricDirection direction = MetricDirection.HigherIsBetter, decimal? baseline = null) =>
        PlanTarget.CreateHandEntered(CountyPlan(), County, SchoolA, "班班通应用培训教师人次", unit, direction, baseline, Start,
            [new PlanTargetStep(direction == MetricDirection.HigherIsBetter ? 60 : 5, Start.AddDays(100)), new PlanTargetStep(direction == MetricDirection.HigherIsBetter ? 100 : 2, Start.AddDays(200))]).Value!;

    private static PlanTargetEntryDraft Draft(DateOnly? date, decimal? value, string? note = "签到表", string? link = null, bool file = false) => new(date, value, note, link, file);

    private static PlanTargetEntry Enter(PlanTarget target, DateOnly date, decimal value, PlanTargetEntry? correcting = null) =>
        target.Enter(SchoolAdminA, Draft(date, value), null, Today, Now, correcting).Value!;

    [Fact]
    public void A_hand_entered_metric_needs_a_name_and_a_unit_and_keeps_a_percentage_goal_and_baseline_at_most_100()
    {
        var missing = Assert.IsType<ValidationError>(PlanTarget.CreateHandEntered(CountyPlan(), County, SchoolA, " ", "", MetricDirection.HigherIsBetter, null, Start,
            [new PlanTargetStep(10, Start.AddDays(10))]).Error);
        Assert.Equal("请填写指标名称", missing.Fields["Name"]);
        Assert.Equal("请填写计量单位（如 %、人次、所）", missing.Fields["Unit"]);
        var percent = Assert.IsType<ValidationError>(PlanTarget.CreateHandEntered(CountyPlan(), County, SchoolA, "教学点资源覆盖率", "%", MetricDirection.HigherIsBetter, 120, Start,
            [new PlanTargetStep(120, Start.AddDays(10))]).Error);
        Assert.Equal("百分比不能超过 100%", percent.Fields["Baseline"]);
        Assert.Equal("百分比目标不能超过 100%", percent.Fields["Steps"]);
        var target = Training();
        Assert.True(target.IsHandEntered);
        Assert.Equal((0m, "人次"), (target.Baseline, target.Unit));
        Assert.IsType<ForbiddenError>(PlanTarget.CreateHandEntered(CountyPlan(), SchoolAdminA, SchoolA, "x", "人", MetricDirection.HigherIsBetter, null, Start,
            [new PlanTargetStep(10, Start.AddDays(10))]).Error);
    }

    [Fact]
    public void The_scope_units_admins_and_the_plan_owners_enter_values_but_not_a_neighbour_a_teacher_or_anyone_on_a_bound_target()
    {
        var target = Training();
        Assert.True(target.CanEnter(SchoolAdminA));
        Assert.True(target.CanEnter(County));
        Assert.False(target.CanEnter(SchoolAdminB));
        Assert.False(target.CanEnter(TeacherA));
        Assert.False(target.CanEnter(OtherCounty));
        Assert.IsType<ForbiddenError>(target.Enter(SchoolAdminB, Draft(Today, 5), null, Today, Now).Error);
        var bound = PlanTarget.Create(CountyPlan(), County, new MetricDefinition("x.rate", "注册率", "%", MetricDirection.HigherIsBetter, "X", "/x"), SchoolA, null, 0, Start,
            [new PlanTargetStep(30, Start.AddDays(100))]).Value!;
        Assert.IsType<ConflictError>(bound.Enter(SchoolAdminA, Draft(Today, 5), null, Today, Now).Error);
    }

    [Fact]
    public void A_school_target_is_hidden_from_its_neighbour_and_another_county_but_seen_inside_and_above_it()
    {
        var target = Training();
        Assert.True(target.CanView(SchoolAdminA));
        Assert.True(target.CanView(TeacherA));
        Assert.True(target.CanView(County));
        Assert.True(target.CanView(City));
        Assert.False(target.CanView(SchoolAdminB));
        Assert.False(target.CanView(OtherCounty));
    }

    [Theory]
    [InlineData(1, 5, "Date", "数据日期不能晚于今天")]
    [InlineData(-41, 5, "Date", "数据日期不能早于目标设定日期 2026-03-01")]
    [InlineData(0, -1, "Value", "数值不能为负数")]
    public void A_value_in_the_future_before_the_target_or_negative_is_refused_next_to_its_field(int days, int value, string field, string message)
    {
        var target = Training();
        var error = Assert.IsType<ValidationError>(target.Enter(SchoolAdminA, Draft(Today.AddDays(days), value), null, Today, Now).Error);
        Assert.Equal(message, error.Fields[field]);
        Assert.Empty(target.Entries);
    }

    [Fact]
    public void A_percentage_over_100_a_missing_value_and_a_link_that_is_not_a_web_address_are_refused()
    {
        var target = Training(unit: "%");
        var error = Assert.IsType<ValidationError>(target.Enter(SchoolAdminA, Draft(Today, 100.5m, link: "javascript:alert(1)"), null, Today, Now).Error);
        Assert.Equal("百分比不能超过 100%", error.Fields["Value"]);
        Assert.Equal("请填写以 http:// 或 https:// 开头的完整链接", error.Fields["EvidenceLink"]);
        Assert.Equal("请填写数值", Assert.IsType<ValidationError>(target.Enter(SchoolAdminA, Draft(Today, null), null, Today, Now).Error).Fields["Value"]);
        Assert.Equal("请选择数据日期", Assert.IsType<ValidationError>(target.Enter(SchoolAdminA, Draft(null, 5), null, Today, Now).Error).Fields["Date"]);
        Assert.True(target.Enter(SchoolAdminA, Draft(Today, 100m, link: "https://example.edu.cn/a"), null, Today, Now).Succeeded);
    }

    [Fact]
    public void A_value_needs_evidence_a_note_a_link_or_a_file()
    {
        var target = Training();
        Assert.Equal("请填写佐证说明、链接或上传佐证材料",
            Assert.IsType<ValidationError>(target.Enter(SchoolAdminA, Draft(Today, 5, note: " "), null, Today, Now).Error).Fields["Evidence"]);
        Assert.Null(target.CheckEntry(SchoolAdminA, Draft(Today, 5, note: null, file: true), Today));
        var withFile = target.Enter(SchoolAdminA, Draft(Today, 5, note: null), new StoredPlanFile("a/b.pdf", "签到表.pdf", "application/pdf"), Today, Now).Value!;
        Assert.Equal("签到表.pdf", Assert.Single(withFile.Files).FileName);
    }

    [Fact]
    public void A_second_value_on_the_same_date_is_refused_in_favour_of_a_correction()
    {
        var target = Training();
        Enter(target, Today.AddDays(-3), 12);
        var error = Assert.IsType<ValidationError>(target.Enter(SchoolAdminA, Draft(Today.AddDays(-3), 13), null, Today, Now).Error);
        Assert.Equal("该日期已填报 12，如需修改请点“更正”", error.Fields["Date"]);
    }

    [Fact]
    public void A_correction_supersedes_the_entry_keeps_its_file_and_only_current_values_are_readings()
    {
        var target = Training();
        var first = target.Enter(SchoolAdminA, Draft(Today.AddDays(-10), 30), new StoredPlanFile("a/sign.pdf", "签到表.pdf", "application/pdf"), Today, Now).Value!;
        Enter(target, Today.AddDays(-3), 31);
        var corrected = target.Enter(County, Draft(Today.AddDays(-10), 34, note: null), null, Today, Now.AddHours(1), first).Value!;
        Assert.False(first.IsCurrent);
        Assert.Equal(("县管理员", Now.AddHours(1)), (first.SupersededByName, first.SupersededAt!.Value));
        Assert.Equal("签到表.pdf", Assert.Single(corrected.Files).FileName);
        Assert.Equal(3, target.Entries.Count);
        Assert.Equal([34m, 31m], target.HandEnteredReadings().Select(r => r.Value));
        Assert.IsType<ConflictError>(target.Enter(SchoolAdminA, Draft(Today.AddDays(-10), 35), null, Today, Now, first).Error);
    }

    [Fact]
    public void Hand_entered_values_follow_the_same_path_and_rule_as_snapshots_on_track_at_risk_then_missed()
    {
        var target = Training();
        // The path reaches 60 on day 100: 24 on day 40.
        Enter(target, Today, 20);
        Assert.Equal(TrajectoryStatus.AtRisk, target.Evaluate(target.HandEnteredReadings(), Today).Status);
        var corrected = target.Enter(SchoolAdminA, Draft(Today, 25), null, Today, Now, target.Entries[0]).Value!;
        Assert.Equal(TrajectoryStatus.OnTrack, target.Evaluate(target.HandEnteredReadings(), Today).Status);
        Assert.Equal(25m, corrected.Value);
        // No value reaching 60 by the first deadline: missed once it has passed.
        Assert.Equal(TrajectoryStatus.Missed, target.Evaluate(target.HandEnteredReadings(), Start.AddDays(101)).Status);
    }

    [Fact]
    public void A_hand_entered_share_that_should_fall_is_on_track_below_its_path()
    {
        var target = Training(unit: "%", direction: MetricDirection.LowerIsBetter, baseline: 9);
        // The path falls from 9% to 5% over 100 days: 7.4% on day 40.
        var first = Enter(target, Today, 6);
        Assert.Equal(TrajectoryStatus.OnTrack, target.Evaluate(target.HandEnteredReadings(), Today).Status);
        Enter(target, Today, 8, first);
        Assert.Equal(TrajectoryStatus.AtRisk, target.Evaluate(target.HandEnteredReadings(), Today).Status);
    }
}
