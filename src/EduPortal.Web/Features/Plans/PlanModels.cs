using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;

namespace EduPortal.Web.Features.Plans;

public sealed class PlanInput
{
    public string Title { get; set; } = "";
    public string? DocumentNumber { get; set; }
    public DateTime? PeriodStart { get; set; }
    public DateTime? PeriodEnd { get; set; }
}

public sealed class PlanTaskInput
{
    public string Title { get; set; } = "";
    public string Period { get; set; } = "";
    public DateTime? StartDate { get; set; }
    public DateTime? DueDate { get; set; }
    public int? ResponsibleUnitId { get; set; }
    public string? ResponsiblePeople { get; set; }
    public string? SupervisingOffice { get; set; }
}

public sealed class PlanTargetInput
{
    /// <summary>Entered by hand with evidence rather than bound to a registered metric.</summary>
    public bool HandEntered { get; set; }
    public string MetricKey { get; set; } = "";
    /// <summary>Hand-entered only: 计量单位, which way it improves and the starting value.</summary>
    public string? Unit { get; set; }
    public MetricDirection Direction { get; set; } = MetricDirection.HigherIsBetter;
    public decimal? Baseline { get; set; }
    public int? ScopeUnitId { get; set; }
    public string? Name { get; set; }
    public decimal? FirstValue { get; set; }
    public DateTime? FirstDeadline { get; set; }
    public decimal? SecondValue { get; set; }
    public DateTime? SecondDeadline { get; set; }
}

/// <summary>A hand-entered value as the form holds it (the file comes separately as a <see cref="PlanUpload"/>).</summary>
public sealed class PlanTargetEntryInput
{
    public DateTime? Date { get; set; }
    public decimal? Value { get; set; }
    public string? Note { get; set; }
    public string? Link { get; set; }
}

/// <summary>A file the user picked, to go through the upload pipeline.</summary>
public sealed record PlanUpload(Stream Content, long Length, string FileName);

public sealed record PlanSummary(int Id, string Title, string OwnerName, DateOnly PeriodStart, DateOnly PeriodEnd, string? DocumentNumber,
    int Tasks, int Completed, int Overdue);

public sealed record PlanTaskRow(int Id, int? ParentTaskId, string Title, string Period, DateOnly StartDate, DateOnly DueDate, string ResponsibleUnitName,
    string ResponsiblePeople, string SupervisingOffice, PlanTaskStatus Status, PlanTaskBreakdown? Breakdown, bool CompletedLate);

/// <param name="Recent">The last readings' values (up to a month of them), for a sparkline.</param>
public sealed record PlanTargetRow(int Id, string Name, string ScopeName, string Unit, MetricDirection Direction, bool HandEntered, IReadOnlyList<PlanTargetStep> Steps, TargetEvaluation Evaluation,
    IReadOnlyList<decimal> Recent);

public sealed record UnitChoice(int Id, string Name, OrgUnitKind Kind);

public sealed record PlanView(Plan Plan, PlanPermissions Permissions, IReadOnlyList<PlanTaskRow> Tasks, IReadOnlyList<PlanTargetRow> Targets,
    IReadOnlyList<UnitChoice> Units, IReadOnlyList<MetricDefinition> Metrics);

public sealed record PlanTaskView(PlanTask Task, string PlanTitle, PlanTaskPermissions Permissions, PlanTaskStatus Status,
    IReadOnlyList<PlanTaskRow> Children, PlanTaskBreakdown? Breakdown, IReadOnlyList<UnitChoice> BreakdownChoices);

public sealed record TrajectoryPoint(DateOnly Date, decimal Expected, decimal? Actual);

/// <summary>A unit directly under a bound target's scope, measured against the target's path.</summary>
public sealed record TargetUnitRow(int UnitId, string Name, decimal? Actual, TrajectoryStatus Status);

/// <param name="History">Every hand-entered value, corrected ones included, newest date first.</param>
public sealed record PlanTargetView(PlanTarget Target, string PlanTitle, TargetEvaluation Evaluation, IReadOnlyList<TrajectoryPoint> Points, string? PagePath,
    PlanTargetPermissions Permissions, IReadOnlyList<PlanTargetEntry> History, IReadOnlyList<TargetUnitRow> Units);

public sealed record OverdueTask(int Id, string Title, string PlanTitle, DateOnly DueDate, string ResponsibleUnitName);

/// <summary>Overdue tasks (the first 20, and how many in all) and off-track targets of a jurisdiction on a date (<see cref="PlanService.AlertsAsync"/>).</summary>
public sealed record PlanAlerts(IReadOnlyList<OverdueTask> OverdueTasks, int OverdueCount, IReadOnlyList<PlanTargetRow> OffTrackTargets)
{
    public static PlanAlerts None { get; } = new([], 0, []);

    public bool IsEmpty => OverdueCount == 0 && OffTrackTargets.Count == 0;
}

public sealed record DashboardMetric(MetricDefinition Definition, MetricValue Scope, IReadOnlyList<MetricValue> WorstUnits,
    IReadOnlyList<decimal> Sparkline, PlanTargetRow? Target);

/// <param name="HandEntered">Hand-entered targets scoped inside the caller's jurisdiction, as cards beside the registered metrics.</param>
public sealed record Dashboard(string ScopeName, IReadOnlyList<DashboardMetric> Metrics, IReadOnlyList<PlanTargetRow> HandEntered, long ServerMilliseconds);
