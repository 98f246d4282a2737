using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Infrastructure.Database;

/// <summary>The <c>Seed</c> configuration section.</summary>
public sealed class SeedOptions
{
    /// <summary>Seed the fictional demo city into an empty database (the embedded default).</summary>
    public bool Demo { get; set; } = true;
    public SeedSize Size { get; set; } = SeedSize.Standard;
}

public static class DatabaseInitializer
{
    /// <summary>Applies migrations (from the configured provider's assembly) and seeds demo data into an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var seed = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EduPortalDbContext>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        if (database.MigrateOnStartup)
        {
            await db.Database.MigrateAsync();
        }
        // The shipped experiment catalogue, once the city exists.
        await LabCatalogueService.EnsureDefaultAsync(db);
        // The demo accounts share a password printed in the README: Production never seeds them, whatever
        // Seed:Demo says (appsettings.json turns it on for laptops). A public demo server runs as Staging.
        if (seed.Demo && app.Environment.IsProduction())
        {
            app.Logger.LogWarning("Seed:Demo is ignored in Production: the demo accounts' password is public.");
        }
        else if (seed.Demo)
        {
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            // One hash shared by every demo account (hashing 1,500 passwords one by one would take a minute),
            // computed only when the database is empty.
            var seeded = await new DemoDataSeeder(db, clock).SeedAsync(seed.Size,
                () => hasher.HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword));
            if (seeded)
            {
                await new LabDemoSeeder(db, scope.ServiceProvider.GetRequiredService<LocalFileStore>(), clock).SeedAsync();
                await new SurveyDemoSeeder(db, clock).SeedAsync();
                app.Logger.LogInformation("Seeded the demo city ({Size}).", seed.Size);
            }
            await scope.ServiceProvider.SeedPointsAsync();
            await scope.ServiceProvider.SeedPlansAsync();
        }
    }
}
