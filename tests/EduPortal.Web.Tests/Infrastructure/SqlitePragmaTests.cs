using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>The embedded database's settings that keep the demo start-up and daily writes cheap (SqlitePragmas).</summary>
[Collection(PortalCollection.Name)]
public sealed class SqlitePragmaTests(PortalFactory portal)
{
    [Fact]
    public async Task The_embedded_database_logs_ahead_and_commits_without_a_full_disk_sync()
    {
        await using var db = await portal.DbAsync();
        await db.Database.OpenConnectionAsync();
        async Task<string> PragmaAsync(string name)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        Assert.Equal("1", await PragmaAsync("synchronous")); // NORMAL (FULL, SQLite's default, is 2)
    }
}
