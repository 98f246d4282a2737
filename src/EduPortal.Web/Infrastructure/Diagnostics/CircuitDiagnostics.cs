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

    /// <param name="collect">Force a full collection first, so the managed heap counts only live objects (what a held circuit keeps).</param>
    public DiagnosticsReport Report(bool collect = false)
    {
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
        var gc = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        return new DiagnosticsReport(
            OpenCircuits, Volatile.Read(ref connected), Interlocked.Read(ref opened),
            GC.GetTotalMemory(forceFullCollection: collect), gc.HeapSizeBytes, gc.TotalCommittedBytes, gc.FragmentedBytes,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            process.WorkingSet64, process.TotalProcessorTime.TotalMilliseconds, Environment.ProcessorCount,
            Times(count, taken), Times(pageCount, pages));
    }

    private static ActivityTimes Times(long count, double[] taken)
    {
        Array.Sort(taken);
        double? Percentile(double p) => taken.Length == 0 ? null : Math.Round(taken[Math.Min(taken.Length - 1, (int)Math.Ceiling(p * taken.Length) - 1)], 2);
        return new ActivityTimes(count, Percentile(0.5), Percentile(0.95), Percentile(0.99), taken.Length == 0 ? null : Math.Round(taken[^1], 2));
    }
}

public sealed record ActivityTimes(long Count, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);

public sealed record DiagnosticsReport(
    int OpenCircuits, int ConnectedCircuits, long CircuitsOpenedSinceStart,
    long ManagedHeapBytes, long GcHeapSizeBytes, long GcCommittedBytes, long GcFragmentedBytes,
    int Gen0Collections, int Gen1Collections, int Gen2Collections,
    long WorkingSetBytes, double ProcessCpuMs, int Processors, ActivityTimes InboundActivity, ActivityTimes PageLoads);

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
    /// the jobs dashboard); <c>?gc=1</c> forces a full collection before reading the heap, <c>?reset=1</c> forgets the
    /// activity samples after reporting them. See docs/security.md.
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
            var report = diagnostics.Report(collect: gc is "1" or "true");
            if (reset is "1" or "true")
            {
                diagnostics.Reset();
            }
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(report);
        }).AllowAnonymous(); // checked above, answering 401/403 rather than redirecting a script to the sign-in page
}
