using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// A district's award round of the cloud-space exchange (circular 001 §四(三) 交流与展示): a county bureau opens it,
/// schools nominate teachers' spaces and their school space during 报名, experts score them during 专家评选, the
/// deep-application awards are computed from the index, and the results are published for 表彰.
/// </summary>
public sealed class AwardRound
{
    public const int MaxTitleLength = 60;

    private AwardRound()
    {
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public int CountyId { get; private set; }
    public string CountyPath { get; private set; } = "";
    public string CountyName { get; private set; } = "";

    public DateOnly NominationStart { get; private set; }
    public DateOnly NominationEnd { get; private set; }
    public DateOnly ReviewStart { get; private set; }
    public DateOnly ReviewEnd { get; private set; }
    public DateOnly CommendationStart { get; private set; }
    public DateOnly CommendationEnd { get; private set; }
    public DateOnly DeepFrom { get; private set; }
    public DateOnly DeepTo { get; private set; }

    public int CommentBelow { get; private set; }
    public int TrimFromExperts { get; private set; }
    public int FirstPrizes { get; private set; }
    public int SecondPrizes { get; private set; }
    public int ThirdPrizes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset? DeepComputedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedByName { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public AwardSchedule Schedule => new(NominationStart, NominationEnd, ReviewStart, ReviewEnd, CommendationStart, CommendationEnd, DeepFrom, DeepTo);
    public AwardSettings Settings => new(CommentBelow, TrimFromExperts, new AwardTierCounts(FirstPrizes, SecondPrizes, ThirdPrizes));

    public AwardPhase PhaseOn(DateOnly today) => Schedule.PhaseOn(today);

    /// <summary>The county's own admin runs the round.</summary>
    public bool IsRunBy(Caller caller) => caller.Level == AdminLevel.County && caller.OrgPath == CountyPath;

    /// <summary>Everyone of the county (and the city above it) may see the round and, once published, its results.</summary>
    public bool Reaches(Caller caller) => OrgUnit.PathContains(CountyPath, caller.OrgPath) || OrgUnit.PathContains(caller.OrgPath, CountyPath);

    /// <summary>A county admin opens a round for their county with the circular's dates in <paramref name="year"/>.</summary>
    public static Result<AwardRound> Create(Caller caller, int year, DateTimeOffset now)
    {
        if (caller.Level != AdminLevel.County || caller.OrgKind != OrgUnitKind.County)
        {
            return new ForbiddenError("只有县级管理员可以发起区级评比。");
        }
        if (year is < 2000 or > 2100)
        {
            return ValidationError.For(nameof(Year), "年度无效");
        }
        var round = new AwardRound
        {
            Year = year,
            Title = $"{year}年{caller.OrgUnitName}教育云空间交流展示评比",
            CountyId = caller.OrgUnitId,
            CountyPath = caller.OrgPath,
            CountyName = caller.OrgUnitName,
            CreatedAt = now,
            CreatedById = caller.UserId,
            CreatedByName = caller.RealName,
        };
        round.Apply(AwardSchedule.Default(year), AwardSettings.Default);
        return round;
    }

    /// <summary>The county admin edits dates and settings until the results are published.</summary>
    public Result Update(Caller caller, string title, AwardSchedule schedule, AwardSettings settings)
    {
        if (!IsRunBy(caller))
        {
            return new ForbiddenError("只有本区县的县级管理员可以修改评比设置。");
        }
        if (IsPublished)
        {
            return new ConflictError("评比结果已发布，不能再修改设置。");
        }
        var trimmed = title?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (trimmed.Length == 0)
        {
            errors[nameof(Title)] = "请填写评比名称";
        }
        else if (trimmed.Length > MaxTitleLength)
        {
            errors[nameof(Title)] = $"名称不能超过 {MaxTitleLength} 个字";
        }
        foreach (var error in new[] { schedule.Validate(), settings.Validate() })
        {
            foreach (var (field, message) in error?.Fields ?? new Dictionary<string, string>())
            {
                errors.TryAdd(field, message);
            }
        }
        if (errors.Count > 0)
        {
            return new ValidationError(errors);
        }
        Title = trimmed;
        Apply(schedule, settings);
        return Result.Success;
    }

    private void Apply(AwardSchedule schedule, AwardSettings settings)
    {
        (NominationStart, NominationEnd, ReviewStart, ReviewEnd) = (schedule.NominationStart, schedule.NominationEnd, schedule.ReviewStart, schedule.ReviewEnd);
        (CommendationStart, CommendationEnd, DeepFrom, DeepTo) = (schedule.CommendationStart, schedule.CommendationEnd, schedule.DeepFrom, schedule.DeepTo);
        (CommentBelow, TrimFromExperts) = (settings.CommentBelow, settings.TrimFromExperts);
        (FirstPrizes, SecondPrizes, ThirdPrizes) = (settings.Tiers.First, settings.Tiers.Second, settings.Tiers.Third);
    }

    /// <summary>Nominations only during 报名 (circular 001 §四(三)2: 5月21日至5月31日 … 报名).</summary>
    public Result CheckNominationOpen(DateOnly today)
    {
        if (IsPublished)
        {
            return new ConflictError("评比结果已发布，不能再报名或撤回。");
        }
        if (today < NominationStart)
        {
            return new ConflictError($"报名尚未开始：报名时间为{Schedule.NominationText}。");
        }
        if (today > NominationEnd)
        {
            return new ConflictError($"报名已截止：报名时间为{Schedule.NominationText}，现在不能再报名或撤回。");
        }
        return Result.Success;
    }

    /// <summary>Scores only during 专家评选 (circular 001 §四(三)3: 6月1日至6月10日 … 组织专家 … 评选).</summary>
    public Result CheckScoringOpen(DateOnly today)
    {
        if (IsPublished)
        {
            return new ConflictError("评比结果已发布，不能再评分。");
        }
        if (today < ReviewStart || today > ReviewEnd)
        {
            return new ConflictError($"不在专家评选时间内：评分时间为{Schedule.ReviewText}。");
        }
        return Result.Success;
    }

    /// <summary>Experts are assigned until scoring ends.</summary>
    public Result CheckAssignmentOpen(Caller caller, DateOnly today)
    {
        if (!IsRunBy(caller))
        {
            return new ForbiddenError("只有本区县的县级管理员可以分配评审专家。");
        }
        if (IsPublished || today > ReviewEnd)
        {
            return new ConflictError($"专家评选已于{ChinaTime.FormatDateLong(ReviewEnd)}结束，不能再分配专家。");
        }
        return Result.Success;
    }

    /// <summary>The deep-application awards are computed once the index period has ended, before publication.</summary>
    public Result CheckComputeDeep(Caller caller, DateOnly today)
    {
        if (!IsRunBy(caller))
        {
            return new ForbiddenError("只有本区县的县级管理员可以评定深度应用奖项。");
        }
        if (IsPublished)
        {
            return new ConflictError("评比结果已发布，不能再重新计算。");
        }
        if (today <= DeepTo)
        {
            return new ConflictError($"深度应用指数统计期至{ChinaTime.FormatDateLong(DeepTo)}，统计期结束后才能评定。");
        }
        return Result.Success;
    }

    public void MarkDeepComputed(DateTimeOffset now) => DeepComputedAt = now;

    /// <summary>Results are published after 专家评选 ends (for 表彰, circular 001 §四(三)4), once.</summary>
    public Result CheckPublish(Caller caller, DateOnly today)
    {
        if (!IsRunBy(caller))
        {
            return new ForbiddenError("只有本区县的县级管理员可以发布评比结果。");
        }
        if (IsPublished)
        {
            return new ConflictError("评比结果已经发布。");
        }
        if (today <= ReviewEnd)
        {
            return new ConflictError($"专家评选至{ChinaTime.FormatDateLong(ReviewEnd)}结束，之后才能发布结果。");
        }
        return Result.Success;
    }

    public Result Publish(Caller caller, DateOnly today, DateTimeOffset now)
    {
        var check = CheckPublish(caller, today);
        if (!check.Succeeded)
        {
            return check;
        }
        PublishedAt = now;
        PublishedByName = caller.RealName;
        return Result.Success;
    }

    public AwardRoundPermissions PermissionsFor(Caller caller, DateOnly today)
    {
        if (!Reaches(caller))
        {
            return AwardRoundPermissions.None;
        }
        var runs = IsRunBy(caller);
        var schoolAdmin = caller.Level == AdminLevel.School && OrgUnit.PathContains(CountyPath, caller.OrgPath);
        return new AwardRoundPermissions(
            CanView: true,
            CanEdit: runs && !IsPublished,
            CanNominate: schoolAdmin && CheckNominationOpen(today).Succeeded,
            CanAssign: CheckAssignmentOpen(caller, today).Succeeded,
            CanScore: caller.Has(Capability.ExpertReviewer) && CheckScoringOpen(today).Succeeded,
            CanComputeDeep: CheckComputeDeep(caller, today).Succeeded,
            CanPreviewResults: runs,
            CanPublish: CheckPublish(caller, today).Succeeded,
            CanSeeResults: IsPublished || runs);
    }
}
