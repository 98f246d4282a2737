namespace EduPortal.Domain.Points;

/// <summary>
/// The rule table in force for one points year: the rows, the year's start date (the calendar year by
/// default) and the rate at which points convert to continuing-education hours (circular 002 §五(五):
/// 可将教师…资源应用积分转化认定为教师继续教育学时; the rate is the district's to set).
/// </summary>
public sealed record PointRuleSet
{
    public required int Year { get; init; }
    /// <summary>First day of the points year in China time; the year runs 12 months from it.</summary>
    public required DateOnly StartDate { get; init; }
    /// <summary>Points that make one hour (学时) of continuing education.</summary>
    public required int PointsPerHour { get; init; }
    public required IReadOnlyList<PointRule> Rules { get; init; }

    public DateOnly EndDateExclusive => StartDate.AddYears(1);

    public bool Contains(DateOnly day) => day >= StartDate && day < EndDateExclusive;

    public PointRule? Find(string type) => Rules.FirstOrDefault(r => r.Type == type);

    /// <summary>Continuing-education hours for a total, to one decimal, rounded down so a teacher is never over-credited.</summary>
    public decimal Hours(int points) => PointsPerHour <= 0 ? 0 : Math.Floor(points * 10m / PointsPerHour) / 10m;

    public Common.ValidationError? Validate()
    {
        var builder = new Common.ValidationBuilder()
            .Check(PointsPerHour is > 0 and <= 10_000, nameof(PointsPerHour), "折算比例应为 1–10000 分/学时")
            .Check(StartDate.Year == Year, nameof(StartDate), "起始日期应在该年度内")
            .Check(Rules.Select(r => r.Type).Distinct().Count() == Rules.Count, nameof(Rules), "计分项目重复");
        foreach (var rule in Rules)
        {
            if (rule.Validate() is { } error)
            {
                foreach (var (field, message) in error.Fields)
                {
                    builder.Check(false, $"{rule.Type}.{field}", $"{rule.Name}：{message}");
                }
            }
        }
        return builder.Build();
    }
}
