namespace EduPortal.Web.Infrastructure;

/// <summary>
/// Keeps only the latest progress report of a background run; the job's own loop takes it and saves it. The run reports
/// from its own threads, and a database context (with the tracked row the figures go into) stays on the loop's thread:
/// setting the tracked row from the report would race the loop's save, whose AcceptAllChanges can take a figure set
/// during the write as already saved, so the last figures would never be written.
/// </summary>
public sealed class LatestProgress<T> : IProgress<T> where T : struct
{
    private T? _latest;
    private readonly Lock _lock = new();

    public void Report(T value)
    {
        lock (_lock)
        {
            _latest = value;
        }
    }

    /// <summary>The report since the last take, or null when none came.</summary>
    public T? Take()
    {
        lock (_lock)
        {
            var latest = _latest;
            _latest = null;
            return latest;
        }
    }
}
