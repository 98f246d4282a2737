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

    /// <summary>1 when the run must cover PostgreSQL (scripts/test.sh, CI): its tests then fail instead of skipping without a server.</summary>
    public const string RequiredVariable = "EDUPORTAL_TEST_POSTGRES_REQUIRED";

    private readonly string? _connectionString;

    public PostgreSqlPortalFactory()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionVariable);
        // Without a server the tests are skipped (PostgreSqlFact) and nothing here is used; when required they fail here.
        _connectionString = string.IsNullOrWhiteSpace(server) ? null
            : new NpgsqlConnectionStringBuilder(server) { Database = "eduportal_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;
        if (_connectionString is null && Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            throw new InvalidOperationException(MissingServer);
        }
    }

    public static string MissingServer =>
        $"{ConnectionVariable} is not set but {RequiredVariable}=1: the PostgreSQL tests were meant to run. Run them through ./scripts/test.sh, which starts a throwaway PostgreSQL server.";

    protected override void ConfigureDatabase(IWebHostBuilder builder, string folder)
    {
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("Database:ConnectionString", _connectionString ?? throw new InvalidOperationException(MissingServer));
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlPortalFactory>
{
    public const string Name = "postgresql";
}
