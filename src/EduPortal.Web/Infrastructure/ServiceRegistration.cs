using System.Threading.RateLimiting;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Web.Components;
using EduPortal.Web.Components.Account;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Auditing;
using EduPortal.Web.Features.Bulletins;
using EduPortal.Web.Features.Circulars;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Features.Exports;
using EduPortal.Web.Features.Feedback;
using EduPortal.Web.Features.Guides;
using EduPortal.Web.Features.Home;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.News;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Diagnostics;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Html;
using EduPortal.Web.Infrastructure.Http;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace EduPortal.Web;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddEduPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.Configure<FileStorageOptions>(configuration.GetSection("FileStorage"));
        services.Configure<Infrastructure.Auth.SessionOptions>(configuration.GetSection("Session"));
        services.Configure<SeedOptions>(configuration.GetSection("Seed"));
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var session = configuration.GetSection("Session").Get<Infrastructure.Auth.SessionOptions>() ?? new Infrastructure.Auth.SessionOptions();

        // The system clock, or (outside Production) the moment Clock:Now names; registered before Identity so
        // cookies, lockout and every feature read the same clock.
        var clock = PortalClock.For(configuration, builder.Environment, out var clockIgnored);
        services.AddSingleton(clock);
        if (clockIgnored is not null)
        {
            Console.Error.WriteLine(clockIgnored);
        }
        // Chinese pages: emit CJK text as is instead of &#x...; entities (a third of the bytes, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Snackbars at the top: at the bottom they covered a form's buttons on a phone (issue 9 §3); MainLayout
        // clears error messages when the user moves on, so they never follow to the next page.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.TopCenter);

        // One DbContext per operation for interactive components; the scoped context serves Identity's stores.
        services.AddDbContextFactory<EduPortalDbContext>(options =>
            options.UseEduPortalDatabase(database.Provider, database.ConnectionString), ServiceLifetime.Scoped);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Cookie.Name = "EduPortal.Auth";
            // Every request's cookie must carry the account's current security stamp (one key lookup): sign-out,
            // a password change or reset, and an admin's change of the account end copies of older cookies at once.
            // Identity's validator then refreshes the claims every RevalidationInterval as before.
            options.Events.OnValidatePrincipal = SessionStampCheck.ValidatePrincipalAsync;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = session.RevalidationInterval);
        services.AddAuthorization(options => options.AddEduPortalPolicies());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true; // enforced by AccountStatusConfirmation
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
                // Length over composition: a 10-character passphrase beats "Aa1!" rules.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // The account-wide lockout is only the backstop against guessing spread over many addresses: the
                // sign-in throttle stops guessing from one address after 5 tries per account (SignInThrottle), so a
                // stranger cannot lock a teacher out of their own network with five wrong passwords.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 20;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<EduPortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<EduPortalClaimsFactory>()
            .AddPasswordValidator<NotIdentifierPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.AddScoped<IUserConfirmation<ApplicationUser>, AccountStatusConfirmation>();

        // Sign-in throttling: wrong passwords per client address and per (account, address); counters in the
        // distributed cache (in memory by default; a shared cache makes them span instances).
        services.Configure<SignInThrottleOptions>(configuration.GetSection("SignIn"));
        var signIn = configuration.GetSection("SignIn").Get<SignInThrottleOptions>() ?? new SignInThrottleOptions();
        services.AddDistributedMemoryCache();
        services.AddSingleton<CachedWindowCounter>();
        services.AddSingleton<SignInThrottle>();
        // Client addresses: X-Forwarded-For is believed only from the proxies listed here (default: loopback,
        // i.e. nginx on the same host), so a visitor cannot forge an address to escape the throttle.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["ReverseProxy:KnownProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in form posts per client address, before any password is hashed (PBKDF2 costs ~40 ms a try).
            limiter.AddPolicy(SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(SignInThrottle.AddressOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, signIn.PostsPerAddressPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("get"));
            // A body of its own, or the status-code pages would re-execute the POST as a page (and answer 400):
            // JSON for the API, a short Chinese page for people.
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await response.WriteAsJsonAsync(new { error = "请求过于频繁，请一分钟后再试" }, cancellationToken);
                    return;
                }
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>请稍后再试</title>"
                    + "<p>登录尝试过于频繁，请一分钟后再试。</p><p><a href=\"/Account/Login\">返回登录</a></p></html>", cancellationToken);
            };
        });

        // Several instances share the key ring through the database, so cookies and antiforgery tokens work on any of them.
        services.AddDataProtection().SetApplicationName("EduPortal").PersistKeysToDbContext<EduPortalDbContext>();

        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            HangfireLogging.Attach(config, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<IHostApplicationLifetime>());
            // Hangfire shares the portal's database in production; the embedded SQLite default keeps jobs in memory.
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(database.ConnectionString);
            }
            else if (database.Provider == DatabaseProvider.PostgreSql)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString));
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            // Hangfire:ServerName names the instance on the dashboard's Servers page (default: the machine's name).
            if (!string.IsNullOrWhiteSpace(configuration["Hangfire:ServerName"]))
            {
                o.ServerName = configuration["Hangfire:ServerName"];
            }
        });

        services.AddSingleton<DatabaseReadiness>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FileStorageOptions>>().Value;
            var root = Path.IsPathRooted(options.RootPath) ? options.RootPath : Path.Combine(builder.Environment.ContentRootPath, options.RootPath);
            return new LocalFileStore(root, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IFileStore>(provider => provider.GetRequiredService<LocalFileStore>());
        services.AddSingleton<UploadPipeline>();
        services.AddSingleton<MarkdownHtml>();
        services.AddScoped<FileDownloader>();

        services.AddScoped<CallerAccessor>();
        services.AddCircuitDiagnostics();
        // The modules, each through its module file's Add verb.
        services.AddHome(configuration);
        services.AddOrganization(configuration);
        services.AddAccounts(configuration);
        services.AddAuditing(configuration);
        services.AddLabRecords(configuration);
        services.AddSurveys(configuration);
        services.AddPoints(configuration);
        services.AddSmartboards(configuration);
        services.AddCloudSpaces(configuration);
        services.AddPlans(configuration);
        services.AddNews(configuration);
        services.AddGuides(configuration);
        services.AddFeedback(configuration);
        services.AddCirculars(configuration);
        services.AddExports(configuration);
        services.AddBulletins(configuration);
        // Last, so it wraps whichever clock is registered: the date picker's "today" is China's today.
        services.UseChinaLocalTime();
        return builder;
    }

    /// <summary>The rate-limit policy of the sign-in form (per client address).</summary>
    public const string SignInRateLimit = "sign-in";

    public static WebApplication UseEduPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization("zh-CN");
        // Antiforgery after authentication: the Identity pages' form posts carry a token bound to the signed-in
        // user, which can only be validated once the user is known (in the other order every POST of a
        // signed-in user answered 400, so no one could change a password).
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseTemporaryPasswordGate();
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapFileEndpoints();
        app.MapAccountsEndpoints();
        app.MapLabRecordsEndpoints();
        app.MapPointsEndpoints();
        app.MapSmartboardsEndpoints();
        app.MapCloudSpacesEndpoints();
        app.MapPlansEndpoints();
        app.MapNewsEndpoints();
        app.MapGuidesEndpoints();
        app.MapFeedbackEndpoints();
        app.MapCircularsEndpoints();
        app.MapExportsEndpoints();
        app.MapBulletinsEndpoints();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapDiagnosticsEndpoints();
        Infrastructure.JobsDashboard.HangfireDashboardCulture.Register();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // No synchronous filters (the default one allows local requests only); the async one re-reads the account.
            Authorization = [],
            AsyncAuthorization = [new HangfireDashboardAuthorization()],
            DashboardTitle = "EduPortal 后台任务",
            AppPath = "/",
        });
        return app;
    }

    /// <summary>
    /// Registers the modules' recurring jobs. Runs after the database is initialised: Hangfire's SQL Server and
    /// PostgreSQL storages live in the portal's database and need it to exist.
    /// </summary>
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        app.ScheduleAccountsJobs();
        app.ScheduleLabRecordsJobs();
        app.SchedulePointsJobs();
        app.ScheduleSmartboardsJobs();
        app.ScheduleCloudSpacesJobs();
        app.SchedulePlansJobs();
        app.ScheduleNewsJobs();
        app.ScheduleGuidesJobs();
        app.ScheduleFeedbackJobs();
        app.ScheduleCircularsJobs();
        app.ScheduleExportsJobs();
        app.ScheduleBulletinsJobs();
    }

    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            var clock = app.Services.GetRequiredService<TimeProvider>();
            if ((clock.GetUtcNow() - TimeProvider.System.GetUtcNow()).Duration() > TimeSpan.FromMinutes(1))
            {
                app.Logger.LogWarning("The portal's clock is set by {Key}: it is now {Now} (China time).", PortalClock.NowKey,
                    Domain.Common.ChinaTime.Format(clock.GetUtcNow()));
            }
            app.Logger.LogInformation(
                "EduPortal is running at {Urls}. Demo logins (password {Password}): city admin {City}, county admin {County}, school admin {School}, teacher {Teacher}, expert reviewer {Expert}.",
                urls, DemoAccounts.DemoPassword, DemoAccounts.CityAdmin, DemoAccounts.CountyAdmin, DemoAccounts.SchoolAdmin, DemoAccounts.Teacher,
                Features.CloudSpaces.Awards.AwardDemoAccounts.Expert);
        });
    }
}
