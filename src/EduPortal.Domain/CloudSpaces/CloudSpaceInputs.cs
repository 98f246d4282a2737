namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// What is known of one teacher's space in a term: the cloud platform's statistics (imported or entered by hand), the
/// profile gaps read from the account, and logins and points from the deep-application ledger. A null figure is
/// missing input (未提供数据), which never counts as met.
/// </summary>
public sealed record CloudSpaceInputs
{
    public int? Articles { get; init; }
    public int? OriginalArticles { get; init; }

    /// <summary>Missing items of the profile (缺头像, 缺联系方式…); empty when complete, null when unknown.</summary>
    public IReadOnlyList<string>? ProfileGaps { get; init; }

    public int? Courseware { get; init; }
    public int? LessonPlans { get; init; }
    public int? Videos { get; init; }
    public int? OtherResources { get; init; }
    public int? OriginalResources { get; init; }
    public int? Photos { get; init; }
    public int? Albums { get; init; }
    public bool? HeaderSet { get; init; }
    public bool? BackgroundSet { get; init; }
    public int? HomepageModules { get; init; }
    public int? Apps { get; init; }

    /// <summary>Average logins a week over the term's elapsed weeks.</summary>
    public decimal? LoginsPerWeek { get; init; }

    public int? Points { get; init; }
}
