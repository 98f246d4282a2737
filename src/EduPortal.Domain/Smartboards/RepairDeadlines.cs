using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// Working days each tier has before a ticket escalates. Circular 003 sets the tiers but no numbers; the defaults
/// (school 2, township 3, bureau 5 working days) are the portal's, and each county edits its own.
/// </summary>
public sealed record RepairDeadlines(int SchoolDays, int TownshipDays, int BureauDays)
{
    public const int MaxDays = 30;

    public static RepairDeadlines Default { get; } = new(2, 3, 5);

    public int For(RepairTier tier) => tier switch
    {
        RepairTier.School => SchoolDays,
        RepairTier.Township => TownshipDays,
        RepairTier.Bureau => BureauDays,
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };

    public ValidationError? Validate()
    {
        var message = $"须为 1 至 {MaxDays} 个工作日";
        return new ValidationBuilder()
            .Check(SchoolDays is >= 1 and <= MaxDays, nameof(SchoolDays), message)
            .Check(TownshipDays is >= 1 and <= MaxDays, nameof(TownshipDays), message)
            .Check(BureauDays is >= 1 and <= MaxDays, nameof(BureauDays), message)
            .Build();
    }
}

/// <summary>A county's own tier deadlines (absent: <see cref="RepairDeadlines.Default"/>).</summary>
public sealed class RepairDeadlineSetting
{
    private RepairDeadlineSetting()
    {
    }

    public int Id { get; private set; }
    public int CountyId { get; private set; }
    public int SchoolDays { get; private set; }
    public int TownshipDays { get; private set; }
    public int BureauDays { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedByName { get; private set; }

    public RepairDeadlines Deadlines => new(SchoolDays, TownshipDays, BureauDays);

    public static Result<RepairDeadlineSetting> Create(int countyId, RepairDeadlines deadlines, string editorName, DateTimeOffset now)
    {
        var setting = new RepairDeadlineSetting { CountyId = countyId };
        var result = setting.Update(deadlines, editorName, now);
        return result.Succeeded ? setting : result.Error!;
    }

    public Result Update(RepairDeadlines deadlines, string editorName, DateTimeOffset now)
    {
        var problems = deadlines.Validate();
        if (problems is not null)
        {
            return problems;
        }
        SchoolDays = deadlines.SchoolDays;
        TownshipDays = deadlines.TownshipDays;
        BureauDays = deadlines.BureauDays;
        UpdatedAt = now;
        UpdatedByName = editorName;
        return Result.Success;
    }
}
