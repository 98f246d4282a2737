using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace EduPortal.Web.Tests.PostgreSql;

/// <summary>
/// The portal on a real PostgreSQL server, in a database of its own that the migrations create.
/// <c>scripts/test.sh</c> starts a throwaway cluster and sets <see cref="ConnectionVariable"/>.
/// </summary>
public sealed class PostgreSqlPortalFactory : PortalFactory
{
    public const string ConnectionVariable = "EDUPORTAL_TEST_POSTGRES";
    private readonly string _connectionString;

    public PostgreSqlPortalFactory()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set: run the tests through ./scripts/test.sh, which starts a throwaway PostgreSQL server.");
        }
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = "eduportal_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder, string folder)
    {
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("Database:ConnectionString", _connectionString);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlPortalFactory>
{
    public const string Name = "postgresql";
}
