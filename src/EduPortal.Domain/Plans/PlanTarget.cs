using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Plans;

/// <summary>
/// A numeric target of a plan for a scope (city, county or school), in dated steps (circular 004 §四 7 and 16: teachers'
/// real-name registration ≥ 30% by the first year's end, then ≥ 50%; students 20% then 40%). It is bound to a metric the
/// portal computes (<see cref="MetricKey"/>), so its actuals are the daily snapshots of that metric for the scope.
/// </summary>
public sealed class PlanTarget
{
    public const int MaxNameLength = 60;
    public const int MaxSteps = 6;

    private PlanTarget()
    {
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public int PlanOwnerUnitId { get; private set; }
    public string PlanOwnerPath { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string MetricKey { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public MetricDirection Direction { get; private set; }
    public int ScopeUnitId { get; private set; }
    public string ScopeName { get; private set; } = "";
    public string ScopePath { get; private set; } = "";
    /// <summary>The metric's value for the scope when the target was set, and that China date: where the path starts.</summary>
    public decimal Baseline { get; private set; }
    public DateOnly BaselineDate { get; private set; }
    public List<PlanTargetStep> Steps { get; private set; } = [];

    public static Result<PlanTarget> Create(Plan plan, Caller caller, MetricDefinition metric, PlanUnit scope, string? name,
        decimal baseline, DateOnly baselineDate, IReadOnlyList<PlanTargetStep> steps)
    {
        if (!plan.CanEdit(caller))
        {
            return new ForbiddenError("只有方案所属单位的管理员可以设定目标。");
        }
        if (!OrgUnit.PathContains(plan.OwnerPath, scope.Path))
        {
            return ValidationError.For(nameof(ScopeUnitId), "目标范围须在方案所属单位的管辖范围内");
        }
        var n = string.IsNullOrWhiteSpace(name) ? metric.Name : name.Trim();
        var ordered = steps.OrderBy(s => s.Deadline).ToList();
        var higher = metric.Direction == MetricDirection.HigherIsBetter;
        var builder = new ValidationBuilder()
            .Check(n.Length <= MaxNameLength, nameof(Name), $"目标名称不能超过 {MaxNameLength} 个字")
            .Check(ordered.Count > 0, nameof(Steps), "请至少设定一个阶段目标")
            .Check(ordered.Count <= MaxSteps, nameof(Steps), $"阶段目标最多 {MaxSteps} 个")
            .Check(ordered.All(s => s.Deadline > baselineDate), nameof(Steps), "阶段截止日期须晚于今天")
            .Check(ordered.Select(s => s.Deadline).Distinct().Count() == ordered.Count, nameof(Steps), "阶段截止日期不能重复")
            .Check(ordered.All(s => s.Value >= 0), nameof(Steps), "目标值不能为负数")
            .Check(metric.Unit != "%" || ordered.All(s => s.Value <= 100), nameof(Steps), "百分比目标不能超过 100%");
        for (var i = 1; i < ordered.Count; i++)
        {
            builder.Check(higher ? ordered[i].Value >= ordered[i - 1].Value : ordered[i].Value <= ordered[i - 1].Value,
                nameof(Steps), higher ? "后一阶段的目标值不能低于前一阶段" : "后一阶段的目标值不能高于前一阶段");
        }
        if (builder.Build() is { } error)
        {
            return error;
        }
        var target = new PlanTarget
        {
            PlanId = plan.Id,
            PlanOwnerUnitId = plan.OwnerUnitId,
            PlanOwnerPath = plan.OwnerPath,
            Name = n,
            MetricKey = metric.Key,
            Unit = metric.Unit,
            Direction = metric.Direction,
            ScopeUnitId = scope.Id,
            ScopeName = scope.Name,
            ScopePath = scope.Path,
            Baseline = baseline,
            BaselineDate = baselineDate,
        };
        target.Steps.AddRange(ordered);
        return target;
    }

    /// <summary>Whoever sees the plan sees its targets; admins see the targets whose scope is inside their jurisdiction.</summary>
    public bool CanView(Caller caller) =>
        OrgUnit.PathContains(PlanOwnerPath, caller.OrgPath) || (caller.IsAdmin && (caller.Covers(PlanOwnerPath) || caller.Covers(ScopePath)));

    private IEnumerable<PlanTargetStep> OrderedSteps => Steps.OrderBy(s => s.Deadline);

    /// <summary>
    /// The target path on a date: a straight line from the path's start on the day the target was set to the first step's
    /// value on its deadline, then from each step to the next; flat before the start and at the last value after. The
    /// start is the baseline, unless the baseline already meets the first step: then the path starts at that step's value
    /// (a figure ahead of its target is never asked to fall back to it).
    /// </summary>
    public decimal ExpectedOn(DateOnly date)
    {
        var ordered = OrderedSteps.ToList();
        var start = ordered.Count > 0 && Meets(Baseline, ordered[0].Value) ? ordered[0].Value : Baseline;
        var (fromDate, fromValue) = (BaselineDate, start);
        if (date <= fromDate)
        {
            return start;
        }
        foreach (var step in ordered)
        {
            if (date <= step.Deadline)
            {
                var span = step.Deadline.DayNumber - fromDate.DayNumber;
                var done = date.DayNumber - fromDate.DayNumber;
                return Math.Round(fromValue + ((step.Value - fromValue) * done / span), 4);
            }
            (fromDate, fromValue) = (step.Deadline, step.Value);
        }
        return fromValue;
    }

    /// <summary>Whether a value meets a goal in the metric's direction (≥ for a rate that should rise, ≤ for a share that should fall).</summary>
    public bool Meets(decimal actual, decimal goal) => Direction == MetricDirection.HigherIsBetter ? actual >= goal : actual <= goal;

    /// <summary>
    /// The rule (stated on the target page and in docs/domain-rules.md):
    /// <list type="bullet">
    /// <item>无数据 — no reading on or before the date.</item>
    /// <item>未达成 (missed) — a step whose deadline has passed was not met by the last reading on or before its deadline.</item>
    /// <item>已达成 (achieved) — every step's deadline has passed and each was met.</item>
    /// <item>进度滞后 (at risk) — otherwise, when the latest reading is behind the path's value for the date.</item>
    /// <item>进度正常 (on track) — otherwise.</item>
    /// </list>
    /// </summary>
    public TargetEvaluation Evaluate(IReadOnlyList<TargetReading> readings, DateOnly chinaToday)
    {
        var known = readings.Where(r => r.Date <= chinaToday).OrderBy(r => r.Date).ToList();
        var actual = known.Count == 0 ? (decimal?)null : known[^1].Value;
        var expected = ExpectedOn(chinaToday);
        var results = OrderedSteps.Select(step =>
        {
            if (step.Deadline >= chinaToday)
            {
                return new TargetStepResult(step, null, null);
            }
            var atDeadline = known.LastOrDefault(r => r.Date <= step.Deadline);
            decimal? value = atDeadline == default ? null : atDeadline.Value;
            return new TargetStepResult(step, value is { } v && Meets(v, step.Value), value);
        }).ToList();
        var status = actual is null ? TrajectoryStatus.NoData
            : results.Any(r => r.Reached == false) ? TrajectoryStatus.Missed
            : results.All(r => r.Reached == true) ? TrajectoryStatus.Achieved
            : Meets(actual.Value, expected) ? TrajectoryStatus.OnTrack
            : TrajectoryStatus.AtRisk;
        return new TargetEvaluation(status, expected, actual, results);
    }
}
