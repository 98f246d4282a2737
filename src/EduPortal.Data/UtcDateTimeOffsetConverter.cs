using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EduPortal.Data;

/// <summary>
/// Writes every <see cref="DateTimeOffset"/> as the same instant in UTC. PostgreSQL's <c>timestamptz</c> holds an
/// instant without its offset and Npgsql refuses a value whose offset is not zero (a China time of +08:00), so on that
/// provider every property and query parameter passes through here: feature code may hand over a China time and the
/// instant is stored unchanged. Read back, the value is what the provider returns (UTC).
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
