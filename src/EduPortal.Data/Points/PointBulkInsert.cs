using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
        var mappedTable = await MappedTable.OpenAsync<PointEvent>(db, properties, cancellationToken);
        var (tableName, mapped, _, mappings, sql, _) = mappedTable;
        var columns = string.Join(", ", mappedTable.Columns.Select(sql.DelimitIdentifier));
        var parameters = string.Join(", ", properties.Select((_, i) => $"@p{i}"));
        var source = $"@p{Array.IndexOf(properties, nameof(PointEvent.Source))}";
        var externalId = $"@p{Array.IndexOf(properties, nameof(PointEvent.ExternalId))}";
        var text = db.Database.IsSqlServer()
            ? $"INSERT INTO {tableName} ({columns}) OUTPUT INSERTED.{mappedTable.Column(nameof(PointEvent.Id))} SELECT {parameters} WHERE NOT EXISTS "
                + $"(SELECT 1 FROM {tableName} WITH (UPDLOCK, HOLDLOCK) WHERE {mappedTable.Column(nameof(PointEvent.Source))} = {source} AND {mappedTable.Column(nameof(PointEvent.ExternalId))} = {externalId})"
            : $"INSERT INTO {tableName} ({columns}) VALUES ({parameters}) ON CONFLICT ({mappedTable.Column(nameof(PointEvent.Source))}, {mappedTable.Column(nameof(PointEvent.ExternalId))}) "
                + $"DO NOTHING RETURNING {mappedTable.Column(nameof(PointEvent.Id))}";
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

    /// <summary>
    /// Rows of a derived table (awards, totals, weeks, day and month roll-ups) with the named properties, which the
    /// recompute takes from the EF model (<see cref="DerivedTable{TRow}"/>): every mapped column.
    /// </summary>
    public static Task MappedRowsAsync<TEntity>(EduPortalDbContext db, DbTransaction? transaction, string[] properties, IReadOnlyList<TEntity> rows,
        CancellationToken cancellationToken) =>
        EntitiesAsync(db, transaction, rows, properties, cancellationToken);

    /// <summary>
    /// Deletes rows by their key (<paramref name="key"/> names the properties, <paramref name="keys"/> holds each row's
    /// model values in that order), with one prepared statement per row on SQLite and 100 rows a statement (their keys
    /// OR-ed) on server databases, as <see cref="RowsAsync{TEntity, TRow}"/> inserts. Table, columns and each value's
    /// parameter (column type, value converter) come from the EF model.
    /// </summary>
    public static async Task DeleteKeysAsync<TEntity>(EduPortalDbContext db, DbTransaction? transaction, string[] key, IReadOnlyList<object?[]> keys,
        CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : 100;
        var (table, _, columns, mappings, sql, connection) = await MappedTable.OpenAsync<TEntity>(db, key, cancellationToken);
        DbCommand? full = null;
        try
        {
            for (var offset = 0; offset < keys.Count; offset += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, keys.Count - offset);
                // Full statements are prepared once and reused with new values; the last, shorter one is built alone.
                var reuse = count == rowsPerStatement && full is not null;
                var command = reuse ? full! : connection.CreateCommand();
                command.Transaction = transaction;
                var text = reuse ? null : new StringBuilder("DELETE FROM ").Append(table).Append(" WHERE ");
                for (var r = 0; r < count; r++)
                {
                    text?.Append(r == 0 ? "(" : " OR (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var name = $"@p{r * columns.Length + c}";
                        var value = keys[offset + r][c];
                        if (reuse)
                        {
                            // The model's own type mapping converted the first values; the same conversion for the next.
                            command.Parameters[r * columns.Length + c].Value = ProviderValue(mappings[c].Converter, value);
                            continue;
                        }
                        text!.Append(c == 0 ? "" : " AND ").Append(sql.DelimitIdentifier(columns[c])).Append(" = ").Append(name);
                        // The model's own type mapping: the provider's column type and value converter (dates as the column stores them).
                        command.Parameters.Add(mappings[c].CreateParameter(command, name, value, nullable: false));
                    }
                    text?.Append(')');
                }
                if (!reuse)
                {
                    command.CommandText = text!.ToString();
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (count == rowsPerStatement && full is null)
                {
                    full = command;
                }
                else if (command != full)
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

    /// <summary>
    /// Updates rows in place by their key: sets the <paramref name="values"/> properties of the row whose
    /// <paramref name="key"/> properties match, one prepared statement reused for every row (SQLite's way, where a
    /// statement costs no round trip). Table, columns, parameters and converters come from the EF model.
    /// </summary>
    public static async Task UpdateByKeyAsync<TEntity>(EduPortalDbContext db, DbTransaction? transaction, string[] key, string[] values, IReadOnlyList<TEntity> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        string[] properties = [.. values, .. key];
        var (table, mapped, columns, mappings, sql, connection) = await MappedTable.OpenAsync<TEntity>(db, properties, cancellationToken);
        var getters = Getters<TEntity>.For(properties);
        string Column(int c) => sql.DelimitIdentifier(columns[c]);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = new StringBuilder("UPDATE ").Append(table).Append(" SET ")
            .AppendJoin(", ", Enumerable.Range(0, values.Length).Select(c => $"{Column(c)} = @p{c}"))
            .Append(" WHERE ").AppendJoin(" AND ", Enumerable.Range(values.Length, key.Length).Select(c => $"{Column(c)} = @p{c}")).ToString();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < properties.Length; c++)
            {
                var value = getters[c](rows[r]);
                if (r == 0)
                {
                    // The model's own type mapping: the provider's column type and value converter.
                    command.Parameters.Add(mappings[c].CreateParameter(command, $"@p{c}", value, mapped[c].IsNullable));
                    continue;
                }
                command.Parameters[c].Value = ProviderValue(mappings[c].Converter, value);
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

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
        var (table, _, columns, mappings, sql, connection) = await MappedTable.OpenAsync<TEntity>(db, properties, cancellationToken);
        DbCommand? full = null;
        var values = new object?[columns.Length];
        try
        {
            for (var offset = 0; offset < rows.Count; offset += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - offset);
                var command = count == rowsPerStatement
                    ? full ??= Build(connection, transaction, sql, table, columns, rowsPerStatement)
                    : Build(connection, transaction, sql, table, columns, count);
                for (var r = 0; r < count; r++)
                {
                    fill(rows[offset + r], values);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[r * columns.Length + c].Value = ProviderValue(mappings[c].Converter, values[c]);
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

    /// <summary>
    /// What every statement here starts from: the table (delimited, with its schema), the named properties as the EF
    /// model maps them (column names and type mappings: the provider's column type and value converter) and the context's
    /// connection, opened.
    /// </summary>
    private sealed record MappedTable(string Table, IProperty[] Properties, string[] Columns, RelationalTypeMapping[] Mappings, ISqlGenerationHelper Sql,
        DbConnection Connection)
    {
        public static async Task<MappedTable> OpenAsync<TEntity>(EduPortalDbContext db, string[] properties, CancellationToken cancellationToken)
        {
            var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var mapped = properties.Select(name => entity.FindProperty(name) ?? throw new InvalidOperationException($"{name} is not mapped")).ToArray();
            var sql = db.GetService<ISqlGenerationHelper>();
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
            }
            return new MappedTable(sql.DelimitIdentifier(table.Name, table.Schema), mapped, [.. mapped.Select(p => p.GetColumnName(table)!)],
                [.. mapped.Select(p => (RelationalTypeMapping)p.GetTypeMapping())], sql, connection)
            { Entity = entity, Store = table };
        }

        private IEntityType Entity { get; init; } = null!;
        private StoreObjectIdentifier Store { get; init; }

        /// <summary>Any mapped property's column, delimited (also one not among <see cref="Properties"/>, such as the key).</summary>
        public string Column(string property) => Sql.DelimitIdentifier(Entity.FindProperty(property)!.GetColumnName(Store)!);
    }

    /// <summary>A model value as a reused parameter takes it: through the property's value converter, null as DBNull.</summary>
    private static object ProviderValue(ValueConverter? converter, object? value) =>
        (value is not null && converter is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    private static DbCommand Build(DbConnection connection, DbTransaction? transaction, ISqlGenerationHelper sql, string table, string[] columns, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder("INSERT INTO ").Append(table).Append(" (")
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
