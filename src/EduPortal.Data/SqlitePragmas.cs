using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EduPortal.Data;

/// <summary>
/// The embedded SQLite database's connection settings: <c>synchronous=NORMAL</c> on every connection, for a database the
/// initializer has put in WAL mode (<see cref="WalMode"/>, kept in the file). A commit then appends to the write-ahead log
/// without waiting for the disk twice, so the thousands of small transactions of the demo seed and of daily use cost far
/// less; the database stays consistent after a crash, and only the last commits before a power cut may be lost (the
/// laptop default; production runs SQL Server or PostgreSQL). WAL also lets pages read while a job writes.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    /// <summary>Switches the database file to write-ahead logging (persistent; run once at start before other connections).</summary>
    public const string WalMode = "PRAGMA journal_mode=WAL;";

    private const string PerConnection = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
