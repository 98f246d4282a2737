namespace EduPortal.Domain.Metrics;

/// <summary>A metric read for a scope: the scope's own value and the value of each unit directly under it (for the worst-units list).</summary>
public sealed record MetricReading(MetricDefinition Definition, MetricValue Scope, IReadOnlyList<MetricValue> Units);
