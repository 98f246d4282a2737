using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=App_Data/eduportal.db";
    /// <summary>Apply pending migrations at start-up (on by default; switch off when a release pipeline migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "EduPortal.Data.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "EduPortal.Data.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "EduPortal.Data.Migrations.PostgreSql";

    /// <summary>Points EF Core at the configured provider, with that provider's own migrations assembly.</summary>
    public static DbContextOptionsBuilder UseEduPortalDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        UseProvider(options, provider, connectionString).AddInterceptors(LabRecords.LabTallyInterceptor.Instance);

    private static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, x => x.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, x =>
            {
                x.MigrationsAssembly(SqlServerMigrationsAssembly);
                x.EnableRetryOnFailure();
            }),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, x =>
            {
                x.MigrationsAssembly(PostgreSqlMigrationsAssembly);
                x.EnableRetryOnFailure();
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider"),
        };
}
