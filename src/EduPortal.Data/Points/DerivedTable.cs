using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Data.Points;

/// <summary>
/// One derived points table as the EF model maps it (every mapped column, the primary key first), for the recompute's
/// narrow comparison and its fingerprints: stored rows are read back as plain column values and compared column by
/// column with the fresh rows through compiled readers, with no entity materialised and no string built a row. Nothing
/// here names a column, so a column added to a derived table is read, compared, fingerprinted and inserted with the rest.
/// </summary>
internal sealed class DerivedTable<TRow> where TRow : class
{
    private static readonly ConcurrentDictionary<IModel, DerivedTable<TRow>> ForModel = new();

    private DerivedTable(IModel model, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.ToArray();
        if (key.Length > 3 || key[0].Name != nameof(PointAward.TeacherId) || key[1].Name != nameof(PointAward.Year))
        {
            throw new InvalidOperationException($"{typeof(TRow).Name}: a derived table is keyed (teacher, year[, one more])");
        }
        var values = entity.GetProperties().Where(p => !key.Contains(p) && p.GetColumnName(table) is not null).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        Key = [.. key.Select(p => p.Name)];
        Columns = [.. Key, .. values.Select(p => p.Name)];
        var columnNames = key.Concat(values).Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToArray();
        TableName = sql.DelimitIdentifier(table.Name, table.Schema);
        SelectList = string.Join(", ", columnNames);
        TeacherColumn = columnNames[0];
        YearColumn = columnNames[1];
        TeacherMapping = (RelationalTypeMapping)key[0].GetTypeMapping();
        YearMapping = (RelationalTypeMapping)key[1].GetTypeMapping();

        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var row = Expression.Parameter(typeof(TRow), "row");
        KeyReaders = key.Select((p, i) => Expression.Lambda<Func<DbDataReader, object?>>(
            Expression.Convert(Read(reader, i, p), typeof(object)), reader).Compile()).ToArray();
        KeyGetters = key.Select(p => Expression.Lambda<Func<TRow, object?>>(
            Expression.Convert(Expression.Property(row, p.PropertyInfo!), typeof(object)), row).Compile()).ToArray();
        // Every value column equal, each compared as its own type (EqualityComparer<T>.Default: ordinal for strings).
        Expression same = Expression.Constant(true);
        for (var i = 0; i < values.Length; i++)
        {
            var p = values[i];
            var comparer = typeof(EqualityComparer<>).MakeGenericType(p.ClrType);
            var equal = Expression.Call(Expression.Property(null, comparer.GetProperty(nameof(EqualityComparer<int>.Default))!),
                comparer.GetMethod(nameof(EqualityComparer<int>.Equals), [p.ClrType, p.ClrType])!,
                Read(reader, key.Length + i, p), Expression.Property(row, p.PropertyInfo!));
            same = i == 0 ? equal : Expression.AndAlso(same, equal);
        }
        SameValues = Expression.Lambda<Func<DbDataReader, TRow, bool>>(same, reader, row).Compile();
        // The fingerprint covers every mapped column but the fingerprint itself, in the order above.
        var writer = Expression.Parameter(typeof(FingerprintWriter), "writer");
        var adds = key.Concat(values).Where(p => p.Name != nameof(PointTeacherTotal.Fingerprint)).Select(p =>
        {
            var add = typeof(FingerprintWriter).GetMethod(nameof(FingerprintWriter.Add), [p.ClrType])
                ?? typeof(FingerprintWriter).GetMethod(nameof(FingerprintWriter.Add), [typeof(object)])!;
            Expression value = Expression.Property(row, p.PropertyInfo!);
            var parameter = add.GetParameters()[0].ParameterType;
            return Expression.Call(writer, add, value.Type == parameter ? value : Expression.Convert(value, parameter));
        }).ToList();
        Hash = Expression.Lambda<Action<TRow, FingerprintWriter>>(adds.Count == 0 ? Expression.Empty() : Expression.Block(adds), row, writer).Compile();
        Shape = $"{TableName}({string.Join(",", key.Concat(values).Select(p => $"{p.Name}:{p.ClrType.Name}"))})";
    }

    public static DerivedTable<TRow> For(EduPortalDbContext db) =>
        ForModel.GetOrAdd(db.Model, model => new DerivedTable<TRow>(model, db.GetService<ISqlGenerationHelper>()));

    /// <summary>The primary key's properties (teacher, year[, one more]), then every other mapped property.</summary>
    public string[] Key { get; }

    public string[] Columns { get; }

    /// <summary>The table and its columns' names and types, for the fingerprint (a column added changes every fingerprint).</summary>
    public string Shape { get; }

    public Action<TRow, FingerprintWriter> Hash { get; }

    private string TableName { get; }
    private string SelectList { get; }
    private string TeacherColumn { get; }
    private string YearColumn { get; }
    private RelationalTypeMapping TeacherMapping { get; }
    private RelationalTypeMapping YearMapping { get; }
    private Func<DbDataReader, object?>[] KeyReaders { get; }
    private Func<TRow, object?>[] KeyGetters { get; }
    private Func<DbDataReader, TRow, bool> SameValues { get; }

    /// <summary>
    /// Replaces the stored rows of one year of <paramref name="teachers"/> by <paramref name="fresh"/> (theirs), writing only
    /// the difference: a stored row whose every column equals its fresh row stays, one that differs is updated (SQLite) or
    /// deleted and inserted again, one that is gone is deleted, one that is new inserted. <paramref name="yearInQuery"/>
    /// false reads the teachers' rows of every year and keeps the year here (SQLite would read a roll-up's (year, start,
    /// …) covering index otherwise).
    /// </summary>
    public async Task ReplaceChangedAsync(EduPortalDbContext db, DbTransaction transaction, IReadOnlyList<string> teachers, int year, bool yearInQuery,
        IReadOnlyList<TRow> fresh, CancellationToken cancellationToken)
    {
        if (teachers.Count == 0)
        {
            return;
        }
        var index = new Dictionary<RowKey, int>(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            index.Add(KeyOf(fresh[i]), i);
        }
        var same = new bool[fresh.Count];
        var gone = new List<object?[]>();
        // SQLite updates a row whose values changed in place (one statement, and only the indexes holding a changed
        // column touched); server databases delete and insert it again, 100 rows a statement (an UPDATE is one a row).
        var inPlace = db.Database.IsSqlite();
        var updated = new List<TRow>();
        await using (var command = transaction.Connection!.CreateCommand())
        {
            command.Transaction = transaction;
            var text = new StringBuilder("SELECT ").Append(SelectList).Append(" FROM ").Append(TableName).Append(" WHERE ").Append(TeacherColumn).Append(" IN (");
            for (var t = 0; t < teachers.Count; t++)
            {
                text.Append(t == 0 ? "" : ", ").Append("@t").Append(t);
                command.Parameters.Add(TeacherMapping.CreateParameter(command, $"@t{t}", teachers[t], nullable: false));
            }
            text.Append(')');
            if (yearInQuery)
            {
                text.Append(" AND ").Append(YearColumn).Append(" = @year");
                command.Parameters.Add(YearMapping.CreateParameter(command, "@year", year, nullable: false));
            }
            command.CommandText = text.ToString();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var storedYear = KeyReaders[1](reader);
                if (!yearInQuery && !Equals(storedYear, year))
                {
                    continue;
                }
                var key = new RowKey(KeyReaders[0](reader), storedYear, KeyReaders.Length > 2 ? KeyReaders[2](reader) : null);
                if (index.TryGetValue(key, out var i))
                {
                    if (SameValues(reader, fresh[i]))
                    {
                        same[i] = true;
                        continue;
                    }
                    if (inPlace)
                    {
                        same[i] = true;
                        updated.Add(fresh[i]);
                        continue;
                    }
                }
                gone.Add(KeyReaders.Length > 2 ? new[] { key.Teacher, key.Year, key.Rest } : new[] { key.Teacher, key.Year });
            }
        }
        await PointBulkInsert.DeleteKeysAsync<TRow>(db, transaction, Key, gone, cancellationToken);
        await PointBulkInsert.UpdateByKeyAsync(db, transaction, Key, Columns[Key.Length..], updated, cancellationToken);
        var changed = new List<TRow>(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            if (!same[i])
            {
                changed.Add(fresh[i]);
            }
        }
        await PointBulkInsert.MappedRowsAsync(db, transaction, Columns, changed, cancellationToken);
    }

    private RowKey KeyOf(TRow row) => new(KeyGetters[0](row), KeyGetters[1](row), KeyGetters.Length > 2 ? KeyGetters[2](row) : null);

    /// <summary>A row's key as the model's values (boxed: compared with <see cref="object.Equals(object?)"/>).</summary>
    private readonly record struct RowKey(object? Teacher, object? Year, object? Rest);

    /// <summary>
    /// The column at <paramref name="ordinal"/> as the property's model value, read as EF reads it: the type mapping's
    /// data reader method, its customisation, then the value converter from the provider's type.
    /// </summary>
    private static Expression Read(ParameterExpression reader, int ordinal, IProperty property)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var converter = mapping.Converter;
        var modelType = property.ClrType;
        var providerType = converter?.ProviderClrType ?? mapping.ClrType;
        var providerNonNull = Nullable.GetUnderlyingType(providerType) ?? providerType;
        var method = mapping.GetDataReaderMethod();
        Expression value = Expression.Call(method.DeclaringType == typeof(DbDataReader) || method.DeclaringType!.IsAssignableFrom(typeof(DbDataReader))
            ? reader : Expression.Convert(reader, method.DeclaringType!), method, Expression.Constant(ordinal));
        value = mapping.CustomizeDataReaderExpression(value);
        if (value.Type != providerNonNull)
        {
            value = Expression.Convert(value, providerNonNull);
        }
        if (converter is not null)
        {
            value = Expression.Invoke(converter.ConvertFromProviderExpression, Expression.Convert(value, converter.ProviderClrType));
        }
        if (value.Type != modelType)
        {
            value = Expression.Convert(value, modelType);
        }
        if (!property.IsNullable)
        {
            return value;
        }
        var isNull = Expression.Call(reader, typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!, Expression.Constant(ordinal));
        return Expression.Condition(isNull, Expression.Default(modelType), value);
    }
}

/// <summary>
/// The fingerprint of a teacher-year's derived rows (SHA-256 of every mapped column of every row, cut to 128 bits, as hex):
/// stored on its total row (<see cref="PointTeacherTotal.Fingerprint"/>), so a recompute that derives the same fingerprint
/// knows the stored rows are exactly the fresh ones without reading them back.
/// </summary>
internal sealed class FingerprintWriter
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _length;

    public void Add(int value) => Put(value);

    public void Add(long value) => Put(value);

    public void Add(bool value) => Put(value ? (byte)1 : (byte)0);

    public void Add(DateOnly value) => Put(value.DayNumber);

    public void Add(DateTimeOffset value)
    {
        Put(value.UtcTicks);
        Put(value.Offset.Ticks);
    }

    public void Add(string? value)
    {
        if (value is null)
        {
            Put(-1);
            return;
        }
        Put(value.Length);
        var bytes = MemoryMarshal.AsBytes(value.AsSpan());
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Any other type: its type and invariant text (null apart).</summary>
    public void Add(object? value)
    {
        Add(value?.GetType().FullName);
        Add(value is IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString());
    }

    /// <summary>The hash of everything added since the last call; starts again empty.</summary>
    public string Finish()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.AsSpan(0, _length), hash);
        _length = 0;
        return Convert.ToHexString(hash[..16]);
    }

    private void Put<T>(T value) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        Ensure(size);
        MemoryMarshal.Write(_buffer.AsSpan(_length), in value);
        _length += size;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
