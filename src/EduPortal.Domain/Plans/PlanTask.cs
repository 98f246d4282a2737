using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Plans;

/// <summary>
/// One task of a plan, grouped by month or period (circular 004 §四 进度安排: "2015年3月-5月，…"), with its responsible
/// unit and people, supervising office (e.g. 局教育督导室 — 004 §六(一)2), due date, progress notes and evidence. A task
/// of a county (or township) can be broken down to its schools (《任务分解书》, 004 §六(一)2): one child task per
/// school, and the parent shows their completion (<see cref="PlanTaskBreakdown"/>).
/// </summary>
public sealed class PlanTask
{
    public const int MaxTitleLength = 200;
    public const int MaxPeriodLength = 30;
    public const int MaxPeopleLength = 100;
    public const int MaxOfficeLength = 30;
    public const int MaxNoteLength = 500;
    public const int MaxEvidence = 10;

    private PlanTask()
    {
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    /// <summary>The plan owner's id and path, copied so permissions and jurisdiction need no join.</summary>
    public int PlanOwnerUnitId { get; private set; }
    public string PlanOwnerPath { get; private set; } = "";
    /// <summary>The county task this school task was broken down from; null for a plan's own tasks.</summary>
    public int? ParentTaskId { get; private set; }
    /// <summary>Set once the task has been broken down: its progress is its children's (<see cref="PlanTaskBreakdown"/>).</summary>
    public bool IsBrokenDown { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The month or period it is grouped under, as the plan writes it ("2026年3月-5月").</summary>
    public string Period { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly DueDate { get; private set; }
    public int ResponsibleUnitId { get; private set; }
    public string ResponsibleUnitName { get; private set; } = "";
    public string ResponsibleUnitPath { get; private set; } = "";
    public OrgUnitKind ResponsibleUnitKind { get; private set; }
    public string ResponsiblePeople { get; private set; } = "";
    public string SupervisingOffice { get; private set; } = "";
    /// <summary>The stored progress: 未开始, 进行中 or 已完成. 逾期 is derived (<see cref="StatusOn"/>).</summary>
    public PlanTaskStatus Progress { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletionSummary { get; private set; }
    public List<PlanTaskNote> Notes { get; private set; } = [];
    public List<PlanTaskEvidence> Evidence { get; private set; } = [];

    /// <summary>The plan owner's admins add tasks, each for a unit inside the owner's subtree.</summary>
    public static Result<PlanTask> Create(Plan plan, Caller caller, PlanUnit responsible, string title, string period,
        DateOnly startDate, DateOnly dueDate, string? responsiblePeople, string? supervisingOffice)
    {
        if (!plan.CanEdit(caller))
        {
            return new ForbiddenError("只有方案所属单位的管理员可以添加任务。");
        }
        if (!OrgUnit.PathContains(plan.OwnerPath, responsible.Path))
        {
            return ValidationError.For(nameof(ResponsibleUnitId), "责任单位须在方案所属单位的管辖范围内");
        }
        var task = new PlanTask
        {
            PlanId = plan.Id,
            PlanOwnerUnitId = plan.OwnerUnitId,
            PlanOwnerPath = plan.OwnerPath,
            ResponsibleUnitId = responsible.Id,
            ResponsibleUnitName = responsible.Name,
            ResponsibleUnitPath = responsible.Path,
            ResponsibleUnitKind = responsible.Kind,
        };
        var error = task.SetDetails(title, period, startDate, dueDate, responsiblePeople, supervisingOffice);
        return error is null ? task : error;
    }

    private ValidationError? SetDetails(string title, string period, DateOnly startDate, DateOnly dueDate, string? people, string? office)
    {
        var (t, p, r, o) = (title?.Trim() ?? "", period?.Trim() ?? "", people?.Trim() ?? "", office?.Trim() ?? "");
        var error = new ValidationBuilder()
            .Check(t.Length > 0, nameof(Title), "请填写任务内容")
            .Check(t.Length <= MaxTitleLength, nameof(Title), $"任务内容不能超过 {MaxTitleLength} 个字")
            .Check(p.Length <= MaxPeriodLength, nameof(Period), $"时段不能超过 {MaxPeriodLength} 个字")
            .Check(dueDate >= startDate, nameof(DueDate), "完成时限不能早于开始日期")
            .Check(r.Length <= MaxPeopleLength, nameof(ResponsiblePeople), $"责任人不能超过 {MaxPeopleLength} 个字")
            .Check(o.Length <= MaxOfficeLength, nameof(SupervisingOffice), $"督办处室不能超过 {MaxOfficeLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Title = t;
        Period = p.Length > 0 ? p : PeriodOf(startDate, dueDate);
        StartDate = startDate;
        DueDate = dueDate;
        ResponsiblePeople = r;
        SupervisingOffice = o;
        return null;
    }

    /// <summary>"2026年3月" or "2026年3月-5月", the way circular 004 §四 labels its months.</summary>
    public static string PeriodOf(DateOnly start, DateOnly end) =>
        (start.Year, start.Month) == (end.Year, end.Month) ? $"{start.Year}年{start.Month}月"
        : start.Year == end.Year ? $"{start.Year}年{start.Month}月-{end.Month}月"
        : $"{start.Year}年{start.Month}月-{end.Year}年{end.Month}月";

    /// <summary>
    /// The status on a China date: 已完成 once completed; otherwise 逾期 from the day after the due date (the due date
    /// itself is still in time); otherwise the stored 未开始/进行中.
    /// </summary>
    public PlanTaskStatus StatusOn(DateOnly chinaToday) =>
        Progress == PlanTaskStatus.Completed ? PlanTaskStatus.Completed
        : chinaToday > DueDate ? PlanTaskStatus.Overdue
        : Progress;

    /// <summary>The status at an instant, counted in China time whatever the server's zone.</summary>
    public PlanTaskStatus StatusAt(DateTimeOffset now) => StatusOn(DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime));

    /// <summary>Completed after its due date (China time): shown as 逾期完成.</summary>
    public bool CompletedLate => CompletedAt is { } at && DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime) > DueDate;

    public PlanTaskPermissions PermissionsFor(Caller caller) => new(
        CanView: CanView(caller),
        CanReport: CanReport(caller),
        CanBreakDown: CanBreakDown(caller));

    /// <summary>Whoever sees the plan sees its tasks; a responsible unit's admins (and those above them) see its tasks too.</summary>
    public bool CanView(Caller caller) =>
        OrgUnit.PathContains(PlanOwnerPath, caller.OrgPath) || (caller.IsAdmin && (caller.Covers(PlanOwnerPath) || caller.Covers(ResponsibleUnitPath)));

    /// <summary>
    /// The responsible unit's admins (or the plan owner's) report progress, evidence and completion; a broken-down task
    /// takes its progress from its children.
    /// </summary>
    public bool CanReport(Caller caller) =>
        caller.IsAdmin && !IsBrokenDown && (caller.OrgUnitId == ResponsibleUnitId || caller.OrgUnitId == PlanOwnerUnitId);

    /// <summary>A county's or township's task (not a school's) can be broken down by its unit's admins or the plan owner's, until completed.</summary>
    public bool CanBreakDown(Caller caller) =>
        caller.IsAdmin && ResponsibleUnitKind is OrgUnitKind.County or OrgUnitKind.Township && Progress != PlanTaskStatus.Completed
        && (caller.OrgUnitId == ResponsibleUnitId || caller.OrgUnitId == PlanOwnerUnitId);

    /// <summary>
    /// 《任务分解书》: one child task per school of the responsible unit, same content and due date; a school that already
    /// has a child of this task is refused, so a repeated breakdown adds only the new schools.
    /// </summary>
    public Result<IReadOnlyList<PlanTask>> BreakDown(Caller caller, IReadOnlyCollection<PlanUnit> schools, IReadOnlyCollection<int> schoolsWithChildTask)
    {
        if (!CanBreakDown(caller))
        {
            return new ForbiddenError("只有责任单位或方案所属单位的管理员可以分解县区级任务。");
        }
        if (schools.Count == 0)
        {
            return ValidationError.For("Schools", "请选择要分解到的学校");
        }
        if (schools.Any(s => s.Kind != OrgUnitKind.School || !OrgUnit.PathContains(ResponsibleUnitPath, s.Path)))
        {
            return ValidationError.For("Schools", "只能分解到责任单位所属的学校");
        }
        var repeated = schools.Where(s => schoolsWithChildTask.Contains(s.Id)).Select(s => s.Name).ToList();
        if (repeated.Count > 0 || schools.Select(s => s.Id).Distinct().Count() != schools.Count)
        {
            return ValidationError.For("Schools", $"以下学校已分解过该任务：{string.Join("、", repeated)}");
        }
        IsBrokenDown = true;
        if (Progress == PlanTaskStatus.NotStarted)
        {
            Progress = PlanTaskStatus.InProgress;
        }
        return schools.Select(s => new PlanTask
        {
            PlanId = PlanId,
            PlanOwnerUnitId = PlanOwnerUnitId,
            PlanOwnerPath = PlanOwnerPath,
            ParentTaskId = Id,
            Title = Title,
            Period = Period,
            StartDate = StartDate,
            DueDate = DueDate,
            ResponsibleUnitId = s.Id,
            ResponsibleUnitName = s.Name,
            ResponsibleUnitPath = s.Path,
            ResponsibleUnitKind = s.Kind,
            SupervisingOffice = SupervisingOffice,
        }).ToList();
    }

    public Result AddNote(Caller caller, string text, DateTimeOffset now)
    {
        var refusal = CheckReporter(caller);
        if (refusal is not null)
        {
            return refusal;
        }
        var t = text?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(t.Length > 0, "Note", "请填写进展情况")
            .Check(t.Length <= MaxNoteLength, "Note", $"进展情况不能超过 {MaxNoteLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Notes.Add(new PlanTaskNote(t, caller.RealName, now));
        MarkStarted();
        return Result.Success;
    }

    /// <summary>Attaches a file the upload pipeline has already content-checked and stored.</summary>
    public Result AddEvidence(Caller caller, string storedPath, string fileName, string contentType, DateTimeOffset now)
    {
        var refusal = CheckReporter(caller);
        if (refusal is not null)
        {
            return refusal;
        }
        if (Evidence.Count >= MaxEvidence)
        {
            return ValidationError.For("Evidence", $"每项任务最多上传 {MaxEvidence} 个佐证材料");
        }
        Evidence.Add(new PlanTaskEvidence(storedPath, fileName, contentType, caller.RealName, now));
        MarkStarted();
        return Result.Success;
    }

    /// <summary>
    /// Completes the task: needs a completion summary or at least one evidence file, so 已完成 always says how.
    /// A task completed after its due date stays 已完成 and is shown as 逾期完成 (<see cref="CompletedLate"/>).
    /// </summary>
    public Result Complete(Caller caller, string? summary, DateTimeOffset now)
    {
        var refusal = CheckReporter(caller);
        if (refusal is not null)
        {
            return refusal;
        }
        var s = summary?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(s.Length > 0 || Evidence.Count > 0, nameof(CompletionSummary), "请填写完成情况或上传佐证材料")
            .Check(s.Length <= MaxNoteLength, nameof(CompletionSummary), $"完成情况不能超过 {MaxNoteLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Progress = PlanTaskStatus.Completed;
        CompletedAt = now;
        CompletionSummary = s.Length > 0 ? s : null;
        return Result.Success;
    }

    private Error? CheckReporter(Caller caller)
    {
        if (IsBrokenDown)
        {
            return new ConflictError("该任务已分解到学校，进度由各校任务汇总。");
        }
        if (!CanReport(caller))
        {
            return new ForbiddenError("只有责任单位的管理员可以填报任务进展。");
        }
        return Progress == PlanTaskStatus.Completed ? new ConflictError("该任务已完成。") : null;
    }

    private void MarkStarted()
    {
        if (Progress == PlanTaskStatus.NotStarted)
        {
            Progress = PlanTaskStatus.InProgress;
        }
    }
}
