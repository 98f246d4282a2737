namespace EduPortal.Web.Tests.PostgreSql;

/// <summary>
/// A test on a real PostgreSQL server. Skipped, with the reason, when <see cref="PostgreSqlPortalFactory.ConnectionVariable"/>
/// is not set (a plain <c>dotnet test</c> on a machine without a server) — unless
/// <see cref="PostgreSqlPortalFactory.RequiredVariable"/> is 1 (<c>scripts/test.sh</c> and CI set it): then the test runs
/// and fails with the reason, so a run meant to cover PostgreSQL never passes without it.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        Skip = SkipReason(Environment.GetEnvironmentVariable(PostgreSqlPortalFactory.ConnectionVariable),
            Environment.GetEnvironmentVariable(PostgreSqlPortalFactory.RequiredVariable));
    }

    /// <summary>Why a PostgreSQL test is skipped, or null when it runs (a server is given, or PostgreSQL is required).</summary>
    public static string? SkipReason(string? server, string? required) =>
        !string.IsNullOrWhiteSpace(server) || required == "1"
            ? null
            : $"PostgreSQL tests skipped: {PostgreSqlPortalFactory.ConnectionVariable} is not set (./scripts/test.sh starts a throwaway server and requires them).";
}
