namespace EduPortal.Domain.Metrics;

/// <summary>
/// One unit's value of a metric. <see cref="Value"/> is null when the unit has no data (e.g. no survey yet), which
/// is shown as "无数据" and never as zero. Rates carry their numerator and denominator so they can be explained.
/// </summary>
public sealed record MetricValue(int OrgUnitId, string OrgName, decimal? Value, decimal? Numerator = null, decimal? Denominator = null);
