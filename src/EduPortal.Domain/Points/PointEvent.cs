using EduPortal.Domain.Common;

namespace EduPortal.Domain.Points;

/// <summary>
/// A raw event of the points ledger, stored as received. Unique on (source, external id), so a platform
/// may send the same event again; a later copy may only raise its numbers (readers grow).
/// </summary>
public sealed class PointEvent
{
    public const int MaxSourceLength = 40;
    public const int MaxExternalIdLength = 100;
    public const int MaxTypeLength = 40;

    private PointEvent()
    {
    }

    public long Id { get; private set; }
    public string TeacherId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>China calendar day of <see cref="OccurredAt"/>, for date-range queries.</summary>
    public DateOnly Day { get; private set; }
    public string Source { get; private set; } = "";
    public string ExternalId { get; private set; } = "";
    public int? Quantity { get; private set; }
    public int? SecondaryQuantity { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public static PointEvent Create(string teacherId, string type, DateTimeOffset occurredAt, string source, string externalId,
        int? quantity, int? secondaryQuantity, DateTimeOffset receivedAt) => new()
        {
            TeacherId = teacherId,
            Type = type,
            // Stored in UTC so every provider orders instants the same way.
            OccurredAt = Stored(occurredAt),
            Day = PointEngine.ChinaDay(occurredAt),
            Source = source,
            ExternalId = externalId,
            Quantity = quantity,
            SecondaryQuantity = secondaryQuantity,
            ReceivedAt = receivedAt,
        };

    public PointEventInput ToInput() => new(Id, Type, OccurredAt, Source, ExternalId, Quantity, SecondaryQuantity);

    /// <summary>Whether another copy names the same teacher, type and time (only its numbers may differ).</summary>
    public bool IsSameEvent(string teacherId, string type, DateTimeOffset occurredAt) =>
        TeacherId == teacherId && Type == type && OccurredAt.UtcTicks == Stored(occurredAt).UtcTicks;

    /// <summary>
    /// The instant as stored: UTC, to the whole millisecond. No provider keeps .NET's 100 ns ticks (SQLite's binary
    /// form keeps 0.1 ms, PostgreSQL 1 µs), so a copy resent with the very same time must compare at what was stored.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset occurredAt)
    {
        var utc = occurredAt.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>
    /// A resent copy with new numbers (a test's readers grew): the numbers may only rise, since readers, marks and
    /// class members accumulate. A lower number (or a number dropped) is refused with the reason and nothing changes;
    /// otherwise the numbers are replaced and the value says whether anything changed.
    /// </summary>
    public Result<bool> UpdateQuantities(int? quantity, int? secondaryQuantity)
    {
        if (Falls(Quantity, quantity) || Falls(SecondaryQuantity, secondaryQuantity))
        {
            return new ConflictError($"外部编号“{ExternalId}”的事件已记录数量 {Describe(Quantity, SecondaryQuantity)}，重发时数量只能增加，不能减少（本次 {Describe(quantity, secondaryQuantity)}）");
        }
        if (Quantity == quantity && SecondaryQuantity == secondaryQuantity)
        {
            return false;
        }
        Quantity = quantity;
        SecondaryQuantity = secondaryQuantity;
        return true;
    }

    private static bool Falls(int? stored, int? resent) => stored is { } before && (resent ?? 0) < before;

    private static string Describe(int? quantity, int? secondary) => secondary is null ? Number(quantity) : $"{Number(quantity)}、{Number(secondary)}";

    private static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空";
}
