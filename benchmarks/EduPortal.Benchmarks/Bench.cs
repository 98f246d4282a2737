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

/// <summary>
/// BENCH_SQL=&lt;file&gt;: the SQL (with its time) of the commands a benchmark runs while <see cref="On"/> is set, for
/// EXPLAIN QUERY PLAN and for seeing which read of a page costs what.
/// </summary>
public static class SqlLog
{
    public static bool On { get; set; }

    public static Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<T> Configure<T>(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<T> builder)
        where T : Microsoft.EntityFrameworkCore.DbContext
    {
        var file = Environment.GetEnvironmentVariable("BENCH_SQL");
        if (!string.IsNullOrEmpty(file))
        {
            builder.LogTo(line =>
            {
                if (On)
                {
                    File.AppendAllText(file, line + Environment.NewLine);
                }
            }, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).EnableSensitiveDataLogging();
        }
        return builder;
    }
}
