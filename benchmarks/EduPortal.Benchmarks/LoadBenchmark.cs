using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace EduPortal.Benchmarks;

/// <summary>
/// `load --url http://127.0.0.1:5080 [--held N] [--active M] [--seconds S]` against a running Release portal with the
/// demo city (scripts/load.sh starts one): one headless chromium holds N circuits as iframes of one page (a teacher's
/// 首页, 我的积分 and 实验展示 in turn), then M pages of the same teacher navigate inside their circuits for S seconds.
/// The server's share is read from its own /diag (as the city admin): heap and working set per held circuit, and the
/// p50/p95 of the server time of inbound circuit activities (navigation and events) while the active users work.
/// </summary>
public static class LoadBenchmark
{
    private static readonly string[] Pages = ["/", "/points/me", "/labs"];

    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var url = Arg("--url", "http://127.0.0.1:5080");
        var held = int.Parse(Arg("--held", "100"), System.Globalization.CultureInfo.InvariantCulture);
        var active = int.Parse(Arg("--active", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var seconds = int.Parse(Arg("--seconds", "60"), System.Globalization.CultureInfo.InvariantCulture);
        // Keeps the held circuits open this long before the active phase (time for a heap snapshot: dotnet-gcdump).
        var hold = int.Parse(Arg("--hold", "0"), System.Globalization.CultureInfo.InvariantCulture);
        // Who holds the circuits: "client" (default), light .NET clients speaking Blazor's hub protocol (HeldCircuit),
        // or "browser", iframes of one chromium page (one renderer on one core cannot keep 200 of them connected
        // beside 50 active pages here).
        var heldBy = Arg("--held-by", "client");
        var verbose = args.Contains("--verbose");
        var viewport = Arg("--viewport", $"{HeldCircuit.WindowWidth}x{HeldCircuit.WindowHeight}").Split('x');
        HeldCircuit.WindowWidth = int.Parse(viewport[0], System.Globalization.CultureInfo.InvariantCulture);
        HeldCircuit.WindowHeight = int.Parse(viewport[1], System.Globalization.CultureInfo.InvariantCulture);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--disable-gpu", "--disable-extensions", "--renderer-process-limit=4", "--js-flags=--max-old-space-size=256"],
        });
        var contextOptions = new BrowserNewContextOptions { BaseURL = url, ReducedMotion = ReducedMotion.Reduce, ServiceWorkers = ServiceWorkerPolicy.Block };
        var admin = await browser.NewContextAsync(contextOptions);
        await SignInAsync(await admin.NewPageAsync(), EduPortal.Data.Seeding.DemoAccounts.CityAdmin);
        async Task<JsonElement> DiagAsync(string query = "")
        {
            var response = await admin.APIRequest.GetAsync("/diag" + query);
            return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
        }
        foreach (var page in admin.Pages.ToList())
        {
            await page.CloseAsync();
        }
        await Task.Delay(2000);

        // --compare N: the like-for-like check of a client-held and a browser-held circuit's weight, no active phase.
        var compare = int.Parse(Arg("--compare", "0"), System.Globalization.CultureInfo.InvariantCulture);
        IPage? host = null;
        if (heldBy == "browser" || compare > 0)
        {
            var teacher = await browser.NewContextAsync(contextOptions);
            host = await teacher.NewPageAsync();
            await SignInAsync(host, EduPortal.Data.Seeding.DemoAccounts.Teacher);
            await host.GotoAsync("/Account/AccessDenied");
        }
        // The active users get their own browser context: chromium pools at most ~255 sockets per context, so 200 held
        // circuits and 50 active ones in one context dropped the held circuits' connections.
        var activeContext = await browser.NewContextAsync(contextOptions);
        var signIn = await activeContext.NewPageAsync();
        await SignInAsync(signIn, EduPortal.Data.Seeding.DemoAccounts.Teacher);
        await signIn.CloseAsync();
        var before = await MemoryPoint.MeasureAsync(DiagAsync);
        var circuitsBefore = before.OpenCircuits;
        var connectedBefore = before.ConnectedCircuits;

        await using var heldClients = new HeldClients(new Uri(url + "/"));
        await heldClients.SignInAsync();
        var inBrowser = 0;
        async Task HoldAsync(string by, int count)
        {
            if (by == "browser")
            {
                inBrowser += await HoldInBrowserAsync(host!, inBrowser, count, DiagAsync);
            }
            else
            {
                await heldClients.OpenAsync(count, DiagAsync);
            }
            await Task.Delay(3000);
        }
        if (compare > 0)
        {
            await CompareAsync(compare, HoldAsync, DiagAsync);
            return;
        }

        var watch = Stopwatch.StartNew();
        // The working set per circuit is the slope between two counts at the same GC state (after an aggressive,
        // compacting collection that returns free memory to the OS): the held circuits are opened in two halves and
        // the memory read after each, so warm-up (JIT, caches, pools) falls in the first half and cancels out.
        MemoryPoint? middle = null;
        if (held >= 20)
        {
            await HoldAsync(heldBy, held / 2);
            middle = await MemoryPoint.MeasureAsync(DiagAsync);
            await HoldAsync(heldBy, held - held / 2);
        }
        else
        {
            await HoldAsync(heldBy, held);
        }
        var opening = watch.Elapsed;
        var top = await MemoryPoint.MeasureAsync(DiagAsync);
        // Memory per circuit in memory (connected or retained after a dropped connection: both keep their pages).
        var heldCount = top.OpenCircuits - circuitsBefore;
        var heldConnected = top.ConnectedCircuits - connectedBefore;
        var heapPer = (top.HeapBytes - before.HeapBytes) / (double)heldCount;
        if (hold > 0)
        {
            Console.WriteLine($"holding {heldCount} circuits for {hold} s: managed heap {heapPer / 1024:F0} KiB per held circuit");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        // Active users: in-page navigation inside each circuit, as fast as the pages answer.
        var users = new List<IPage>();
        for (var i = 0; i < active; i++)
        {
            var page = await activeContext.NewPageAsync();
            await page.GotoAsync(Pages[i % Pages.Length]);
            await page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            users.Add(page);
        }
        var start = await DiagAsync("?reset=1");
        var connectedAtStart = start.GetProperty("connectedCircuits").GetInt32() - connectedBefore - active;
        var cpuStart = start.GetProperty("processCpuMs").GetDouble();
        watch.Restart();
        var navigations = 0;
        var clientTimes = new List<double>();
        await Task.WhenAll(users.Select(async (page, u) =>
        {
            var k = u;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                var target = Pages[++k % Pages.Length];
                var clicked = Stopwatch.StartNew();
                await page.EvaluateAsync("t => Blazor.navigateTo(t)", target);
                await page.WaitForURLAsync(x => new Uri(x).AbsolutePath == target, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
                await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear, .mud-skeleton')", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
                lock (clientTimes)
                {
                    clientTimes.Add(clicked.Elapsed.TotalMilliseconds);
                    navigations++;
                }
            }
        }));
        var wall = watch.Elapsed.TotalMilliseconds;
        var end = await DiagAsync();
        var stillConnected = end.GetProperty("connectedCircuits").GetInt32() - connectedBefore - active;
        var activity = end.GetProperty("inboundActivity");
        var pageLoads = end.GetProperty("pageLoads");
        var cpu = (end.GetProperty("processCpuMs").GetDouble() - cpuStart) / wall / end.GetProperty("processors").GetInt32() * 100;
        clientTimes.Sort();

        static string Ms(JsonElement e, string p) => e.GetProperty(p).ValueKind == JsonValueKind.Number ? $"{e.GetProperty(p).GetDouble():F1} ms" : "—";
        Console.WriteLine($"Load run: {heldCount} held circuits held by the {(heldBy == "browser" ? "browser (iframes)" : ".NET client (HeldCircuit)")} ({heldConnected} connected; opened in {opening.TotalSeconds:F0} s), {active} active users for {seconds} s, {Environment.ProcessorCount} cores");
        if (verbose)
        {
            Console.WriteLine("JS interop calls answered by the held clients: " + string.Join(", ", HeldCircuit.JsCalls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} ×{c.Value}")));
        }
        foreach (var error in HeldCircuit.Errors.Take(5))
        {
            Console.WriteLine($"circuit error reported to a held client: {error}");
        }
        Console.WriteLine();
        Console.WriteLine("| measure | figure | aim |\n|---|---|---|");
        Console.WriteLine($"| managed heap per held circuit (after full GC; 0 → {heldCount} held) | {heapPer / 1024:F0} KiB ({heapPer / 1000:F0} kB) | < 500 KB |");
        if (middle is not null)
        {
            var span = top.OpenCircuits - middle.OpenCircuits;
            Console.WriteLine($"| managed heap per held circuit, slope {middle.OpenCircuits - circuitsBefore} → {heldCount} held (after full GC) | {MemoryPoint.Per(top.HeapBytes - middle.HeapBytes, span)} | < 500 KB |");
            Console.WriteLine($"| **working set (RSS) per held circuit**, slope {middle.OpenCircuits - circuitsBefore} → {heldCount} held (after an aggressive compacting GC) | {MemoryPoint.Per(top.CompactRssBytes - middle.CompactRssBytes, span)} | < 500 KB |");
            Console.WriteLine($"| of which private dirty / anonymous memory, same slope | {MemoryPoint.Per(top.CompactPrivateDirtyBytes - middle.CompactPrivateDirtyBytes, span)} / {MemoryPoint.Per(top.CompactAnonymousBytes - middle.CompactAnonymousBytes, span)} | |");
            Console.WriteLine($"| of which committed by the GC / outside the GC heap (native: sockets' buffers, SkiaSharp, SQLite…), same slope | {MemoryPoint.Per(top.CompactGcCommittedBytes - middle.CompactGcCommittedBytes, span)} / {MemoryPoint.Per(top.CompactRssBytes - top.CompactGcCommittedBytes - (middle.CompactRssBytes - middle.CompactGcCommittedBytes), span)} | |");
            Console.WriteLine($"| working set per held circuit, same slope after a plain full GC (free space kept as the GC decides) | {MemoryPoint.Per(top.WorkingSetBytes - middle.WorkingSetBytes, span)} | |");
            Console.WriteLine($"| working set (RSS) of the portal: 0 / {middle.OpenCircuits - circuitsBefore} / {heldCount} held (aggressive GC) | {before.CompactRssBytes / 1048576.0:F0} / {middle.CompactRssBytes / 1048576.0:F0} / {top.CompactRssBytes / 1048576.0:F0} MiB | |");
        }
        Console.WriteLine($"| server time of inbound circuit activities (navigation, events), p50 / p95 / max | {Ms(activity, "p50Ms")} / {Ms(activity, "p95Ms")} / {Ms(activity, "maxMs")} (n={activity.GetProperty("count").GetInt64()}) | p95 < 100 ms |");
        Console.WriteLine($"| the pages' own loads in the circuits (caller re-read + the page's queries, after the navigation's activity), p50 / p95 / max | {Ms(pageLoads, "p50Ms")} / {Ms(pageLoads, "p95Ms")} / {Ms(pageLoads, "maxMs")} (n={pageLoads.GetProperty("count").GetInt64()}) | p95 < 100 ms |");
        Console.WriteLine($"| in-circuit navigations by the active users | {navigations} ({navigations / (wall / 1000):F1}/s); driver-side p50 {clientTimes.ElementAtOrDefault(clientTimes.Count / 2):F0} ms, p95 {clientTimes.ElementAtOrDefault((int)(clientTimes.Count * 0.95)):F0} ms | |");
        Console.WriteLine($"| held circuits connected at the start / end of the active phase (server's count) | {connectedAtStart} / {stillConnected} of {heldCount} | all |");
        if (heldBy != "browser")
        {
            Console.WriteLine($"| held clients whose connection is up at the end (driver's count) | {heldClients.ConnectedCount} of {heldClients.Count} | all |");
        }
        Console.WriteLine($"| server CPU during the active phase (share of the cores it may use) | {cpu:F0}% of {end.GetProperty("processors").GetInt32()} | |");
    }

    /// <summary>
    /// `--compare N`: is a circuit held by the .NET client as heavy as one held by chromium? After a warm-up of 6 circuits
    /// held by each (every page opened both ways), N circuits are added held by chromium's iframes, then N by the
    /// clients, then N and N again (so neither side always comes second), with the memory read at the same GC state
    /// after each; each row is one step's difference divided by the circuits it added.
    /// </summary>
    private static async Task CompareAsync(int n, Func<string, int, Task> hold, Func<string, Task<JsonElement>> diag)
    {
        await hold("browser", 6);
        await hold("client", 6);
        var last = await MemoryPoint.MeasureAsync(diag);
        var rows = new List<string>();
        var totals = new Dictionary<string, (long Heap, long Rss, long Dirty, long Committed, long Activities, int Circuits, int Connected)>();
        foreach (var by in new[] { "browser", "client", "browser", "client" })
        {
            var watch = Stopwatch.StartNew();
            await hold(by, n);
            var next = await MemoryPoint.MeasureAsync(diag);
            var added = next.OpenCircuits - last.OpenCircuits;
            var connected = next.ConnectedCircuits - last.ConnectedCircuits;
            rows.Add($"| {by} | {added} ({connected} connected, {watch.Elapsed.TotalSeconds:F0} s) | {MemoryPoint.Per(next.HeapBytes - last.HeapBytes, added)} | {MemoryPoint.Per(next.CompactRssBytes - last.CompactRssBytes, added)} | {MemoryPoint.Per(next.CompactPrivateDirtyBytes - last.CompactPrivateDirtyBytes, added)} | {MemoryPoint.Per(next.CompactGcCommittedBytes - last.CompactGcCommittedBytes, added)} | {(next.Activities - last.Activities) / (double)Math.Max(1, added):F1} |");
            var t = totals.GetValueOrDefault(by);
            totals[by] = (t.Heap + next.HeapBytes - last.HeapBytes, t.Rss + next.CompactRssBytes - last.CompactRssBytes, t.Dirty + next.CompactPrivateDirtyBytes - last.CompactPrivateDirtyBytes,
                t.Committed + next.CompactGcCommittedBytes - last.CompactGcCommittedBytes,
                t.Activities + next.Activities - last.Activities, t.Circuits + added, t.Connected + connected);
            last = next;
        }
        Console.WriteLine($"Compare run: circuits held by chromium's iframes and by the .NET clients, {n} at a time after a warm-up of 6 each; {Environment.ProcessorCount} cores (driver)");
        Console.WriteLine();
        Console.WriteLine("| step: held by | circuits added | managed heap per circuit (full GC) | RSS per circuit (aggressive GC) | private dirty per circuit | GC-committed per circuit | inbound circuit activities per circuit |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        foreach (var (by, t) in totals)
        {
            Console.WriteLine($"| **{by}, both steps** | {t.Circuits} ({t.Connected} connected) | {MemoryPoint.Per(t.Heap, t.Circuits)} | {MemoryPoint.Per(t.Rss, t.Circuits)} | {MemoryPoint.Per(t.Dirty, t.Circuits)} | {MemoryPoint.Per(t.Committed, t.Circuits)} | {t.Activities / (double)Math.Max(1, t.Circuits):F1} |");
        }
        Console.WriteLine($"JS interop calls answered by the held clients (all {HeldCircuit.JsCalls.Values.Sum()}): " + string.Join(", ", HeldCircuit.JsCalls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} ×{c.Value}")));
    }

    /// <summary>
    /// The portal's memory at one GC state, from /diag: the managed heap and working set after a full collection, then
    /// the resident memory (smaps_rollup) after an aggressive compacting one that returns the free space to the OS.
    /// </summary>
    private sealed record MemoryPoint(int OpenCircuits, int ConnectedCircuits, long Activities, long HeapBytes, long WorkingSetBytes,
        long CompactRssBytes, long CompactPrivateDirtyBytes, long CompactAnonymousBytes, long CompactGcCommittedBytes)
    {
        public static async Task<MemoryPoint> MeasureAsync(Func<string, Task<JsonElement>> diag)
        {
            var full = await diag("?gc=1");
            var compact = await diag("?gc=compact");
            var memory = compact.GetProperty("memory");
            long Memory(string name) => memory.ValueKind == JsonValueKind.Object ? memory.GetProperty(name).GetInt64() : compact.GetProperty("workingSetBytes").GetInt64();
            return new MemoryPoint(full.GetProperty("openCircuits").GetInt32(), full.GetProperty("connectedCircuits").GetInt32(),
                full.GetProperty("inboundActivity").GetProperty("count").GetInt64(),
                full.GetProperty("managedHeapBytes").GetInt64(), full.GetProperty("workingSetBytes").GetInt64(),
                Memory("rssBytes"), Memory("privateDirtyBytes"), Memory("anonymousBytes"), compact.GetProperty("gcCommittedBytes").GetInt64());
        }

        public static string Per(long bytes, int circuits) =>
            circuits <= 0 ? "—" : $"{bytes / (double)circuits / 1024:F0} KiB ({bytes / (double)circuits / 1000:F0} kB)";
    }

    /// <summary>
    /// Held circuits as iframes of one chromium page, each a full page load that opens its own circuit; returns how many
    /// were added. The pages are counted settled once each iframe's circuit marker is there and no loading bar is left.
    /// </summary>
    private static async Task<int> HoldInBrowserAsync(IPage host, int already, int count, Func<string, Task<JsonElement>> diag)
    {
        var connectedBefore = (await diag("")).GetProperty("connectedCircuits").GetInt32();
        var added = 0;
        for (var i = 0; i < count; i += 10)
        {
            var batch = Math.Min(10, count - i);
            await host.EvaluateAsync("([start, count, pages]) => { for (let k = 0; k < count; k++) { const f = document.createElement('iframe'); f.src = pages[(start + k) % pages.length]; f.width = 200; f.height = 150; document.body.appendChild(f); } }",
                new object[] { already + i, batch, Pages });
            added += batch;
            // Connected, not open: a closed page's circuit stays open (disconnected, retained) for minutes, then goes.
            if (!await WaitForAsync(async () => (await diag("")).GetProperty("connectedCircuits").GetInt32() >= connectedBefore + i + batch, TimeSpan.FromSeconds(90)))
            {
                // The driver's limit, not the server's: one chromium renderer holding the iframes falls behind the
                // circuits' keep-alives and the server drops their connections. Measure what is held.
                Console.WriteLine($"chromium held no more than {(await diag("")).GetProperty("connectedCircuits").GetInt32() - connectedBefore} connected circuits of the {i + batch} opened; going on with those");
                break;
            }
        }
        const string settled = "() => Array.from(document.querySelectorAll('iframe')).filter(f => f.contentDocument?.getElementById('circuit-ready') && !f.contentDocument.querySelector('.mud-progress-linear, .mud-skeleton')).length";
        var total = already + added;
        if (!await WaitForAsync(async () => await host.EvaluateAsync<int>(settled) >= total, TimeSpan.FromSeconds(90)))
        {
            Console.WriteLine($"browser: {await host.EvaluateAsync<int>(settled)} of {total} held pages settled after 90 s; going on");
        }
        return added;
    }

    /// <summary>Held circuits as <see cref="HeldCircuit"/> clients of one signed-in teacher (one cookie, like one browser).</summary>
    private sealed class HeldClients(Uri baseUri) : IAsyncDisposable
    {
        private readonly List<HeldCircuit> circuits = [];
        private readonly CookieContainer cookies = new();
        private HttpClient? http;

        public int Count => circuits.Count;

        public int ConnectedCount => circuits.Count(c => c.Connected);

        public async Task SignInAsync()
        {
            http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
            await SignInAsync(http, EduPortal.Data.Seeding.DemoAccounts.Teacher);
        }

        /// <summary>Opens <paramref name="count"/> more held circuits, the pages in turn, and waits until every one has settled.</summary>
        public async Task OpenAsync(int count, Func<string, Task<JsonElement>> diag)
        {
            var http = this.http ?? throw new InvalidOperationException("sign in first");
            var connectedBefore = (await diag("")).GetProperty("connectedCircuits").GetInt32();
            // A few at a time: each start renders a page on the server, as a browser's page load would.
            for (var i = 0; i < count; i += 10)
            {
                var batch = Math.Min(10, count - i);
                var first = circuits.Count;
                var opened = await Task.WhenAll(Enumerable.Range(first, batch).Select(k => HeldCircuit.OpenAsync(baseUri, Pages[k % Pages.Length], http, cookies)));
                circuits.AddRange(opened);
                if (!await WaitForAsync(async () => (await diag("")).GetProperty("connectedCircuits").GetInt32() >= connectedBefore + i + batch, TimeSpan.FromSeconds(90)))
                {
                    Console.WriteLine($"the server counts {(await diag("")).GetProperty("connectedCircuits").GetInt32() - connectedBefore} connected circuits of the {i + batch} held clients opened; going on with those");
                    break;
                }
            }
            // Measure settled pages: their data loaded and rendered, their JS calls answered; reopen stalled starts.
            for (var round = 0; ; round++)
            {
                await WaitForAsync(() => Task.FromResult(HeldCircuit.Quiet > TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(60));
                var stalled = Enumerable.Range(0, circuits.Count).Where(k => !circuits[k].Settled).ToList();
                if (stalled.Count == 0 || round == 5)
                {
                    Console.WriteLine($"held clients: {circuits.Count - stalled.Count} of {circuits.Count} pages settled (stalled starts reopened in {round} rounds)");
                    break;
                }
                foreach (var k in stalled)
                {
                    await circuits[k].DisposeAsync();
                    circuits[k] = await HeldCircuit.OpenAsync(baseUri, Pages[k % Pages.Length], http, cookies);
                }
            }
        }

        private static async Task SignInAsync(HttpClient http, string login)
        {
            var form = await http.GetStringAsync("Account/Login");
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Login"] = login,
                ["Input.Password"] = EduPortal.Data.Seeding.DemoAccounts.DemoPassword,
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"the held clients' sign-in answered {(int)response.StatusCode}, not a redirect");
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var circuit in circuits)
            {
                await circuit.DisposeAsync();
            }
            http?.Dispose();
        }
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-name", login);
        await page.FillAsync("#login-password", EduPortal.Data.Seeding.DemoAccounts.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(500);
        }
        return true;
    }
}
