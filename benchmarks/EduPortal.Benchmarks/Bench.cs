using System.Diagnostics;

namespace EduPortal.Benchmarks;

/// <summary>The benchmarks' one timing helper: median of several runs after a warm-up (JIT, SQLite page cache).</summary>
public static class Bench
{
    public sealed record Timing(double Median, string Text);

    public static async Task<Timing> MeasureAsync(Func<Task> action, int runs = 7)
    {
        await action();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Summarise(samples);
    }

    /// <summary>The value of a service call the benchmark needs to have succeeded.</summary>
    public static T Ok<T>(EduPortal.Domain.Common.Result<T> result) =>
        result.Error is null ? result.Value! : throw new InvalidOperationException(result.Error.Message);

    public static async Task<string> TimeAsync(Func<Task> action, int runs = 7) => (await MeasureAsync(action, runs)).Text;

    /// <summary>Median, min and max of samples taken by the caller (e.g. each run doing different work).</summary>
    public static Timing Summarise(List<double> samples)
    {
        samples.Sort();
        var median = samples[samples.Count / 2];
        return new Timing(median, $"median {median,7:F1} ms  (min {samples[0]:F1}, max {samples[^1]:F1}, n={samples.Count})");
    }
}
