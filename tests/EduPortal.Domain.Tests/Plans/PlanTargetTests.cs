using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Plans;
using static EduPortal.Domain.Tests.Plans.PlanFixtures;

namespace EduPortal.Domain.Tests.Plans;

public sealed class PlanTargetTests
{
    private static readonly MetricDefinition Registration = new("accounts.teacher-registration-rate", "教师实名注册率", "%", MetricDirection.HigherIsBetter, "Accounts", "/admin/accounts");
    private static readonly MetricDefinition Overdue = new("x.overdue-share", "报修逾期占比", "%", MetricDirection.LowerIsBetter, "Smartboards", "/x");
    private static readonly DateOnly Start = new(2026, 1, 1);

    // circular 004 §四 7 and 16: ≥ 30% by the first year's end (here 2026-04-11, 100 days on), then ≥ 50% 100 days later.
    private static PlanTarget Target(MetricDefinition? metric = null, decimal baseline = 10) => PlanTarget.Create(CountyPlan(), County, metric ?? Registration, CountyUnit, null, baseline, Start,
        [new PlanTargetStep(50, Start.AddDays(200)), new PlanTargetStep(30, Start.AddDays(100))]).Value!;

    [Fact]
    public void The_path_runs_straight_from_the_baseline_to_each_step_and_stays_flat_after_the_last()
    {
        var target = Target();
        Assert.Equal(10m, target.ExpectedOn(Start.AddDays(-5)));
        Assert.Equal(20m, target.ExpectedOn(Start.AddDays(50)));
        Assert.Equal(30m, target.ExpectedOn(Start.AddDays(100)));
        Assert.Equal(40m, target.ExpectedOn(Start.AddDays(150)));
        Assert.Equal(50m, target.ExpectedOn(Start.AddDays(400)));
    }

    [Fact]
    public void A_baseline_already_past_the_first_step_starts_the_path_at_that_step_and_never_below()
    {
        var target = Target(baseline: 40);
        Assert.Equal(30m, target.ExpectedOn(Start));
        Assert.Equal(30m, target.ExpectedOn(Start.AddDays(50)));
        Assert.Equal(40m, target.ExpectedOn(Start.AddDays(150)));
        Assert.Equal(TrajectoryStatus.OnTrack, target.Evaluate([new(Start.AddDays(50), 40m)], Start.AddDays(50)).Status);
    }

    [Fact]
    public void Below_the_path_is_at_risk_on_or_above_it_is_on_track_and_no_reading_is_no_data()
    {
        var target = Target();
        var day50 = Start.AddDays(50);
        Assert.Equal(TrajectoryStatus.NoData, target.Evaluate([], day50).Status);
        Assert.Equal(TrajectoryStatus.AtRisk, target.Evaluate([new(day50, 19.9m)], day50).Status);
        Assert.Equal(TrajectoryStatus.OnTrack, target.Evaluate([new(day50, 20m)], day50).Status);
        // A reading after the evaluated date does not count.
        Assert.Equal(TrajectoryStatus.NoData, target.Evaluate([new(day50.AddDays(1), 90m)], day50).Status);
    }

    [Fact]
    public void A_step_missed_at_its_deadline_makes_the_target_missed_even_if_it_catches_up_later()
    {
        var target = Target();
        var readings = new List<TargetReading> { new(Start.AddDays(100), 29m), new(Start.AddDays(120), 45m) };
        var evaluation = target.Evaluate(readings, Start.AddDays(120));
        Assert.Equal(TrajectoryStatus.Missed, evaluation.Status);
        Assert.Equal(false, evaluation.Steps[0].Reached);
        Assert.Equal(29m, evaluation.Steps[0].ActualAtDeadline);
        Assert.Null(evaluation.Steps[1].Reached);
        // On the deadline itself the step is still open.
        Assert.Equal(TrajectoryStatus.AtRisk, target.Evaluate([new(Start.AddDays(100), 29m)], Start.AddDays(100)).Status);
    }

    [Fact]
    public void Every_step_met_by_its_deadline_is_achieved()
    {
        var target = Target();
        var readings = new List<TargetReading> { new(Start.AddDays(99), 31m), new(Start.AddDays(200), 50m) };
        Assert.Equal(TrajectoryStatus.Achieved, target.Evaluate(readings, Start.AddDays(201)).Status);
        // Between the steps the first step is met but 31% lags the path (40% on day 150).
        Assert.Equal(TrajectoryStatus.AtRisk, target.Evaluate(readings, Start.AddDays(150)).Status);
    }

    [Fact]
    public void A_figure_that_should_fall_meets_its_steps_from_below()
    {
        var target = PlanTarget.Create(CountyPlan(), County, Overdue, CountyUnit, null, 40, Start, [new PlanTargetStep(20, Start.AddDays(100))]).Value!;
        Assert.Equal(TrajectoryStatus.OnTrack, target.Evaluate([new(Start.AddDays(50), 25m)], Start.AddDays(50)).Status);
        Assert.Equal(TrajectoryStatus.AtRisk, target.Evaluate([new(Start.AddDays(50), 35m)], Start.AddDays(50)).Status);
        Assert.Equal(TrajectoryStatus.Achieved, target.Evaluate([new(Start.AddDays(90), 18m)], Start.AddDays(101)).Status);
    }

    [Fact]
    public void Steps_must_be_dated_after_today_rise_in_order_and_stay_within_100_percent()
    {
        var falling = PlanTarget.Create(CountyPlan(), County, Registration, CountyUnit, null, 10, Start,
            [new PlanTargetStep(50, Start.AddDays(10)), new PlanTargetStep(30, Start.AddDays(20))]).Error;
        Assert.Equal("后一阶段的目标值不能低于前一阶段", Assert.IsType<ValidationError>(falling).Fields["Steps"]);
        Assert.IsType<ValidationError>(PlanTarget.Create(CountyPlan(), County, Registration, CountyUnit, null, 10, Start, [new PlanTargetStep(120, Start.AddDays(10))]).Error);
        Assert.IsType<ValidationError>(PlanTarget.Create(CountyPlan(), County, Registration, CountyUnit, null, 10, Start, [new PlanTargetStep(30, Start)]).Error);
        Assert.IsType<ValidationError>(PlanTarget.Create(CountyPlan(), County, Registration, CountyUnit, null, 10, Start, []).Error);
        Assert.IsType<ValidationError>(PlanTarget.Create(CountyPlan(), County, Registration, OtherCountyUnit, null, 10, Start, [new PlanTargetStep(30, Start.AddDays(9))]).Error);
        Assert.IsType<ForbiddenError>(PlanTarget.Create(CountyPlan(), City, Registration, CountyUnit, null, 10, Start, [new PlanTargetStep(30, Start.AddDays(9))]).Error);
        Assert.Equal("教师实名注册率", Target().Name);
    }
}
