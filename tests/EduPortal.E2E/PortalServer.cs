using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace EduPortal.E2E;

/// <summary>
/// Starts the portal's real build output as a separate process on a free port (SQLite file and files
/// in a temporary folder, demo city seeded) and a headless Debian chromium driven by Playwright.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    private Process? _process;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eduportal-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly System.Text.StringBuilder _log = new();

    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EduPortal.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("EduPortal.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(RepositoryRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var webOutput = Path.Combine(RepositoryRoot, "src", "EduPortal.Web", "bin", configuration, "net10.0");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", ["EduPortal.Web.dll", "--urls", BaseUrl])
        {
            WorkingDirectory = webOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development serves static web assets straight from the build output (no publish step).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "e2e.db")}";
        start.Environment["FileStorage__RootPath"] = Path.Combine(_folder, "files");
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the portal");
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealthAsync();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient();
        // First start migrates and seeds the demo city (a year of points, terms, avatars): minutes on a loaded 2-core machine.
        var deadline = DateTime.UtcNow.AddSeconds(420);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("The portal exited during start-up:\n" + ServerLog);
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(300);
        }
        throw new TimeoutException("The portal did not become healthy:\n" + ServerLog);
    }

    public string ServerLog
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(ScreenshotFolder, "..", "e2e-server.log"), ServerLog);
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalServerCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "server";
}
