using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

namespace EduPortal.E2E.TwoInstances;

/// <summary>
/// The cluster <c>scripts/two-instances.sh</c> starts: two portal instances on PostgreSQL behind nginx. The script
/// passes its addresses in environment variables; without them (a plain test run) the two-instance tests are skipped.
/// </summary>
public sealed class TwoInstancesCluster : IAsyncLifetime
{
    public const string UrlVariable = "EDUPORTAL_TWO_INSTANCES_URL";
    public const string RouteCookie = "eduportal_route";
    public const string UpstreamHeader = "X-EduPortal-Upstream";

    private readonly Dictionary<int, string> _routes = [];

    /// <summary>nginx, where every user arrives.</summary>
    public string BaseUrl { get; } = Environment.GetEnvironmentVariable(UrlVariable) ?? "";

    /// <summary>Each instance's own address (index 0 and 1), for its health and to tell which one answered.</summary>
    public IReadOnlyList<string> Instances { get; } =
        (Environment.GetEnvironmentVariable("EDUPORTAL_TWO_INSTANCES_INSTANCES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string RunFolder { get; } = Environment.GetEnvironmentVariable("EDUPORTAL_TWO_INSTANCES_RUN") ?? "";
    public string Psql { get; } = Environment.GetEnvironmentVariable("EDUPORTAL_TWO_INSTANCES_PSQL") ?? "";

    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (BaseUrl == "")
        {
            return;
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
    }

    /// <summary>The index (0 or 1) of the instance named by nginx's upstream header (the last one tried).</summary>
    public int InstanceOf(string? upstream)
    {
        var last = (upstream ?? "").Split(',').Last().Trim();
        for (var i = 0; i < Instances.Count; i++)
        {
            if (Instances[i].EndsWith(":" + last.Split(':').Last(), StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    public static string? UpstreamOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(UpstreamHeader, out var values) ? values.First() : null;

    /// <summary>An affinity cookie value that nginx's consistent hash sends to the given instance.</summary>
    public async Task<string> RouteToAsync(int instance)
    {
        if (_routes.TryGetValue(instance, out var known))
        {
            return known;
        }
        using var http = new HttpClient();
        for (var i = 0; i < 500; i++)
        {
            var value = $"route-{i}";
            using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + "/health");
            request.Headers.Add("Cookie", $"{RouteCookie}={value}");
            using var response = await http.SendAsync(request);
            var index = InstanceOf(UpstreamOf(response));
            if (index >= 0)
            {
                _routes.TryAdd(index, value);
            }
            if (_routes.TryGetValue(instance, out var found))
            {
                return found;
            }
        }
        throw new InvalidOperationException($"no affinity value reaches instance {instance}");
    }

    /// <summary>A browser context whose affinity cookie pins it to one instance (as nginx's first answer would).</summary>
    public async Task<IPage> NewPageOnAsync(int instance)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        await PinAsync(context, instance);
        return await context.NewPageAsync();
    }

    public async Task PinAsync(IBrowserContext context, int instance) =>
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = RouteCookie, Value = await RouteToAsync(instance), Url = BaseUrl }]);

    /// <summary>SIGKILL, as a crash or the OOM killer would: no graceful shutdown. Its supervisor restarts it later.</summary>
    public int Kill(int instance)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(RunFolder, $"instance{instance + 1}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(10_000);
        return pid;
    }

    public async Task<bool> IsHealthyAsync(int instance)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await http.GetAsync(Instances[instance] + "/health")).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task WaitHealthyAsync(int instance, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await IsHealthyAsync(instance))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"instance {instance + 1} did not come back");
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>Rows of a query against the cluster's database, through psql (tab-separated, no header).</summary>
    public async Task<string[]> QueryAsync(string sql)
    {
        var start = new ProcessStartInfo("psql", [Psql, "-X", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("psql did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("psql failed: " + error);
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

/// <summary>A fact that runs only inside <c>scripts/two-instances.sh</c>, which starts the cluster.</summary>
public sealed class TwoInstancesFactAttribute : FactAttribute
{
    public TwoInstancesFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TwoInstancesCluster.UrlVariable)))
        {
            Skip = "runs in scripts/two-instances.sh (two instances behind nginx on PostgreSQL)";
        }
    }
}
