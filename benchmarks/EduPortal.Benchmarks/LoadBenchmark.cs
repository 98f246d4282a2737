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

        IPage? host = null;
        if (heldBy == "browser")
        {
            var teacher = await browser.NewContextAsync(contextOptions);
            host = await teacher.NewPageAsync();
            await SignInAsync(host, EduPortal.Data.Seeding.DemoAccounts.Teacher);
        }
        // The active users get their own browser context: chromium pools at most ~255 sockets per context, so 200 held
        // circuits and 50 active ones in one context dropped the held circuits' connections.
        var activeContext = await browser.NewContextAsync(contextOptions);
        var signIn = await activeContext.NewPageAsync();
        await SignInAsync(signIn, EduPortal.Data.Seeding.DemoAccounts.Teacher);
        await signIn.CloseAsync();
        var before = await DiagAsync("?gc=1");
        var circuitsBefore = before.GetProperty("openCircuits").GetInt32();
        var connectedBefore = before.GetProperty("connectedCircuits").GetInt32();

        var watch = Stopwatch.StartNew();
        await using var heldClients = new HeldClients();
        if (heldBy == "browser")
        {
            await HoldInBrowserAsync(host!, held, connectedBefore, DiagAsync);
        }
        else
        {
            await heldClients.OpenAsync(new Uri(url + "/"), held, connectedBefore, DiagAsync);
        }
        var opening = watch.Elapsed;
        await Task.Delay(3000);
        var heldDiag = await DiagAsync("?gc=1");
        // Memory per circuit in memory (connected or retained after a dropped connection: both keep their pages).
        var heldCount = heldDiag.GetProperty("openCircuits").GetInt32() - circuitsBefore;
        var heldConnected = heldDiag.GetProperty("connectedCircuits").GetInt32() - connectedBefore;
        var heapPer = (heldDiag.GetProperty("managedHeapBytes").GetInt64() - before.GetProperty("managedHeapBytes").GetInt64()) / (double)heldCount;
        var rssPer = (heldDiag.GetProperty("workingSetBytes").GetInt64() - before.GetProperty("workingSetBytes").GetInt64()) / (double)heldCount;
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
        Console.WriteLine($"| managed heap per held circuit (after full GC) | {heapPer / 1024:F0} KiB | < 500 KB |");
        Console.WriteLine($"| working set (RSS) per held circuit | {rssPer / 1024:F0} KiB | < 500 KB |");
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

    /// <summary>Held circuits as iframes of one chromium page, each a full page load that opens its own circuit.</summary>
    private static async Task HoldInBrowserAsync(IPage host, int held, int connectedBefore, Func<string, Task<JsonElement>> diag)
    {
        await host.GotoAsync("/Account/AccessDenied");
        for (var i = 0; i < held; i += 10)
        {
            var batch = Math.Min(10, held - i);
            await host.EvaluateAsync("([start, count, pages]) => { for (let k = 0; k < count; k++) { const f = document.createElement('iframe'); f.src = pages[(start + k) % pages.length]; f.width = 200; f.height = 150; document.body.appendChild(f); } }",
                new object[] { i, batch, Pages });
            // Connected, not open: a closed page's circuit stays open (disconnected, retained) for minutes, then goes.
            if (!await WaitForAsync(async () => (await diag("")).GetProperty("connectedCircuits").GetInt32() >= connectedBefore + i + batch, TimeSpan.FromSeconds(90)))
            {
                // The driver's limit, not the server's: one chromium renderer holding the iframes falls behind the
                // circuits' keep-alives and the server drops their connections. Measure what is held.
                Console.WriteLine($"chromium held no more than {(await diag("")).GetProperty("connectedCircuits").GetInt32() - connectedBefore} connected circuits of the {i + batch} opened; going on with those");
                break;
            }
        }
    }

    /// <summary>Held circuits as <see cref="HeldCircuit"/> clients of one signed-in teacher (one cookie, like one browser).</summary>
    private sealed class HeldClients : IAsyncDisposable
    {
        private readonly List<HeldCircuit> circuits = [];
        private HttpClient? http;

        public int Count => circuits.Count;

        public int ConnectedCount => circuits.Count(c => c.Connected);

        public async Task OpenAsync(Uri baseUri, int held, int connectedBefore, Func<string, Task<JsonElement>> diag)
        {
            var cookies = new CookieContainer();
            http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
            await SignInAsync(http, EduPortal.Data.Seeding.DemoAccounts.Teacher);
            // A few at a time: each start renders a page on the server, as a browser's page load would.
            for (var i = 0; i < held; i += 10)
            {
                var batch = Math.Min(10, held - i);
                var opened = await Task.WhenAll(Enumerable.Range(i, batch).Select(k => HeldCircuit.OpenAsync(baseUri, Pages[k % Pages.Length], http, cookies)));
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
