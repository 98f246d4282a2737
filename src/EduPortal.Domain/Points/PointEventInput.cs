namespace EduPortal.Domain.Points;

/// <summary>A raw event as the engine sees it: what happened, when, and from where.</summary>
public readonly record struct PointEventInput(
    long Id, string Type, DateTimeOffset OccurredAt, string Source, string ExternalId, int? Quantity = null, int? SecondaryQuantity = null);
