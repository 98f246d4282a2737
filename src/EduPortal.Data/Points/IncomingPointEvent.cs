namespace EduPortal.Data.Points;

/// <summary>A checked event on its way into the ledger; the source comes from who sent it.</summary>
public sealed record IncomingPointEvent(string TeacherId, string Type, DateTimeOffset OccurredAt, string ExternalId, int? Quantity = null, int? SecondaryQuantity = null);
