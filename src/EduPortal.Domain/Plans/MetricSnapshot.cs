namespace EduPortal.Domain.Plans;

/// <summary>
/// A metric's value for one org unit on one China date, taken by the daily snapshot job. One row per metric, unit and
/// date: re-running the job that day replaces the value (<see cref="Replace"/>), so the job is idempotent per day.
/// </summary>
public sealed class MetricSnapshot
{
    public const int MaxKeyLength = 80;

    private MetricSnapshot()
    {
    }

    public MetricSnapshot(string metricKey, int orgUnitId, DateOnly date, decimal? value, DateTimeOffset takenAt)
    {
        MetricKey = metricKey;
        OrgUnitId = orgUnitId;
        Date = date;
        Value = value;
        TakenAt = takenAt;
    }

    public long Id { get; private set; }
    public string MetricKey { get; private set; } = "";
    public int OrgUnitId { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>Null when the unit had no data that day (shown as 无数据, never as zero).</summary>
    public decimal? Value { get; private set; }
    public DateTimeOffset TakenAt { get; private set; }

    public void Replace(decimal? value, DateTimeOffset takenAt)
    {
        Value = value;
        TakenAt = takenAt;
    }
}
