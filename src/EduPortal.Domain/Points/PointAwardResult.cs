namespace EduPortal.Domain.Points;

/// <summary>What one event earned, with the reason whenever it earned nothing or less than the row's points.</summary>
public readonly record struct PointAwardResult(long EventId, DateOnly Day, string Type, PointCategory? Category, int Points, string? Reason);
