using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EduPortal.Data;

/// <summary>Recognises the three providers' errors that callers handle as an outcome rather than a failure.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;            // SQLITE_CONSTRAINT
    private const int SqliteConstraintUnique = 2067;    // SQLITE_CONSTRAINT_UNIQUE
    private const int SqliteConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    /// <summary>
    /// Whether a save failed because a row with the same unique key (unique index or primary key) is already
    /// there: SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, SQL Server's errors 2601 / 2627, PostgreSQL's 23505.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint
            && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException e => e.Number is 2601 or 2627,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
