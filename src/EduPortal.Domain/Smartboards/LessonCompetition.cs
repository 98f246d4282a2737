using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A county's 班班通应用学科竞赛 of one round (circular 004 schedule: June, items 4/11, and December, items 7/16; circular
/// 003 §三.5 定期组织检查评比). The county admin opens it, the schools of the county enter their teachers' lessons, the
/// county records each entry's award; recording the results closes the entries.
/// </summary>
public sealed class LessonCompetition
{
    public const int MaxTitleLength = 100;

    private readonly List<CompetitionEntry> _entries = [];

    private LessonCompetition()
    {
    }

    public int Id { get; private set; }
    public int CountyId { get; private set; }
    public string CountyPath { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public int Year { get; private set; }
    public CompetitionPeriod Period { get; private set; }
    public string Title { get; private set; } = "";
    public string OpenedByName { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }
    /// <summary>Set when the county recorded the results; entries are closed from then on.</summary>
    public DateTimeOffset? ResultsRecordedAt { get; private set; }

    public IReadOnlyList<CompetitionEntry> Entries => _entries;

    public bool ResultsRecorded => ResultsRecordedAt is not null;

    /// <summary>The county's own admin runs its competitions.</summary>
    public static bool MayOpen(Caller caller) => caller.Level == AdminLevel.County && caller.OrgKind == OrgUnitKind.County;

    public static Result<LessonCompetition> Open(Caller caller, int? year, CompetitionPeriod? period, string? title, TimeProvider clock)
    {
        if (!MayOpen(caller))
        {
            return new ForbiddenError("只有县区管理员可以组织县级竞赛。");
        }
        var current = DemoLessonRule.CurrentYear(clock);
        var trimmed = title?.Trim();
        var problems = new ValidationBuilder()
            .Check(year is not null && year >= current - 1 && year <= current + 1, nameof(Year), $"年度须为 {current - 1}–{current + 1} 年")
            .Check(period is not null && Enum.IsDefined(period.Value), nameof(Period), "请选择 6 月或 12 月")
            .Check(!string.IsNullOrEmpty(trimmed), nameof(Title), "请填写竞赛名称")
            .Check(trimmed is null || trimmed.Length <= MaxTitleLength, nameof(Title), $"竞赛名称不能超过 {MaxTitleLength} 字")
            .Build();
        if (problems is not null)
        {
            return problems;
        }
        return new LessonCompetition
        {
            CountyId = caller.OrgUnitId,
            CountyPath = caller.OrgPath,
            CountyName = caller.OrgUnitName,
            Year = year!.Value,
            Period = period!.Value,
            Title = trimmed!,
            OpenedByName = caller.RealName,
            OpenedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>The first day of the round's month: the competition is held in June or December of its year.</summary>
    public DateOnly Month => new(Year, (int)Period, 1);

    /// <summary>Schools of the county see the competition; the county and the city above it too.</summary>
    public bool IsVisibleTo(Caller caller) => caller.Covers(CountyPath) || OrgUnit.PathContains(CountyPath, caller.OrgPath);

    /// <summary>A school's admin enters its teachers while the results are not recorded.</summary>
    public bool MayEnter(Caller caller) => !ResultsRecorded && caller.Level == AdminLevel.School && caller.OrgKind == OrgUnitKind.School
        && OrgUnit.PathContains(CountyPath, caller.OrgPath);

    public bool MayRecordResults(Caller caller) => MayOpen(caller) && caller.OrgUnitId == CountyId;

    public CompetitionPermissions PermissionsFor(Caller caller) => !IsVisibleTo(caller)
        ? CompetitionPermissions.None
        : new CompetitionPermissions(true, MayEnter(caller), MayRecordResults(caller));

    /// <summary>The entries the caller sees: a school its own, the county and city all.</summary>
    public IEnumerable<CompetitionEntry> EntriesVisibleTo(Caller caller) => _entries.Where(e => caller.Covers(e.SchoolPath));

    public Result<CompetitionEntry> Enter(Caller caller, DemoLessonSchool school, DemoLessonTeacher? teacher, string? subject, string? lessonTitle, TimeProvider clock)
    {
        if (ResultsRecorded)
        {
            return new ConflictError("竞赛结果已登记，不能再报名。");
        }
        if (!MayEnter(caller) || caller.OrgUnitId != school.Id)
        {
            return new ForbiddenError("只有本县区学校的管理员可以为本校教师报名。");
        }
        var trimmed = lessonTitle?.Trim();
        var problems = new ValidationBuilder()
            .Check(teacher is not null, "TeacherId", "请选择参赛教师")
            .Check(teacher is null || teacher.SchoolId == school.Id, "TeacherId", "参赛教师须为本校教职工")
            .Check(teacher is null || _entries.All(e => e.TeacherId != teacher.UserId), "TeacherId", "该教师已报名本次竞赛")
            .Check(LessonSubjects.IsKnown(subject), "Subject", "请选择学科")
            .Check(!string.IsNullOrEmpty(trimmed), "LessonTitle", "请填写参赛课题")
            .Check(trimmed is null || trimmed.Length <= CompetitionEntry.MaxLessonTitleLength, "LessonTitle", $"参赛课题不能超过 {CompetitionEntry.MaxLessonTitleLength} 字")
            .Build();
        if (problems is not null)
        {
            return problems;
        }
        var entry = new CompetitionEntry(school.Id, school.Name, school.Path, teacher!, subject!, trimmed!, caller.RealName, clock.GetUtcNow());
        _entries.Add(entry);
        return entry;
    }

    /// <summary>The school's admin withdraws its own entry while the results are not recorded.</summary>
    public Result Withdraw(Caller caller, int entryId)
    {
        var entry = _entries.SingleOrDefault(e => e.Id == entryId && caller.Covers(e.SchoolPath));
        if (entry is null)
        {
            return new NotFoundError();
        }
        if (ResultsRecorded)
        {
            return new ConflictError("竞赛结果已登记，不能撤回报名。");
        }
        if (!MayEnter(caller) || caller.OrgUnitId != entry.SchoolId)
        {
            return new ForbiddenError("只有报名学校的管理员可以撤回报名。");
        }
        _entries.Remove(entry);
        return Result.Success;
    }

    /// <summary>
    /// The county records every entry's award at once (an entry left out keeps none and is refused); this closes the
    /// entries. Recording again corrects the awards.
    /// </summary>
    public Result RecordResults(Caller caller, IReadOnlyDictionary<int, CompetitionAward?> awards, TimeProvider clock)
    {
        if (!MayRecordResults(caller))
        {
            return new ForbiddenError("只有组织竞赛的县区管理员可以登记结果。");
        }
        if (_entries.Count == 0)
        {
            return ValidationError.For("Awards", "尚无学校报名，无法登记结果");
        }
        var unknown = awards.Keys.Where(id => _entries.All(e => e.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return new NotFoundError();
        }
        var missing = _entries.Where(e => awards.GetValueOrDefault(e.Id) is not { } a || !Enum.IsDefined(a)).ToList();
        if (missing.Count > 0)
        {
            return ValidationError.For("Awards", $"请为全部 {_entries.Count} 个参赛课例登记结果（尚缺 {missing.Count} 个）");
        }
        foreach (var entry in _entries)
        {
            entry.SetAward(awards[entry.Id]!.Value);
        }
        ResultsRecordedAt = clock.GetUtcNow();
        return Result.Success;
    }
}
