namespace EduPortal.Domain.Metrics;

/// <summary>Which way a figure improves: a coverage rate should rise, an overdue share should fall.</summary>
public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
