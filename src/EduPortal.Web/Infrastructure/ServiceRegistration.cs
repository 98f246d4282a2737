using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Web.Components;
using EduPortal.Web.Components.Account;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Audit;
using EduPortal.Web.Features.Home;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
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

        services.AddSingleton(TimeProvider.System);
        // Chinese pages: emit CJK text as is instead of &#x...; entities (a third of the bytes, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Snackbars at the bottom: on a phone the top corner hides the app bar and the page title.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);

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
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<EduPortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<EduPortalClaimsFactory>()
            .AddPasswordValidator<NotIdentifierPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.AddScoped<IUserConfirmation<ApplicationUser>, AccountStatusConfirmation>();

        // Several instances share the key ring through the database, so cookies and antiforgery tokens work on any of them.
        services.AddDataProtection().SetApplicationName("EduPortal").PersistKeysToDbContext<EduPortalDbContext>();

        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
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
        services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FileStorageOptions>>().Value;
            var root = Path.IsPathRooted(options.RootPath) ? options.RootPath : Path.Combine(builder.Environment.ContentRootPath, options.RootPath);
            return new LocalFileStore(root, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IFileStore>(provider => provider.GetRequiredService<LocalFileStore>());
        services.AddSingleton<UploadPipeline>();
        services.AddScoped<FileDownloader>();

        services.AddScoped<CallerAccessor>();
        services.AddScoped<HomeService>();
        services.AddScoped<OrgService>();
        services.AddScoped<AccountAdminService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<RosterImportService>();
        services.AddScoped<ContactAdminService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<AuditLogService>();
        services.AddLabRecords(configuration);
        services.AddScoped<SurveyService>();
        services.AddPointsModule(configuration);
        // Last, so it wraps whichever clock is registered: the date picker's "today" is China's today.
        services.UseChinaLocalTime();
        return builder;
    }

    public static WebApplication UseEduPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization("zh-CN");
        app.UseAntiforgery();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapFileEndpoints();
        app.MapRosterEndpoints();
        app.MapLabRecordEndpoints();
        app.UsePointsModule();
        app.MapHealthChecks("/health").AllowAnonymous();
        Infrastructure.JobsDashboard.HangfireDashboardCulture.Register();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
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
        app.ScheduleLabRecordJobs();
        app.SchedulePointJobs();
    }

    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation(
                "EduPortal is running at {Urls}. Demo logins (password {Password}): city admin {City}, county admin {County}, school admin {School}, teacher {Teacher}.",
                urls, DemoAccounts.DemoPassword, DemoAccounts.CityAdmin, DemoAccounts.CountyAdmin, DemoAccounts.SchoolAdmin, DemoAccounts.Teacher);
        });
    }
}
