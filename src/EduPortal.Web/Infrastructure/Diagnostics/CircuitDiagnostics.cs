using System.Diagnostics;
using EduPortal.Data;
using EduPortal.Domain.Accounts;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Infrastructure.Diagnostics;

/// <summary>
/// What the server spends on Blazor circuits, measured on the server so a load test's figures do not depend on its
/// browser driver: open and connected circuits, and the server time of each inbound circuit activity (a UI event, a
/// navigation inside the circuit, a JS interop reply), kept as the last <see cref="Capacity"/> samples.
/// </summary>
public sealed class CircuitDiagnostics
{
    public const int Capacity = 20_000;

    private readonly Lock gate = new();
    private readonly double[] samples = new double[Capacity];
    private readonly double[] pageSamples = new double[Capacity];
    private long recorded;
    private long pagesRecorded;
    private int open;
    private int connected;
    private long opened;

    public int OpenCircuits => Volatile.Read(ref open);

    public void CircuitOpened()
    {
        Interlocked.Increment(ref open);
        Interlocked.Increment(ref opened);
    }

    public void CircuitClosed() => Interlocked.Decrement(ref open);

    public void ConnectionUp() => Interlocked.Increment(ref connected);

    public void ConnectionDown() => Interlocked.Decrement(ref connected);

    public void RecordActivity(TimeSpan elapsed)
    {
        lock (gate)
        {
            samples[recorded % Capacity] = elapsed.TotalMilliseconds;
            recorded++;
        }
    }

    /// <summary>
    /// A page's own load after an in-circuit navigation (PortalPage: the caller re-read and the page's queries), which
    /// runs after the navigation's inbound activity has returned, so the activity times alone miss it.
    /// </summary>
    public void RecordPageLoad(TimeSpan elapsed)
    {
        lock (gate)
        {
            pageSamples[pagesRecorded % Capacity] = elapsed.TotalMilliseconds;
            pagesRecorded++;
        }
    }

    /// <summary>Forgets the activity samples (a load script resets before its measured phase).</summary>
    public void Reset()
    {
        lock (gate)
        {
            recorded = 0;
            pagesRecorded = 0;
        }
    }

    /// <param name="gc">
    /// <see cref="DiagnosticsCollection.Full"/>: a full collection first, so the managed heap counts only live objects
    /// (what a held circuit keeps). <see cref="DiagnosticsCollection.Compact"/>: an aggressive, compacting full
    /// collection (the large object heap included) that also gives the free space back to the OS, so the working set
    /// is read at the same GC state whatever the collections before it returned: a load script reads it at two circuit
    /// counts and divides the difference by the circuits between them.
    /// </param>
    public DiagnosticsReport Report(DiagnosticsCollection gc = DiagnosticsCollection.None)
    {
        if (gc == DiagnosticsCollection.Compact)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        double[] taken;
        double[] pages;
        long count;
        long pageCount;
        lock (gate)
        {
            count = recorded;
            taken = samples.AsSpan(0, (int)Math.Min(recorded, Capacity)).ToArray();
            pageCount = pagesRecorded;
            pages = pageSamples.AsSpan(0, (int)Math.Min(pagesRecorded, Capacity)).ToArray();
        }
        var heap = GC.GetTotalMemory(forceFullCollection: gc == DiagnosticsCollection.Full);
        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        return new DiagnosticsReport(
            OpenCircuits, Volatile.Read(ref connected), Interlocked.Read(ref opened),
            heap, info.HeapSizeBytes, info.TotalCommittedBytes, info.FragmentedBytes,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            process.WorkingSet64, ProcessMemory.Read(), process.TotalProcessorTime.TotalMilliseconds, Environment.ProcessorCount,
            Times(count, taken), Times(pageCount, pages));
    }

    private static ActivityTimes Times(long count, double[] taken)
    {
        Array.Sort(taken);
        double? Percentile(double p) => taken.Length == 0 ? null : Math.Round(taken[Math.Min(taken.Length - 1, (int)Math.Ceiling(p * taken.Length) - 1)], 2);
        return new ActivityTimes(count, Percentile(0.5), Percentile(0.95), Percentile(0.99), taken.Length == 0 ? null : Math.Round(taken[^1], 2));
    }
}

/// <summary>The collection /diag runs before it reads the memory figures (<c>?gc=1</c>, <c>?gc=compact</c>).</summary>
public enum DiagnosticsCollection
{
    None,
    Full,
    Compact,
}

/// <summary>
/// The process's resident memory from Linux's <c>/proc/self/smaps_rollup</c> (null elsewhere): resident, private dirty
/// (written pages no other process shares: the heap, stacks, native buffers) and anonymous (not backed by a file).
/// </summary>
public sealed record ProcessMemory(long RssBytes, long PrivateDirtyBytes, long AnonymousBytes)
{
    public static ProcessMemory? Read()
    {
        const string Path = "/proc/self/smaps_rollup";
        if (!OperatingSystem.IsLinux() || !File.Exists(Path))
        {
            return null;
        }
        long rss = 0, privateDirty = 0, anonymous = 0;
        foreach (var line in File.ReadLines(Path))
        {
            // "Private_Dirty:     123456 kB"
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }
            var value = line[(colon + 1)..].Trim();
            if (!value.EndsWith(" kB", StringComparison.Ordinal)
                || !long.TryParse(value[..^3], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var kib))
            {
                continue;
            }
            switch (line[..colon])
            {
                case "Rss": rss = kib * 1024; break;
                case "Private_Dirty": privateDirty = kib * 1024; break;
                case "Anonymous": anonymous = kib * 1024; break;
            }
        }
        return new ProcessMemory(rss, privateDirty, anonymous);
    }
}

public sealed record ActivityTimes(long Count, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);

public sealed record DiagnosticsReport(
    int OpenCircuits, int ConnectedCircuits, long CircuitsOpenedSinceStart,
    long ManagedHeapBytes, long GcHeapSizeBytes, long GcCommittedBytes, long GcFragmentedBytes,
    int Gen0Collections, int Gen1Collections, int Gen2Collections,
    long WorkingSetBytes, ProcessMemory? Memory, double ProcessCpuMs, int Processors, ActivityTimes InboundActivity, ActivityTimes PageLoads);

/// <summary>Feeds <see cref="CircuitDiagnostics"/>: one instance per circuit (Blazor registers circuit handlers scoped).</summary>
public sealed class DiagnosticsCircuitHandler(CircuitDiagnostics diagnostics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        diagnostics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        diagnostics.CircuitClosed();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        diagnostics.ConnectionUp();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        diagnostics.ConnectionDown();
        return Task.CompletedTask;
    }

    /// <summary>Times every inbound activity of the circuit: the server's share of a click or an in-circuit navigation.</summary>
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                diagnostics.RecordActivity(Stopwatch.GetElapsedTime(started));
            }
        };
}

public static class DiagnosticsEndpoints
{
    public static IServiceCollection AddCircuitDiagnostics(this IServiceCollection services)
    {
        services.AddSingleton<CircuitDiagnostics>();
        services.AddScoped<CircuitHandler, DiagnosticsCircuitHandler>();
        return services;
    }

    /// <summary>
    /// GET /diag: the figures above as JSON, for city admins only in every environment (the account re-read, as for
    /// the jobs dashboard); <c>?gc=1</c> forces a full collection before reading the heap, <c>?gc=compact</c> an aggressive
    /// compacting one that returns free memory to the OS (<see cref="CircuitDiagnostics.Report"/>), <c>?reset=1</c>
    /// forgets the activity samples after reporting them. See docs/security.md.
    /// </summary>
    public static void MapDiagnosticsEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/diag", async (string? reset, string? gc, HttpContext http, IDbContextFactory<EduPortalDbContext> dbFactory, CircuitDiagnostics diagnostics,
            CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            if (caller.Level != AdminLevel.City)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            var report = diagnostics.Report(gc switch
            {
                "1" or "true" => DiagnosticsCollection.Full,
                "compact" => DiagnosticsCollection.Compact,
                _ => DiagnosticsCollection.None,
            });
            if (reset is "1" or "true")
            {
                diagnostics.Reset();
            }
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(report);
        }).AllowAnonymous(); // checked above, answering 401/403 rather than redirecting a script to the sign-in page
}
