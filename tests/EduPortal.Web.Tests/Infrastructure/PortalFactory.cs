using System.Net;
using System.Text.RegularExpressions;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>
/// The real portal on a temporary SQLite file: schema from the migrations, the demo city seeded,
/// files in a temporary folder. One instance is shared by the whole integration collection.
/// </summary>
public partial class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eduportal-tests-" + Guid.NewGuid().ToString("N"));

    public PortalFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public string FilesRoot => Path.Combine(_folder, "files");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        ConfigureDatabase(builder, _folder);
        builder.UseSetting("FileStorage:RootPath", FilesRoot);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressStartupFilter>());
    }

    protected virtual void ConfigureDatabase(IWebHostBuilder builder, string folder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "portal.db")}");
    }

    /// <summary>The portal's own clock: the system's, or the moment CI set with <c>Clock__Now</c>.</summary>
    public TimeProvider Clock => Services.GetRequiredService<TimeProvider>();

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Today in China time by the portal's clock: what the demo data was seeded around.</summary>
    public DateOnly Today => ChinaTime.Today(Clock);

    /// <summary>The calendar year the demo city's point activity fills most (see <see cref="PointsDemoSeeder.FullestYear"/>).</summary>
    public int PointsYear => PointsDemoSeeder.FullestYear(Today);

    public async Task<EduPortalDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<EduPortalDbContext>>().CreateDbContextAsync();

    private readonly System.Collections.Concurrent.ConcurrentBag<IServiceScope> _scopes = [];

    /// <summary>A service from a fresh scope, disposed with the factory.</summary>
    public T Service<T>() where T : notnull
    {
        var scope = Services.CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public async Task<Caller> CallerAsync(string userName)
    {
        await using var db = await DbAsync();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await CallerAccessor.LoadAsync(db, id) ?? throw new InvalidOperationException($"{userName} cannot sign in");
    }

    /// <summary>
    /// The serving (<c>ActiveServing</c>) teachers of a school, apart from the demo teacher whom many tests sign in as.
    /// Other tests of the shared portal may have a teacher leave or be disabled, so tests pick a teacher through this
    /// query (ordered as they need) rather than from the seeded accounts by hand.
    /// </summary>
    public static IQueryable<ApplicationUser> ServingTeachers(EduPortalDbContext db, int schoolId) =>
        db.Users.ActiveServing().Where(u => u.OrgUnitId == schoolId && u.Level == AdminLevel.Teacher && u.UserName != DemoAccounts.Teacher);

    /// <summary>A school in a different county from the demo school admin's.</summary>
    public async Task<OrgUnit> OtherCountySchoolAsync()
    {
        await using var db = await DbAsync();
        var own = await OwnSchoolAsync(db);
        var countyPath = OrgUnit.AncestorPaths(own.Path)[1];
        return await db.OrgUnits.Include(o => o.Classes).Where(o => o.Kind == OrgUnitKind.School && !o.Path.StartsWith(countyPath)).OrderBy(o => o.Id).FirstAsync();
    }

    /// <summary>A school in the same county as the demo school admin's, but not that school.</summary>
    public async Task<OrgUnit> NeighbourSchoolAsync()
    {
        await using var db = await DbAsync();
        var own = await OwnSchoolAsync(db);
        var countyPath = OrgUnit.AncestorPaths(own.Path)[1];
        return await db.OrgUnits.Include(o => o.Classes).Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(countyPath) && o.Id != own.Id).OrderBy(o => o.Id).FirstAsync();
    }

    public async Task<OrgUnit> DemoSchoolAsync()
    {
        await using var db = await DbAsync();
        return await OwnSchoolAsync(db);
    }

    private static async Task<OrgUnit> OwnSchoolAsync(EduPortalDbContext db)
    {
        var id = await db.Users.Where(u => u.UserName == DemoAccounts.SchoolAdmin).Select(u => u.OrgUnitId).SingleAsync();
        return await db.OrgUnits.Include(o => o.Classes).SingleAsync(o => o.Id == id);
    }

    /// <summary>A browser of its own: cookies, and a client address no other test browser shares.</summary>
    public HttpClient Browser(string? address = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.Header, address ?? ClientAddressStartupFilter.NewAddress());
        return client;
    }

    /// <summary>Signs in through the real static-SSR login form (antiforgery token included).</summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string login, string password = DemoAccounts.DemoPassword)
    {
        var client = Browser();
        var response = await PostLoginAsync(client, login, password);
        return (client, response);
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryPattern().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    /// <summary>Posts a static-SSR form the way a browser does: the page's antiforgery token and its form name.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AntiforgeryPattern().Match(page).Groups[1].Value,
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    public static bool IsSignedIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is "/" or "" or "http://localhost/"
        && response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("EduPortal.Auth=", StringComparison.Ordinal));

    /// <summary>The response body with HTML entities decoded, as a user would read it.</summary>
    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    protected override void Dispose(bool disposing)
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file on some platforms; the OS temp cleaner gets it.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}
