using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Data.Points;

/// <summary>
/// The one bulk insert of the points tables, shared by the recompute, the demo seeder and the benchmark: raw
/// events, awards, teacher totals and weeks, each written with <see cref="RowsAsync{TEntity, TRow}"/>.
/// </summary>
public static class PointBulkInsert
{
    /// <summary>Raw events as they are (their ids come from the database).</summary>
    public static Task EventsAsync(EduPortalDbContext db, DbTransaction? transaction, IReadOnlyList<PointEvent> events, CancellationToken cancellationToken) =>
        EntitiesAsync(db, transaction, events,
            [nameof(PointEvent.TeacherId), nameof(PointEvent.Type), nameof(PointEvent.OccurredAt), nameof(PointEvent.Day), nameof(PointEvent.Source),
                nameof(PointEvent.ExternalId), nameof(PointEvent.Quantity), nameof(PointEvent.SecondaryQuantity), nameof(PointEvent.ReceivedAt)],
            cancellationToken);

    /// <summary>
    /// Inserts raw events one by one, each only if its (source, external id) is not stored yet, and returns each
    /// one's new id, or null where another request recorded that pair first. The database decides, so concurrent
    /// requests never hit the unique index (no exception, no error logged): SQLite and PostgreSQL with
    /// <c>ON CONFLICT ("Source", "ExternalId") DO NOTHING RETURNING "Id"</c>, SQL Server with
    /// <c>INSERT … OUTPUT … WHERE NOT EXISTS</c> under an update range lock (<c>UPDLOCK, HOLDLOCK</c>) so a concurrent
    /// insert of the same pair waits for this one and then finds it.
    /// </summary>
    public static async Task<long?[]> EventsIfAbsentAsync(EduPortalDbContext db, DbTransaction transaction, IReadOnlyList<PointEvent> events,
        CancellationToken cancellationToken)
    {
        string[] properties = [nameof(PointEvent.TeacherId), nameof(PointEvent.Type), nameof(PointEvent.OccurredAt), nameof(PointEvent.Day), nameof(PointEvent.Source),
            nameof(PointEvent.ExternalId), nameof(PointEvent.Quantity), nameof(PointEvent.SecondaryQuantity), nameof(PointEvent.ReceivedAt)];
        var ids = new long?[events.Count];
        if (events.Count == 0)
        {
            return ids;
        }
        var entity = db.Model.FindEntityType(typeof(PointEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var mapped = properties.Select(name => entity.FindProperty(name)!).ToArray();
        var mappings = mapped.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string name) => sql.DelimitIdentifier(entity.FindProperty(name)!.GetColumnName(table)!);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var columns = string.Join(", ", mapped.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var parameters = string.Join(", ", properties.Select((_, i) => $"@p{i}"));
        var source = $"@p{Array.IndexOf(properties, nameof(PointEvent.Source))}";
        var externalId = $"@p{Array.IndexOf(properties, nameof(PointEvent.ExternalId))}";
        var text = db.Database.IsSqlServer()
            ? $"INSERT INTO {tableName} ({columns}) OUTPUT INSERTED.{Column(nameof(PointEvent.Id))} SELECT {parameters} WHERE NOT EXISTS "
                + $"(SELECT 1 FROM {tableName} WITH (UPDLOCK, HOLDLOCK) WHERE {Column(nameof(PointEvent.Source))} = {source} AND {Column(nameof(PointEvent.ExternalId))} = {externalId})"
            : $"INSERT INTO {tableName} ({columns}) VALUES ({parameters}) ON CONFLICT ({Column(nameof(PointEvent.Source))}, {Column(nameof(PointEvent.ExternalId))}) "
                + $"DO NOTHING RETURNING {Column(nameof(PointEvent.Id))}";
        var getters = Getters<PointEvent>.For(properties);
        var connection = transaction.Connection!;
        for (var i = 0; i < events.Count; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            for (var c = 0; c < properties.Length; c++)
            {
                // The model's own type mapping: the provider's column type (varchar vs nvarchar) and value converter.
                command.Parameters.Add(mappings[c].CreateParameter(command, $"@p{c}", getters[c](events[i]), mapped[c].IsNullable));
            }
            var id = await command.ExecuteScalarAsync(cancellationToken);
            ids[i] = id is null or DBNull ? null : Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
        }
        return ids;
    }

    /// <summary>What the engine awarded each teacher's events.</summary>
    public static Task AwardsAsync(EduPortalDbContext db, DbTransaction? transaction, IReadOnlyList<PointAward> awards, CancellationToken cancellationToken) =>
        EntitiesAsync(db, transaction, awards,
            [nameof(PointAward.EventId), nameof(PointAward.TeacherId), nameof(PointAward.Year), nameof(PointAward.Day), nameof(PointAward.Points), nameof(PointAward.Reason)],
            cancellationToken);

    /// <summary>The keys of the derived tables, for <see cref="DeleteByKeyAsync{TEntity}"/>.</summary>
    public static readonly string[] AwardKey = [nameof(PointAward.TeacherId), nameof(PointAward.Year), nameof(PointAward.EventId)];

    public static readonly string[] TotalKey = [nameof(PointTeacherTotal.TeacherId), nameof(PointTeacherTotal.Year)];

    public static readonly string[] WeekKey = [nameof(PointTeacherWeek.TeacherId), nameof(PointTeacherWeek.Year), nameof(PointTeacherWeek.WeekStart)];

    public static string[] PeriodKey<TPeriod>() where TPeriod : PointTeacherPeriod =>
        [nameof(PointTeacherPeriod.TeacherId), nameof(PointTeacherPeriod.Year), typeof(TPeriod) == typeof(PointTeacherDay) ? nameof(PointTeacherDay.Day) : nameof(PointTeacherMonth.Month)];

    /// <summary>
    /// Deletes rows by their key (the named properties), with one prepared statement per row on SQLite and 100 rows a
    /// statement (their keys OR-ed) on server databases, as <see cref="RowsAsync{TEntity, TRow}"/> inserts.
    /// </summary>
    public static async Task DeleteByKeyAsync<TEntity>(EduPortalDbContext db, DbTransaction? transaction, string[] key, IReadOnlyList<TEntity> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : 100;
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var mapped = key.Select(name => entity.FindProperty(name) ?? throw new InvalidOperationException($"{name} is not mapped")).ToArray();
        var columns = mapped.Select(p => p.GetColumnName(table)!).ToArray();
        var mappings = mapped.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray();
        var getters = Getters<TEntity>.For(key);
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        for (var offset = 0; offset < rows.Count; offset += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - offset);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder("DELETE FROM ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" WHERE ");
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : " OR (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{r * columns.Length + c}";
                    text.Append(c == 0 ? "" : " AND ").Append(sql.DelimitIdentifier(columns[c])).Append(" = ").Append(name);
                    // The model's own type mapping: the provider's column type and value converter (dates as the column stores them).
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, getters[c](rows[offset + r]), nullable: false));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static Task TotalsAsync(EduPortalDbContext db, DbTransaction? transaction, IReadOnlyList<PointTeacherTotal> totals, CancellationToken cancellationToken) =>
        EntitiesAsync(db, transaction, totals,
            [nameof(PointTeacherTotal.TeacherId), nameof(PointTeacherTotal.Year), nameof(PointTeacherTotal.Total), nameof(PointTeacherTotal.SpaceBuilding),
                nameof(PointTeacherTotal.TeachingApplication), nameof(PointTeacherTotal.Interaction), nameof(PointTeacherTotal.TeacherTraining),
                nameof(PointTeacherTotal.CampusManagement), nameof(PointTeacherTotal.EventCount)],
            cancellationToken);

    public static Task WeeksAsync(EduPortalDbContext db, DbTransaction? transaction, IReadOnlyList<PointTeacherWeek> weeks, CancellationToken cancellationToken) =>
        EntitiesAsync(db, transaction, weeks,
            [nameof(PointTeacherWeek.TeacherId), nameof(PointTeacherWeek.Year), nameof(PointTeacherWeek.WeekStart), nameof(PointTeacherWeek.Points)],
            cancellationToken);

    private static readonly string[] PeriodColumns = [nameof(PointTeacherPeriod.TeacherId), nameof(PointTeacherPeriod.Year), nameof(PointTeacherPeriod.Points),
        nameof(PointTeacherPeriod.SpaceBuilding), nameof(PointTeacherPeriod.TeachingApplication), nameof(PointTeacherPeriod.Interaction),
        nameof(PointTeacherPeriod.TeacherTraining), nameof(PointTeacherPeriod.CampusManagement), nameof(PointTeacherPeriod.SignInDays)];

    /// <summary>The day rows' year-to-date sums (<see cref="PointTeacherDay"/>).</summary>
    private static readonly string[] DayPrefixColumns = [nameof(PointTeacherDay.CumPoints), nameof(PointTeacherDay.CumSpaceBuilding),
        nameof(PointTeacherDay.CumTeachingApplication), nameof(PointTeacherDay.CumInteraction), nameof(PointTeacherDay.CumTeacherTraining),
        nameof(PointTeacherDay.CumCampusManagement), nameof(PointTeacherDay.CumSignInDays)];

    /// <summary>Roll-up rows of one shape (<see cref="PointTeacherPeriod"/>): the shared columns and the period's start column (and a day's running sums).</summary>
    public static Task PeriodsAsync<TPeriod>(EduPortalDbContext db, DbTransaction? transaction, IReadOnlyList<TPeriod> rows, CancellationToken cancellationToken)
        where TPeriod : PointTeacherPeriod =>
        EntitiesAsync(db, transaction, rows, typeof(TPeriod) == typeof(PointTeacherDay)
                ? [.. PeriodColumns, nameof(PointTeacherDay.Day), .. DayPrefixColumns]
                : [.. PeriodColumns, nameof(PointTeacherMonth.Month)],
            cancellationToken);

    /// <summary>Entities as they are: the named properties read through compiled getters (no reflection per row, compiled once).</summary>
    private static Task EntitiesAsync<TEntity>(EduPortalDbContext db, DbTransaction? transaction, IReadOnlyList<TEntity> rows, string[] properties,
        CancellationToken cancellationToken)
    {
        var getters = Getters<TEntity>.For(properties);
        return RowsAsync<TEntity, TEntity>(db, transaction, properties, rows, (row, values) =>
        {
            for (var c = 0; c < getters.Length; c++)
            {
                values[c] = getters[c](row);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Multi-row INSERTs with one prepared command per full batch: provider-neutral (table and column names and
    /// value converters come from the EF model, values travel as parameters) and an order of magnitude faster
    /// than change tracking for hundreds of thousands of rows. The typed methods above use it.
    /// </summary>
    public static async Task RowsAsync<TEntity, TRow>(EduPortalDbContext db, DbTransaction? transaction, string[] properties,
        IReadOnlyList<TRow> rows, Action<TRow, object?[]> fill, CancellationToken cancellationToken)
    {
        // SQLite binds parameters by name with a linear search, so a wide multi-row statement costs O(n²) per
        // execute; one prepared single-row statement is fastest there. Server databases pay a round trip per
        // statement, so they get 100 rows each (under SQL Server's 2,100-parameter limit).
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : 100;
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var mapped = properties.Select(name => entity.FindProperty(name) ?? throw new InvalidOperationException($"{name} is not mapped")).ToArray();
        var columns = mapped.Select(p => p.GetColumnName(table)!).ToArray();
        var converters = mapped.Select(p => p.GetTypeMapping().Converter).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        DbCommand? full = null;
        var values = new object?[columns.Length];
        try
        {
            for (var offset = 0; offset < rows.Count; offset += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - offset);
                var command = count == rowsPerStatement
                    ? full ??= Build(connection, transaction, sql, table.Name, columns, rowsPerStatement)
                    : Build(connection, transaction, sql, table.Name, columns, count);
                for (var r = 0; r < count; r++)
                {
                    fill(rows[offset + r], values);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var value = values[c];
                        if (value is not null && converters[c] is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }
                        command.Parameters[r * columns.Length + c].Value = value ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static DbCommand Build(DbConnection connection, DbTransaction? transaction, ISqlGenerationHelper sql, string table, string[] columns, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table)).Append(" (")
            .AppendJoin(", ", columns.Select(sql.DelimitIdentifier)).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{r * columns.Length + c}";
                text.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    private static class Getters<TEntity>
    {
        private static readonly ConcurrentDictionary<string, Func<TEntity, object?>[]> Compiled = new(StringComparer.Ordinal);

        public static Func<TEntity, object?>[] For(string[] properties) => Compiled.GetOrAdd(string.Join(',', properties), _ =>
        {
            var entity = Expression.Parameter(typeof(TEntity), "entity");
            return properties.Select(name =>
                Expression.Lambda<Func<TEntity, object?>>(Expression.Convert(Expression.Property(entity, name), typeof(object)), entity).Compile()).ToArray();
        });
    }
}
