namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// One teacher's cloud-platform statistics of a term: imported from the platform's per-teacher sheet or entered by a
/// school admin per target. A target entered by hand keeps its figures when a later import arrives.
/// </summary>
public sealed class CloudSpaceStatistic
{
    private CloudSpaceStatistic()
    {
    }

    public long Id { get; private set; }
    public int TermId { get; private set; }
    public int SchoolId { get; private set; }
    public string TeacherId { get; private set; } = "";
    public int? Articles { get; private set; }
    public int? OriginalArticles { get; private set; }

    /// <summary>② confirmed by hand on the cloud platform (null: the account decides).</summary>
    public bool? ProfileConfirmed { get; private set; }

    public int? Courseware { get; private set; }
    public int? LessonPlans { get; private set; }
    public int? Videos { get; private set; }
    public int? OtherResources { get; private set; }
    public int? OriginalResources { get; private set; }
    public int? Photos { get; private set; }
    public int? Albums { get; private set; }
    public bool? HeaderSet { get; private set; }
    public bool? BackgroundSet { get; private set; }
    public int? HomepageModules { get; private set; }
    public int? Apps { get; private set; }

    /// <summary>Bit per <see cref="CloudSpaceTarget"/> entered by hand.</summary>
    public int ManualTargets { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CloudSpaceStatistic For(int termId, int schoolId, string teacherId, DateTimeOffset at) =>
        new() { TermId = termId, SchoolId = schoolId, TeacherId = teacherId, UpdatedAt = at };

    public bool IsManual(CloudSpaceTarget target) => (ManualTargets & Bit(target)) != 0;

    /// <summary>The imported row's figures for every target not entered by hand; returns the targets kept as entered.</summary>
    public IReadOnlyList<CloudSpaceTarget> ApplyImport(CloudSpaceInputs row, DateTimeOffset at)
    {
        var kept = new List<CloudSpaceTarget>();
        foreach (var target in new[] { CloudSpaceTarget.Articles, CloudSpaceTarget.Resources, CloudSpaceTarget.Album, CloudSpaceTarget.Homepage, CloudSpaceTarget.Apps })
        {
            if (IsManual(target))
            {
                kept.Add(target);
                continue;
            }
            Set(target, row);
        }
        UpdatedAt = at;
        return kept;
    }

    /// <summary>A school admin's figures for one target (⑦ is the ledger's and is refused by the caller).</summary>
    public void ApplyManual(CloudSpaceTarget target, CloudSpaceInputs values, bool? profileConfirmed, DateTimeOffset at)
    {
        if (target == CloudSpaceTarget.Profile)
        {
            ProfileConfirmed = profileConfirmed;
        }
        else
        {
            Set(target, values);
        }
        ManualTargets |= Bit(target);
        UpdatedAt = at;
    }

    private void Set(CloudSpaceTarget target, CloudSpaceInputs row)
    {
        switch (target)
        {
            case CloudSpaceTarget.Articles:
                (Articles, OriginalArticles) = (row.Articles, row.OriginalArticles);
                break;
            case CloudSpaceTarget.Resources:
                (Courseware, LessonPlans, Videos, OtherResources, OriginalResources) = (row.Courseware, row.LessonPlans, row.Videos, row.OtherResources, row.OriginalResources);
                break;
            case CloudSpaceTarget.Album:
                (Photos, Albums) = (row.Photos, row.Albums);
                break;
            case CloudSpaceTarget.Homepage:
                (HeaderSet, BackgroundSet, HomepageModules) = (row.HeaderSet, row.BackgroundSet, row.HomepageModules);
                break;
            case CloudSpaceTarget.Apps:
                Apps = row.Apps;
                break;
        }
    }

    /// <summary>
    /// The inputs of the seven targets: these figures, the account's profile gaps (unless confirmed by hand) and the
    /// ledger's logins a week and points.
    /// </summary>
    public CloudSpaceInputs ToInputs(IReadOnlyList<string> accountProfileGaps, decimal loginsPerWeek, int points) => Inputs(this, accountProfileGaps, loginsPerWeek, points);

    /// <summary>The inputs of a teacher with or without statistics (<paramref name="statistic"/> null: nothing imported yet).</summary>
    public static CloudSpaceInputs Inputs(CloudSpaceStatistic? statistic, IReadOnlyList<string> accountProfileGaps, decimal loginsPerWeek, int points) => new()
    {
        Articles = statistic?.Articles,
        OriginalArticles = statistic?.OriginalArticles,
        ProfileGaps = statistic?.ProfileConfirmed switch
        {
            true => [],
            false => ["平台资料（管理员核定）"],
            null => accountProfileGaps,
        },
        Courseware = statistic?.Courseware,
        LessonPlans = statistic?.LessonPlans,
        Videos = statistic?.Videos,
        OtherResources = statistic?.OtherResources,
        OriginalResources = statistic?.OriginalResources,
        Photos = statistic?.Photos,
        Albums = statistic?.Albums,
        HeaderSet = statistic?.HeaderSet,
        BackgroundSet = statistic?.BackgroundSet,
        HomepageModules = statistic?.HomepageModules,
        Apps = statistic?.Apps,
        LoginsPerWeek = loginsPerWeek,
        Points = points,
    };

    private static int Bit(CloudSpaceTarget target) => 1 << (int)target;
}
