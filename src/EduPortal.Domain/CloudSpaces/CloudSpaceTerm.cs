using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// A school's term assessment of its teachers' cloud spaces (教师教育云空间学期考核, circular 001 §四(二)2): the term's dates,
/// the seven targets' thresholds (prefilled from the circular, editable) and the award's places per tier.
/// </summary>
public sealed class CloudSpaceTerm
{
    private CloudSpaceTerm()
    {
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public CloudSpaceThresholds Thresholds { get; private set; } = new();
    public int FirstPlaces { get; private set; } = 6;
    public int SecondPlaces { get; private set; } = 15;
    public int ThirdPlaces { get; private set; } = 24;
    public string OpenedById { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the school's award was last assessed (null: not yet).</summary>
    public DateTimeOffset? AwardedAt { get; private set; }

    public UseTerm Period => new(Start, End);
    public string Name => Period.Name;
    public CloudSpaceAwardCounts AwardCounts => new(FirstPlaces, SecondPlaces, ThirdPlaces);

    public static CloudSpaceTerm Open(int schoolId, string schoolPath, UseTerm period, string openedById, DateTimeOffset at) => new()
    {
        SchoolId = schoolId,
        SchoolPath = schoolPath,
        Start = period.Start,
        End = period.End,
        Thresholds = CloudSpaceThresholds.Circular001(),
        OpenedById = openedById,
        OpenedAt = at,
    };

    public bool HasEnded(DateOnly today) => today > End;

    /// <summary>Weeks of the term through <paramref name="today"/> (a started week counts), at least one: the divisor of logins a week.</summary>
    public int WeeksThrough(DateOnly today)
    {
        var last = today > End ? End : today;
        return last < Start ? 1 : (last.DayNumber - Start.DayNumber) / 7 + 1;
    }

    public Result Configure(CloudSpaceThresholds thresholds, CloudSpaceAwardCounts counts)
    {
        if (thresholds.Validate() is { } invalid)
        {
            return invalid;
        }
        if (counts.Validate() is { } badCounts)
        {
            return badCounts;
        }
        Thresholds = thresholds.Copy();
        FirstPlaces = counts.First;
        SecondPlaces = counts.Second;
        ThirdPlaces = counts.Third;
        return Result.Success;
    }

    /// <summary>The award is assessed at term end (circular 001 §四(二)2: 学期结束，对教师空间进行统计评比).</summary>
    public Result CanAssessAward(DateOnly today) =>
        HasEnded(today) ? Result.Success : new ConflictError($"学期结束（{ChinaTime.FormatDate(End)}）后才能评定学校优秀教师空间。");

    public void MarkAwarded(DateTimeOffset at) => AwardedAt = at;
}
