using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Plans;

/// <summary>
/// A numeric target of a plan for a scope (city, county or school), in dated steps (circular 004 §四 7 and 16: teachers'
/// real-name registration ≥ 30% by the first year's end, then ≥ 50%; students 20% then 40%). It is bound to a metric the
/// portal computes (<see cref="MetricKey"/>), so its actuals are the daily snapshots of that metric for the scope, or its
/// metric is entered by hand with evidence (<see cref="IsHandEntered"/>), so its actuals are the current entries. Both
/// follow the same path and the same rule (<see cref="Evaluate"/>).
/// </summary>
public sealed class PlanTarget
{
    public const int MaxNameLength = 60;
    public const int MaxSteps = 6;
    public const int MaxUnitLength = 20;
    public const decimal MaxValue = 1_000_000_000m;

    /// <summary>The <see cref="MetricKey"/> of a target whose values are entered by hand (<see cref="CreateHandEntered"/>).</summary>
    public const string HandEnteredKey = "plans.hand-entered";

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
    /// <summary>Hand-entered values with their corrections (empty for a target bound to a metric).</summary>
    public List<PlanTargetEntry> Entries { get; private set; } = [];

    /// <summary>Entered by hand with evidence, rather than bound to a figure the portal computes.</summary>
    public bool IsHandEntered => MetricKey == HandEnteredKey;

    public static Result<PlanTarget> Create(Plan plan, Caller caller, MetricDefinition metric, PlanUnit scope, string? name,
        decimal baseline, DateOnly baselineDate, IReadOnlyList<PlanTargetStep> steps) =>
        Create(plan, caller, metric, scope, string.IsNullOrWhiteSpace(name) ? metric.Name : name.Trim(), baseline, baselineDate, steps, new ValidationBuilder());

    /// <summary>
    /// A target whose metric is entered by hand with evidence (SPEC §7 "or entered by hand"; circular 004 §四 16 ①: the
    /// 班班通 training and competitions no module counts): the owner names the metric, its unit and which way it improves;
    /// the scope unit's admins then enter its values (<see cref="Enter"/>). The path starts at the owner's baseline (0 when none).
    /// </summary>
    public static Result<PlanTarget> CreateHandEntered(Plan plan, Caller caller, PlanUnit scope, string? name, string? unit, MetricDirection direction,
        decimal? baseline, DateOnly chinaToday, IReadOnlyList<PlanTargetStep> steps)
    {
        var (n, u) = (name?.Trim() ?? "", unit?.Trim() ?? "");
        var builder = new ValidationBuilder()
            .Check(n.Length > 0, nameof(Name), "请填写指标名称")
            .Check(u.Length > 0, nameof(Unit), "请填写计量单位（如 %、人次、所）")
            .Check(u.Length <= MaxUnitLength, nameof(Unit), $"计量单位不能超过 {MaxUnitLength} 个字")
            .Check(Enum.IsDefined(direction), nameof(Direction), "请选择指标方向")
            .Check(baseline is null or >= 0, nameof(Baseline), "基线值不能为负数")
            .Check(u != "%" || baseline is null or <= 100, nameof(Baseline), "百分比不能超过 100%");
        var metric = new MetricDefinition(HandEnteredKey, n, u, direction, "Plans", "");
        return Create(plan, caller, metric, scope, n, baseline ?? 0, chinaToday, steps, builder);
    }

    private static Result<PlanTarget> Create(Plan plan, Caller caller, MetricDefinition metric, PlanUnit scope, string n,
        decimal baseline, DateOnly baselineDate, IReadOnlyList<PlanTargetStep> steps, ValidationBuilder builder)
    {
        if (!plan.CanEdit(caller))
        {
            return new ForbiddenError("只有方案所属单位的管理员可以设定目标。");
        }
        if (!OrgUnit.PathContains(plan.OwnerPath, scope.Path))
        {
            return ValidationError.For(nameof(ScopeUnitId), "目标范围须在方案所属单位的管辖范围内");
        }
        var ordered = steps.OrderBy(s => s.Deadline).ToList();
        var higher = metric.Direction == MetricDirection.HigherIsBetter;
        builder
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

    public PlanTargetPermissions PermissionsFor(Caller caller) => new(CanView(caller), CanEnter(caller));

    /// <summary>
    /// Everyone inside the scope sees the target (a county's schools see the county's figure); admins see the targets whose
    /// scope or plan owner is in their jurisdiction. A target scoped to one school is not shown to its neighbours.
    /// </summary>
    public bool CanView(Caller caller) =>
        OrgUnit.PathContains(ScopePath, caller.OrgPath) || (caller.IsAdmin && (caller.Covers(PlanOwnerPath) || caller.Covers(ScopePath)));

    /// <summary>A hand-entered target's values are entered by the admins of its scope unit (the unit measured) or of the plan's owner.</summary>
    public bool CanEnter(Caller caller) =>
        IsHandEntered && caller.IsAdmin && (caller.OrgUnitId == ScopeUnitId || caller.OrgUnitId == PlanOwnerUnitId);

    /// <summary>The current (not corrected) hand-entered values as readings, the same input the rule takes from snapshots.</summary>
    public IReadOnlyList<TargetReading> HandEnteredReadings() =>
        Entries.Where(e => e.IsCurrent).OrderBy(e => e.Date).Select(e => new TargetReading(e.Date, e.Value)).ToList();

    /// <summary>
    /// Checks a hand-entered value before anything is stored: the date (not in the future, not before the target was
    /// set, not a date that already has a value unless it is the one being corrected), the value (not negative, a
    /// percentage at most 100) and the evidence (a note, a link or a file). <paramref name="correcting"/> is the entry a
    /// correction replaces (one of this target's current entries); its files count as evidence.
    /// </summary>
    public Error? CheckEntry(Caller caller, PlanTargetEntryDraft draft, DateOnly chinaToday, PlanTargetEntry? correcting = null)
    {
        if (!IsHandEntered)
        {
            return new ConflictError("该目标绑定平台指标，每日自动取数，不能手工填报。");
        }
        if (!CanEnter(caller))
        {
            return new ForbiddenError("只有目标范围单位或方案所属单位的管理员可以填报。");
        }
        if (correcting is not null && !Entries.Contains(correcting))
        {
            return new NotFoundError();
        }
        if (correcting is { IsCurrent: false })
        {
            return new ConflictError("该填报值已被更正，请更正最新的值。");
        }
        var (note, link) = (draft.Note?.Trim() ?? "", draft.Link?.Trim() ?? "");
        var taken = draft.Date is { } d ? Entries.FirstOrDefault(e => e.IsCurrent && e.Date == d && e != correcting) : null;
        return new ValidationBuilder()
            .Check(draft.Date is not null, nameof(PlanTargetEntry.Date), "请选择数据日期")
            .Check(draft.Date is null || draft.Date <= chinaToday, nameof(PlanTargetEntry.Date), "数据日期不能晚于今天")
            .Check(draft.Date is null || draft.Date >= BaselineDate, nameof(PlanTargetEntry.Date), $"数据日期不能早于目标设定日期 {ChinaTime.FormatDate(BaselineDate)}")
            .Check(taken is null, nameof(PlanTargetEntry.Date), $"该日期已填报 {taken?.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}，如需修改请点“更正”")
            .Check(draft.Value is not null, nameof(PlanTargetEntry.Value), "请填写数值")
            .Check(draft.Value is null or >= 0, nameof(PlanTargetEntry.Value), "数值不能为负数")
            .Check(Unit != "%" || draft.Value is null or <= 100, nameof(PlanTargetEntry.Value), "百分比不能超过 100%")
            .Check(draft.Value is null or <= MaxValue, nameof(PlanTargetEntry.Value), "数值过大")
            .Check(note.Length <= PlanTargetEntry.MaxNoteLength, nameof(PlanTargetEntry.EvidenceNote), $"佐证说明不能超过 {PlanTargetEntry.MaxNoteLength} 个字")
            .Check(link.Length == 0 || IsWebLink(link), nameof(PlanTargetEntry.EvidenceLink), "请填写以 http:// 或 https:// 开头的完整链接")
            .Check(link.Length <= PlanTargetEntry.MaxLinkLength, nameof(PlanTargetEntry.EvidenceLink), $"链接不能超过 {PlanTargetEntry.MaxLinkLength} 个字符")
            .Check(note.Length > 0 || link.Length > 0 || draft.HasFile || correcting?.Files.Count > 0, "Evidence", "请填写佐证说明、链接或上传佐证材料")
            .Build();
    }

    /// <summary>
    /// Enters a value (or, with <paramref name="correcting"/>, a correction that supersedes that entry and keeps its files
    /// unless a new one comes). Re-checks <see cref="CheckEntry"/>; <paramref name="file"/> has been stored by the upload pipeline.
    /// </summary>
    public Result<PlanTargetEntry> Enter(Caller caller, PlanTargetEntryDraft draft, StoredPlanFile? file, DateOnly chinaToday, DateTimeOffset now, PlanTargetEntry? correcting = null)
    {
        if (CheckEntry(caller, draft with { HasFile = file is not null }, chinaToday, correcting) is { } error)
        {
            return error;
        }
        var (note, link) = (draft.Note?.Trim() ?? "", draft.Link?.Trim() ?? "");
        var entry = new PlanTargetEntry(draft.Date!.Value, draft.Value!.Value, note.Length > 0 ? note : null, link.Length > 0 ? link : null,
            caller.UserId, caller.RealName, now, correcting?.Id);
        if (file is not null)
        {
            entry.Files.Add(new PlanTargetEntryFile(file.StoredPath, file.FileName, file.ContentType, caller.RealName, now));
        }
        if (correcting is not null)
        {
            correcting.Supersede(caller.RealName, now);
            if (file is null)
            {
                entry.Files.AddRange(correcting.Files.Select(f => new PlanTargetEntryFile(f.StoredPath, f.FileName, f.ContentType, f.UploadedByName, f.At)));
            }
        }
        Entries.Add(entry);
        return entry;
    }

    private static bool IsWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

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
