namespace EduPortal.Web.Tests.PostgreSql;

/// <summary>When the PostgreSQL tests run, skip, or fail (no server needed: the rule itself).</summary>
public sealed class PostgreSqlSkipTests
{
    [Fact]
    public void Without_a_server_the_postgresql_tests_are_skipped_with_the_reason()
    {
        var reason = PostgreSqlFactAttribute.SkipReason(null, null);

        Assert.NotNull(reason);
        Assert.Contains("EDUPORTAL_TEST_POSTGRES is not set", reason, StringComparison.Ordinal);
        Assert.NotNull(PostgreSqlFactAttribute.SkipReason(" ", "0"));
    }

    [Fact]
    public void When_postgresql_is_required_or_a_server_is_given_the_tests_run()
    {
        // Required without a server: the tests run, and the fixture fails them with PostgreSqlPortalFactory.MissingServer.
        Assert.Null(PostgreSqlFactAttribute.SkipReason(null, "1"));
        Assert.Null(PostgreSqlFactAttribute.SkipReason("Host=127.0.0.1;Port=5432;Username=postgres", null));
        Assert.Contains("EDUPORTAL_TEST_POSTGRES_REQUIRED=1", PostgreSqlPortalFactory.MissingServer, StringComparison.Ordinal);
    }
}
