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
    public string MetricKey { get; set; } = "";
    public int? ScopeUnitId { get; set; }
    public string? Name { get; set; }
    public decimal? FirstValue { get; set; }
    public DateTime? FirstDeadline { get; set; }
    public decimal? SecondValue { get; set; }
    public DateTime? SecondDeadline { get; set; }
}

public sealed record PlanSummary(int Id, string Title, string OwnerName, DateOnly PeriodStart, DateOnly PeriodEnd, string? DocumentNumber,
    int Tasks, int Completed, int Overdue);

public sealed record PlanTaskRow(int Id, int? ParentTaskId, string Title, string Period, DateOnly StartDate, DateOnly DueDate, string ResponsibleUnitName,
    string ResponsiblePeople, string SupervisingOffice, PlanTaskStatus Status, PlanTaskBreakdown? Breakdown, bool CompletedLate);

public sealed record PlanTargetRow(int Id, string Name, string ScopeName, string Unit, IReadOnlyList<PlanTargetStep> Steps, TargetEvaluation Evaluation);

public sealed record UnitChoice(int Id, string Name, OrgUnitKind Kind);

public sealed record PlanView(Plan Plan, PlanPermissions Permissions, IReadOnlyList<PlanTaskRow> Tasks, IReadOnlyList<PlanTargetRow> Targets,
    IReadOnlyList<UnitChoice> Units, IReadOnlyList<MetricDefinition> Metrics);

public sealed record PlanTaskView(PlanTask Task, string PlanTitle, PlanTaskPermissions Permissions, PlanTaskStatus Status,
    IReadOnlyList<PlanTaskRow> Children, PlanTaskBreakdown? Breakdown, IReadOnlyList<UnitChoice> BreakdownChoices);

public sealed record TrajectoryPoint(DateOnly Date, decimal Expected, decimal? Actual);

public sealed record PlanTargetView(PlanTarget Target, string PlanTitle, TargetEvaluation Evaluation, IReadOnlyList<TrajectoryPoint> Points, string? PagePath);

public sealed record OverdueTask(int Id, string Title, string PlanTitle, DateOnly DueDate);

public sealed record DashboardMetric(MetricDefinition Definition, MetricValue Scope, IReadOnlyList<MetricValue> WorstUnits,
    IReadOnlyList<decimal> Sparkline, PlanTargetRow? Target);

public sealed record Dashboard(string ScopeName, IReadOnlyList<DashboardMetric> Metrics, long ServerMilliseconds);
