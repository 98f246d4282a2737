namespace EduPortal.Data.Points;

public sealed record PointRowOutcome(PointRowStatus Status, string? Error = null, long? EventId = null);
