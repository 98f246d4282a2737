using System.Buffers;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Benchmarks;

/// <summary>
/// A held circuit without a browser: what blazor.web.js does for a prerendered interactive-server page of a .NET 8+
/// web app, and nothing else. It GETs the page with the signed-in cookie, reads the prerendered server component
/// markers (<c>&lt;!--Blazor:{...}--&gt;</c>) and the persisted state, connects to <c>/_blazor</c> with the
/// "blazorpack" (MessagePack) hub protocol, starts the circuit (<c>StartCircuit</c> with no initial components, then
/// <c>UpdateRootComponents</c> adding the markers), acknowledges every render batch (<c>OnRenderCompleted</c>) and
/// answers every JS interop call (<c>EndInvokeJSFromDotNet</c>) at once, so the server never waits on it; the SignalR
/// client's keep-alive pings hold the connection. The server keeps the same circuit state as for a browser (the same
/// components, the same render tree); only the client's DOM is missing.
/// </summary>
public sealed partial class HeldCircuit : IAsyncDisposable
{
    private readonly HubConnection connection;
    private long nextJsObjectId = 1;
    private long nextCallId;

    private HeldCircuit(HubConnection connection) => this.connection = connection;

    /// <summary>JS interop identifiers the server called, with their count (the driver prints them with --verbose).</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> JsCalls = new();

    /// <summary>Server-reported circuit errors (JS.Error), e.g. an unhandled exception in a held page.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Errors = new();

    public bool Connected => connection.State == HubConnectionState.Connected;

    /// <summary>
    /// The server went on sending (a render batch or another JS call) after the circuit's first JS call was answered:
    /// the page went past the point where some starts stall (the server stops sending after the popover provider's
    /// first JS call; seen at 1–3 circuits on a loaded machine, not understood). The driver reopens stalled starts, so
    /// the heap counts whole pages (a stalled circuit stays retained on the server for its disconnect timeout). This
    /// used to wait for the theme provider's JS call, which no longer happens in the circuit since the theme's CSS is
    /// written with the page (App.razor).
    /// </summary>
    public bool Settled { get; private set; }

    private int jsCallsAnswered;

    private void Progress()
    {
        Active();
        if (Volatile.Read(ref jsCallsAnswered) > 0)
        {
            Settled = true;
        }
    }

    private static long lastActivity = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Time since any held client last received a render batch or a JS call: the pages have settled.</summary>
    public static TimeSpan Quiet => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref lastActivity));

    private static void Active() => Interlocked.Exchange(ref lastActivity, System.Diagnostics.Stopwatch.GetTimestamp());

    public static async Task<HeldCircuit> OpenAsync(Uri baseUri, string path, HttpClient http, CookieContainer cookies, CancellationToken ct = default)
    {
        var pageUri = new Uri(baseUri, path);
        var html = await http.GetStringAsync(pageUri, ct);
        var page = BlazorMarkers.Parse(html);
        if (page.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"{path}: no interactive server component markers in the page (signed out?)");
        }

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            });
        // The last IHubProtocol registered is the one the client speaks.
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackHubProtocol());
        var connection = builder.Build();
        var circuit = new HeldCircuit(connection);
        circuit.Register();
        await connection.StartAsync(ct);

        var circuitId = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", "", ct);
        if (string.IsNullOrEmpty(circuitId))
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"{path}: the server refused to start the circuit");
        }
        // The first update carries the page's persisted state, as blazor.web.js sends it.
        await connection.SendAsync("UpdateRootComponents", page.AddOperations(batchId: 1), page.PersistedState ?? "", ct);
        return circuit;
    }

    private void Register()
    {
        connection.On<long, byte[]>("JS.RenderBatch", (batchId, _) =>
        {
            Progress();
            return connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
        });
        connection.On<long, string, string?, int, long, int>("JS.BeginInvokeJS", async (asyncHandle, identifier, argsJson, resultType, _, _) =>
        {
            Progress();
            JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
            if (asyncHandle != 0)
            {
                var result = JsResult(identifier, resultType);
                await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
            }
            Interlocked.Increment(ref jsCallsAnswered);
            if (identifier == "mudResizeListenerFactory.listenForResize" && argsJson is not null)
            {
                await ReportViewportAsync(argsJson);
            }
        });
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string, bool, string?>("JS.EndInvokeDotNet", (_, succeeded, result) =>
        {
            if (!succeeded)
            {
                Errors.Enqueue("JS→.NET call failed: " + result);
            }
            else
            {
                JsCalls.AddOrUpdate("(.NET answered a JS→.NET call)", 1, (_, n) => n + 1);
            }
        });
        connection.On<string>("JS.Error", error => Errors.Enqueue(error));
    }

    /// <summary>
    /// The reply a browser would give, as far as the server's side keeps it: a JS object reference where one is asked
    /// for (<c>JSCallResultType.JSObjectReference</c> = 1); for the calls the held pages make that return a value, what
    /// chromium answers in the load driver's 200×150 iframes (the window and element sizes decide MudBlazor's
    /// breakpoint and layout, hence what a circuit keeps); null for void calls and everything else.
    /// </summary>
    private string JsResult(string identifier, int resultType) => resultType switch
    {
        1 => $"{{\"__jsObjectId\":{Interlocked.Increment(ref nextJsObjectId)}}}",
        _ => identifier switch
        {
            "Blazor._internal.PageTitle.getAndRemoveExistingTitle" => "\"教育信息化管理平台\"",
            "window.hasOwnProperty" => "true",
            "mudpopoverHelper.countProviders" => "1",
            "mudResizeListener.getBrowserWindowSize" => $"{{\"height\":{WindowHeight},\"width\":{WindowWidth}}}",
            "mudElementRef.getBoundingClientRect" => $"{{\"top\":0,\"left\":0,\"width\":{WindowWidth},\"height\":40,\"windowWidth\":{WindowWidth},\"windowHeight\":{WindowHeight}}}",
            "mudGetSvgBBox" => "{\"x\":0,\"y\":0,\"width\":24,\"height\":12}",
            "mudObserveElementSize" => $"{{\"width\":{WindowWidth},\"height\":100}}",
            _ => "null",
        },
    };

    /// <summary>The viewport the held clients report (the browser driver's iframes: 200×150; `--viewport 1280x720`).</summary>
    public static int WindowWidth { get; set; } = 200;

    public static int WindowHeight { get; set; } = 150;

    /// <summary>
    /// MudBlazor's resize listener reports the viewport as soon as it listens (<c>RaiseOnResized</c>, a JS→.NET call
    /// on the listener's object reference): the breakpoint decides, e.g., whether the responsive drawer is open.
    /// </summary>
    private async Task ReportViewportAsync(string argsJson)
    {
        var args = JsonNode.Parse(argsJson)!.AsArray();
        var objectId = (long)args[0]!["__dotNetObject"]!;
        var options = args[1]!.AsObject();
        if ((bool?)options["suppressInitEvent"] == true)
        {
            return;
        }
        var listenerId = args.Count > 2 ? args[2]?.ToJsonString() : null;
        var size = $"{{\"height\":{WindowHeight},\"width\":{WindowWidth}}}";
        var call = listenerId is null ? $"[{size},{Breakpoint(options)}]" : $"[{size},{Breakpoint(options)},{listenerId}]";
        await connection.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture), null, "RaiseOnResized", objectId, call);
    }

    /// <summary>MudBlazor's getBreakpoint: Xxl 5, Xl 4, Lg 3, Md 2, Sm 1, Xs 0.</summary>
    private static int Breakpoint(JsonObject options)
    {
        var definitions = options["breakpointDefinitions"]?.AsObject();
        int At(string name, int fallback) => (int?)definitions?[name] ?? fallback;
        return WindowWidth >= At("Xxl", 2560) ? 5 : WindowWidth >= At("Xl", 1920) ? 4 : WindowWidth >= At("Lg", 1280) ? 3
            : WindowWidth >= At("Md", 960) ? 2 : WindowWidth >= At("Sm", 600) ? 1 : 0;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>The MessagePack hub protocol under the name Blazor Server's hub accepts ("blazorpack").</summary>
    private sealed class BlazorPackHubProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol inner = new();

        public string Name => "blazorpack";

        public int Version => inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    }
}

/// <summary>
/// The prerendered markers of a page, as blazor.web.js discovers them: each <c>&lt;!--Blazor:{...}--&gt;</c> start
/// comment of type "server" (end comments carry only a prerenderId), in sequence order, and the
/// <c>&lt;!--Blazor-Server-Component-State:...--&gt;</c> persisted state.
/// </summary>
public sealed partial record BlazorMarkers(IReadOnlyList<JsonObject> ServerMarkers, string? PersistedState)
{
    public static BlazorMarkers Parse(string html)
    {
        var markers = MarkerPattern().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server")
            .OrderBy(m => (int)m["sequence"]!)
            .ToList();
        var state = StatePattern().Match(html);
        return new BlazorMarkers(markers, state.Success ? state.Groups[1].Value : null);
    }

    /// <summary>UpdateRootComponents' first batch: add every marker, ssrComponentId from 1, uniqueId from 0.</summary>
    public string AddOperations(int batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            var marker = ServerMarkers[i].DeepClone().AsObject();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }
        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StatePattern();
}
