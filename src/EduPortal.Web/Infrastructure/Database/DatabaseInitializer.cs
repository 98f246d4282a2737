using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Features.Surveys;
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
    /// <summary>
    /// Applies migrations (from the configured provider's assembly), then calls each module's seed verb: the shipped
    /// reference data always, demo data into an empty database outside Production.
    /// </summary>
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
        // The demo accounts share a password printed in the README: Production never seeds them, whatever
        // Seed:Demo says (appsettings.json turns it on for laptops). A public demo server runs as Staging.
        if (seed.Demo && app.Environment.IsProduction())
        {
            app.Logger.LogWarning("Seed:Demo is ignored in Production: the demo accounts' password is public.");
        }
        var context = new SeedContext(db, scope.ServiceProvider, seed.Demo && !app.Environment.IsProduction(), seed.Size);
        await context.SeedOrganizationAsync();
        await context.SeedLabRecordsAsync();
        await context.SeedSurveysAsync();
        await context.SeedPointsAsync();
        await context.SeedSmartboardsAsync();
        await context.SeedCloudSpacesAsync();
        // Last: the plans' demo snapshots read every other module's figures.
        await context.SeedPlansAsync();
        if (context.CitySeeded)
        {
            app.Logger.LogInformation("Seeded the demo city ({Size}).", seed.Size);
        }
    }
}
