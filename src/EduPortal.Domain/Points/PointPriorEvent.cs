namespace EduPortal.Domain.Points;

/// <summary>
/// An event of the days just before a points year, with what it earned in its own year: the year's first
/// week and its login streaks run on from these (circular 001 附件2: weekly caps and "期间间断则重新开始计算").
/// </summary>
public readonly record struct PointPriorEvent(string Type, DateOnly Day, int Points);
