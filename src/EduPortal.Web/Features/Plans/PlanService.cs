using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Plans;

/// <summary>Plans, their tasks and targets for the pages: every read starts from <see cref="PlanJurisdiction"/>, every change is audited.</summary>
public sealed class PlanService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, UploadPipeline uploads, IEnumerable<IMetricSource> metrics)
{
    private const int MaxUnitChoices = 800;
    private const int MaxAlerts = 20;
    private readonly IReadOnlyList<IMetricSource> _metrics = metrics.ToList();

    private DateOnly Today => ChinaTime.Today(clock);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<MetricDefinition> Metrics => _metrics.Select(m => m.Definition).ToList();

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().WithinJurisdiction(caller).OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.OwnerName, p.PeriodStart, p.PeriodEnd, p.DocumentNumber }).ToListAsync(cancellationToken);
        var ids = plans.Select(p => p.Id).ToList();
        var today = Today;
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.PlanId) && t.ParentTaskId == null)
            .GroupBy(t => t.PlanId)
            .Select(g => new
            {
                PlanId = g.Key,
                Count = g.Count(),
                Completed = g.Count(t => t.Progress == PlanTaskStatus.Completed),
                Overdue = g.Count(t => t.Progress != PlanTaskStatus.Completed && t.DueDate < today),
            })
            .ToDictionaryAsync(g => g.PlanId, cancellationToken);
        return plans.Select(p =>
        {
            var counts = tasks.GetValueOrDefault(p.Id);
            return new PlanSummary(p.Id, p.Title, p.OwnerName, p.PeriodStart, p.PeriodEnd, p.DocumentNumber, counts?.Count ?? 0, counts?.Completed ?? 0, counts?.Overdue ?? 0);
        }).ToList();
    }

    public async Task<Result<int>> CreateAsync(Caller caller, PlanInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == caller.OrgUnitId, cancellationToken);
        var builder = new ValidationBuilder()
            .Check(input.PeriodStart is not null, nameof(Plan.PeriodStart), "请选择开始日期")
            .Check(input.PeriodEnd is not null, nameof(Plan.PeriodEnd), "请选择结束日期");
        if (builder.Build() is { } missing)
        {
            return missing;
        }
        return await db.AddAuditedAsync(Plan.Create(caller, PlanUnit.Of(owner), input.Title, DateOnly.FromDateTime(input.PeriodStart!.Value),
            DateOnly.FromDateTime(input.PeriodEnd!.Value), input.DocumentNumber, clock.GetUtcNow()),
            plan => plan.Id, plan => db.Audit(caller, clock, AuditActions.PlanCreated, nameof(Plan), Key(plan.Id), plan.OwnerPath, $"制订工作方案“{plan.Title}”",
            after: new { plan.Title, plan.DocumentNumber, plan.PeriodStart, plan.PeriodEnd }), cancellationToken);
    }

    public async Task<Result<PlanView>> GetAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().WithinJurisdiction(caller).Include(p => p.Leaders).Include(p => p.Offices).Include(p => p.SchoolLeads)
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new NotFoundError();
        }
        var today = Today;
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.StartDate).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var rows = Rows(tasks, today);
        var targets = await TargetRowsAsync(db, db.PlanTargets.AsNoTracking().WithinJurisdiction(caller).Where(t => t.PlanId == planId), today, cancellationToken);
        var permissions = plan.PermissionsFor(caller);
        var units = permissions.CanEdit
            ? await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(plan.OwnerPath)).OrderBy(o => o.Kind).ThenBy(o => o.Path)
                .Take(MaxUnitChoices).Select(o => new UnitChoice(o.Id, o.Name, o.Kind)).ToListAsync(cancellationToken)
            : [];
        return new PlanView(plan, permissions, rows, targets, units, Metrics);
    }

    /// <summary>Adds a member of the leadership group (circular 004 §六(一)1), audited.</summary>
    public Task<Result> AddLeaderAsync(Caller caller, int planId, PlanLeaderRole role, string name, string post, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(caller, planId, plan => plan.AddLeader(caller, role, name, post), plan => $"“{plan.Title}”领导小组增加{role.DisplayName()} {name.Trim()}",
            cancellationToken);

    /// <summary>Adds a member office with its duty (circular 004 §六(一)2-3: 局办公室负责统筹协调…), audited.</summary>
    public Task<Result> AddOfficeAsync(Caller caller, int planId, string name, string duty, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(caller, planId, plan => plan.AddOffice(caller, name, duty), plan => $"“{plan.Title}”成员处室增加{name.Trim()}：{duty.Trim()}", cancellationToken);

    /// <summary>
    /// Names a school's 分管领导 (circular 004 §六(一)5): the plan owner's admins for any school under the plan, a school's
    /// admins for their own school only (another school's id is refused by the plan), audited.
    /// </summary>
    public async Task<Result> NameSchoolLeadAsync(Caller caller, int planId, int? schoolId, string leaderName, string post, CancellationToken cancellationToken = default)
    {
        if (schoolId is not > 0)
        {
            return ValidationError.For("SchoolId", "请选择学校");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == schoolId, cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        return await ChangePlanAsync(db, caller, planId, plan => plan.NameSchoolLead(caller, PlanUnit.Of(school), leaderName, post),
            plan => $"“{plan.Title}”指定{school.Name}分管领导 {leaderName.Trim()}", cancellationToken);
    }

    private async Task<Result> ChangePlanAsync(Caller caller, int planId, Func<Plan, Result> change, Func<Plan, string> summary, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ChangePlanAsync(db, caller, planId, change, summary, cancellationToken);
    }

    private async Task<Result> ChangePlanAsync(EduPortalDbContext db, Caller caller, int planId, Func<Plan, Result> change, Func<Plan, string> summary,
        CancellationToken cancellationToken)
    {
        var plan = await db.Plans.WithinJurisdiction(caller).Include(p => p.Leaders).Include(p => p.Offices).Include(p => p.SchoolLeads)
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new NotFoundError();
        }
        var result = change(plan);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, AuditActions.PlanChanged, nameof(Plan), Key(plan.Id), plan.OwnerPath, summary(plan));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Top-level tasks with their breakdown roll-up; school tasks are listed on their parent's page.</summary>
    private static List<PlanTaskRow> Rows(IReadOnlyList<PlanTask> tasks, DateOnly today)
    {
        var children = tasks.Where(t => t.ParentTaskId is not null).ToLookup(t => t.ParentTaskId!.Value);
        return tasks.Where(t => t.ParentTaskId is null).Select(t => Row(t, children[t.Id].ToList(), today)).ToList();
    }

    private static PlanTaskRow Row(PlanTask task, IReadOnlyList<PlanTask> children, DateOnly today)
    {
        var breakdown = task.IsBrokenDown ? PlanTaskBreakdown.Of(children, today) : null;
        return new PlanTaskRow(task.Id, task.ParentTaskId, task.Title, task.Period, task.StartDate, task.DueDate, task.ResponsibleUnitName, task.ResponsiblePeople,
            task.SupervisingOffice, breakdown?.ParentStatus(task, today) ?? task.StatusOn(today), breakdown, task.CompletedLate);
    }

    public async Task<Result<int>> AddTaskAsync(Caller caller, int planId, PlanTaskInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new NotFoundError();
        }
        var missing = new ValidationBuilder()
            .Check(input.StartDate is not null, nameof(PlanTask.StartDate), "请选择开始日期")
            .Check(input.DueDate is not null, nameof(PlanTask.DueDate), "请选择完成时限")
            .Check(input.ResponsibleUnitId is > 0, nameof(PlanTask.ResponsibleUnitId), "请选择责任单位")
            .Build();
        if (missing is not null)
        {
            return missing;
        }
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.ResponsibleUnitId, cancellationToken);
        if (unit is null)
        {
            return ValidationError.For(nameof(PlanTask.ResponsibleUnitId), "请选择责任单位");
        }
        return await db.AddAuditedAsync(PlanTask.Create(plan, caller, PlanUnit.Of(unit), input.Title, input.Period, DateOnly.FromDateTime(input.StartDate!.Value),
            DateOnly.FromDateTime(input.DueDate!.Value), input.ResponsiblePeople, input.SupervisingOffice),
            task => task.Id, task => db.Audit(caller, clock, AuditActions.PlanTaskAdded, nameof(PlanTask), Key(task.Id), plan.OwnerPath,
            $"在“{plan.Title}”中添加任务“{task.Title}”（{task.ResponsibleUnitName}，{ChinaTime.FormatDate(task.DueDate)} 前）"), cancellationToken);
    }

    /// <summary>
    /// The plan's task list as an Excel sheet: every task with its period, responsible unit, supervising office, dates,
    /// status (late completions marked) and, for a broken-down task, how many schools have completed; the caption names
    /// the plan, its period and when the sheet was made.
    /// </summary>
    public static byte[] ExportTasks(PlanView view, DateTimeOffset madeAt)
    {
        var plan = view.Plan;
        var caption = $"{plan.Title}（{ChinaTime.FormatDateLong(plan.PeriodStart)}至{ChinaTime.FormatDateLong(plan.PeriodEnd)}）任务列表，" +
            $"共 {view.Tasks.Count} 项，导出时间：{ChinaTime.Format(madeAt)}";
        return ExcelExport.Build("任务列表", [
            new ExcelColumn<PlanTaskRow>("时段", t => t.Period, 14),
            new("任务", t => t.Title, 40),
            new("责任单位", t => t.ResponsibleUnitName, 22),
            new("责任人", t => t.ResponsiblePeople, 14),
            new("督办处室", t => t.SupervisingOffice, 14),
            new("开始日期", t => ChinaTime.FormatDate(t.StartDate), 12),
            new("完成时限", t => ChinaTime.FormatDate(t.DueDate), 12),
            new("状态", t => t.CompletedLate ? $"{t.Status.DisplayName()}（逾期完成）" : t.Status.DisplayName(), 14),
            new("分解完成情况", t => t.Breakdown?.Label ?? "", 14),
        ], view.Tasks, caption);
    }

    /// <summary>
    /// A hand-entered target's entry history as an Excel sheet, corrected values included and marked, with the
    /// evidence (note, link, file names) and who entered each value when; the caption names the target, its scope,
    /// the dates the history covers and when the sheet was made.
    /// </summary>
    public static byte[] ExportEntries(PlanTargetView view, DateTimeOffset madeAt)
    {
        var target = view.Target;
        var span = view.History.Count == 0
            ? "尚未填报"
            : $"{ChinaTime.FormatDateLong(view.History.Min(e => e.Date))}至{ChinaTime.FormatDateLong(view.History.Max(e => e.Date))}";
        var caption = $"{view.PlanTitle} · {target.Name}（{target.ScopeName}）填报记录，{span}，共 {view.History.Count} 条，导出时间：{ChinaTime.Format(madeAt)}";
        return ExcelExport.Build("填报记录", [
            new ExcelColumn<PlanTargetEntry>("数据日期", e => ChinaTime.FormatDate(e.Date), 12),
            new("数值", e => e.Value, 12),
            new("单位", _ => target.Unit, 8),
            new("佐证说明", e => e.EvidenceNote ?? "", 30),
            new("佐证链接", e => e.EvidenceLink ?? "", 30),
            new("佐证文件", e => string.Join("、", e.Files.Select(f => f.FileName)), 24),
            new("填报人", e => e.EnteredByName, 12),
            new("填报时间", e => ChinaTime.Format(e.EnteredAt), 17),
            new("状态", e => e.IsCurrent ? "有效" : $"已更正（{e.SupersededByName} {ChinaTime.Format(e.SupersededAt!.Value)}）", 28),
        ], view.History, caption);
    }

    public async Task<Result<PlanTaskView>> GetTaskAsync(Caller caller, int taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.AsNoTracking().WithinJurisdiction(caller).Include(t => t.Notes).Include(t => t.Evidence)
            .SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return new NotFoundError();
        }
        var today = Today;
        var planTitle = await db.Plans.AsNoTracking().Where(p => p.Id == task.PlanId).Select(p => p.Title).SingleAsync(cancellationToken);
        var children = await db.PlanTasks.AsNoTracking().Where(t => t.ParentTaskId == taskId).OrderBy(t => t.ResponsibleUnitPath).ToListAsync(cancellationToken);
        var permissions = task.PermissionsFor(caller);
        var breakdown = task.IsBrokenDown ? PlanTaskBreakdown.Of(children, today) : null;
        var taken = children.Select(c => c.ResponsibleUnitId).ToHashSet();
        var choices = permissions.CanBreakDown
            ? (await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(task.ResponsibleUnitPath))
                .OrderBy(o => o.Path).Take(MaxUnitChoices).Select(o => new UnitChoice(o.Id, o.Name, o.Kind)).ToListAsync(cancellationToken))
                .Where(c => !taken.Contains(c.Id)).ToList()
            : [];
        return new PlanTaskView(task, planTitle, permissions, breakdown?.ParentStatus(task, today) ?? task.StatusOn(today),
            children.Select(c => Row(c, [], today)).ToList(), breakdown, choices);
    }

    public async Task<Result> BreakDownAsync(Caller caller, int taskId, IReadOnlyCollection<int> schoolIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.WithinJurisdiction(caller).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return new NotFoundError();
        }
        var schools = await db.OrgUnits.AsNoTracking().Where(o => schoolIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var existing = await db.PlanTasks.Where(t => t.ParentTaskId == taskId).Select(t => t.ResponsibleUnitId).ToListAsync(cancellationToken);
        if (schools.Count != schoolIds.Distinct().Count())
        {
            return ValidationError.For("Schools", "只能分解到责任单位所属的学校");
        }
        var result = task.BreakDown(caller, schools.Select(PlanUnit.Of).ToList(), existing);
        if (!result.Succeeded)
        {
            return result.Error!;
        }
        db.PlanTasks.AddRange(result.Value!);
        db.Audit(caller, clock, AuditActions.PlanTaskBrokenDown, nameof(PlanTask), Key(task.Id), task.ResponsibleUnitPath,
            $"将任务“{task.Title}”分解到 {schools.Count} 所学校：{string.Join("、", schools.Select(s => s.Name).Take(10))}{(schools.Count > 10 ? " 等" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public Task<Result> AddNoteAsync(Caller caller, int taskId, string text, CancellationToken cancellationToken = default) =>
        ChangeTaskAsync(caller, taskId, AuditActions.PlanTaskProgress, task => task.AddNote(caller, text, clock.GetUtcNow()),
            task => $"填报任务“{task.Title}”进展：{text.Trim()}", cancellationToken);

    public Task<Result> CompleteAsync(Caller caller, int taskId, string? summary, CancellationToken cancellationToken = default) =>
        ChangeTaskAsync(caller, taskId, AuditActions.PlanTaskCompleted, task => task.Complete(caller, summary, clock.GetUtcNow()),
            task => $"完成任务“{task.Title}”（{task.ResponsibleUnitName}）{(task.CompletedLate ? "，逾期完成" : "")}", cancellationToken);

    /// <summary>An evidence file through the portal's content-checked upload pipeline (PDF, Office, JPEG, PNG; the attachment policy).</summary>
    public async Task<Result> UploadEvidenceAsync(Caller caller, int taskId, Stream content, long length, string fileName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.WithinJurisdiction(caller).Include(t => t.Evidence).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return new NotFoundError();
        }
        if (!task.CanReport(caller) || task.Progress == PlanTaskStatus.Completed)
        {
            return task.AddEvidence(caller, "", fileName, "", clock.GetUtcNow()).Error!;
        }
        var added = await StoreAttachmentAsync(uploads, content, length,
            (key, contentType) => task.AddEvidence(caller, key, fileName, contentType, clock.GetUtcNow()), cancellationToken);
        if (!added.Succeeded)
        {
            return added;
        }
        db.Audit(caller, clock, AuditActions.PlanTaskProgress, nameof(PlanTask), Key(task.Id), task.ResponsibleUnitPath, $"为任务“{task.Title}”上传佐证材料“{fileName}”");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// The plans module's one upload path (task evidence, county feedback attachments): the content-checked pipeline with
    /// the attachment policy, then <paramref name="attach"/>; the stored file is deleted again when attaching is refused.
    /// </summary>
    public static async Task<Result> StoreAttachmentAsync(UploadPipeline uploads, Stream content, long length, Func<string, string, Result> attach,
        CancellationToken cancellationToken)
    {
        var stored = await uploads.StoreAsync(content, length, UploadPolicy.Attachment, cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Error!;
        }
        var added = attach(stored.Value!.Key, ContentTypeOf(stored.Value.Kind));
        if (!added.Succeeded)
        {
            await uploads.DeleteAsync(stored.Value, cancellationToken);
        }
        return added;
    }

    public static string ContentTypeOf(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.OfficeZip => "application/octet-stream",
        _ => "application/octet-stream",
    };

    private async Task<Result> ChangeTaskAsync(Caller caller, int taskId, string action, Func<PlanTask, Result> change, Func<PlanTask, string> summary,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.WithinJurisdiction(caller).Include(t => t.Notes).Include(t => t.Evidence).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return new NotFoundError();
        }
        var before = task.Progress;
        var result = change(task);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, action, nameof(PlanTask), Key(task.Id), task.ResponsibleUnitPath, summary(task),
            before: new { Status = before.DisplayName() }, after: new { Status = task.Progress.DisplayName() });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The evidence file of a task the caller may see (for the download endpoint); null when not found or not theirs.</summary>
    public async Task<PlanTaskEvidence?> FindEvidenceAsync(Caller caller, int taskId, int evidenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PlanTasks.AsNoTracking().WithinJurisdiction(caller).Where(t => t.Id == taskId)
            .SelectMany(t => t.Evidence).SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
    }

    /// <summary>
    /// Sets a target: bound to a metric (its baseline is the metric's value for the scope today, where the path starts), or
    /// hand-entered (the owner names the metric, its unit and direction; the baseline is the owner's, 0 when none). Up to
    /// two steps from the form (circular 004: 30% then 50%). The row and its audit entry are saved together.
    /// </summary>
    public async Task<Result<int>> AddTargetAsync(Caller caller, int planId, PlanTargetInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new NotFoundError();
        }
        var source = input.HandEntered ? null : _metrics.FirstOrDefault(m => m.Definition.Key == input.MetricKey);
        var scope = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.ScopeUnitId, cancellationToken);
        var missing = new ValidationBuilder()
            .Check(input.HandEntered || source is not null, nameof(PlanTarget.MetricKey), "请选择绑定的指标")
            .Check(scope is not null, nameof(PlanTarget.ScopeUnitId), "请选择目标范围")
            .Check(input.FirstValue is not null && input.FirstDeadline is not null, nameof(PlanTarget.Steps), "请填写第一阶段的目标值和截止日期")
            .Check((input.SecondValue is null) == (input.SecondDeadline is null), nameof(PlanTarget.Steps), "第二阶段须同时填写目标值和截止日期")
            .Build();
        if (missing is not null)
        {
            return missing;
        }
        if (!plan.CanEdit(caller))
        {
            return new ForbiddenError("只有方案所属单位的管理员可以设定目标。");
        }
        var today = Today;
        var steps = new List<PlanTargetStep> { new(input.FirstValue!.Value, DateOnly.FromDateTime(input.FirstDeadline!.Value)) };
        if (input.SecondValue is { } second)
        {
            steps.Add(new PlanTargetStep(second, DateOnly.FromDateTime(input.SecondDeadline!.Value)));
        }
        // The scope must be checked before its figure is read.
        if (!OrgUnit.PathContains(plan.OwnerPath, scope!.Path))
        {
            return ValidationError.For(nameof(PlanTarget.ScopeUnitId), "目标范围须在方案所属单位的管辖范围内");
        }
        Result<PlanTarget> created;
        if (source is null)
        {
            created = PlanTarget.CreateHandEntered(plan, caller, PlanUnit.Of(scope), input.Name, input.Unit, input.Direction, input.Baseline, today, steps);
        }
        else
        {
            var reading = await source.ReadAsync(scope, today, cancellationToken);
            created = PlanTarget.Create(plan, caller, source.Definition, PlanUnit.Of(scope), input.Name, reading.Scope.Value ?? 0, today, steps);
        }
        return await db.AddAuditedAsync(created, target => target.Id, target => db.Audit(caller, clock, AuditActions.PlanTargetSet, nameof(PlanTarget), Key(target.Id), plan.OwnerPath,
            $"为“{plan.Title}”设定{(target.IsHandEntered ? "手工填报" : "")}目标“{target.Name}”（{target.ScopeName}）：{string.Join("，", target.Steps.Select(s => $"{ChinaTime.FormatDate(s.Deadline)} 前达到 {PlanStyles.Number(s.Value, target.Unit)}"))}"), cancellationToken);
    }

    private static async Task<List<PlanTargetRow>> TargetRowsAsync(EduPortalDbContext db, IQueryable<PlanTarget> query, DateOnly asOf, CancellationToken cancellationToken)
    {
        var targets = await query.Include(t => t.Steps).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var rows = new List<PlanTargetRow>(targets.Count);
        foreach (var target in targets)
        {
            var readings = await ReadingsAsync(db, target, asOf, cancellationToken);
            rows.Add(new PlanTargetRow(target.Id, target.Name, target.ScopeName, target.Unit, target.Direction, target.IsHandEntered, target.Steps.OrderBy(s => s.Deadline).ToList(),
                target.Evaluate(readings, asOf), readings.TakeLast(DashboardService.SparklineDays).Select(r => r.Value).ToList()));
        }
        return rows;
    }

    /// <summary>A target's actuals on or before <paramref name="asOf"/>: the current hand-entered values, or the daily snapshots of its metric for the scope.</summary>
    private static async Task<List<TargetReading>> ReadingsAsync(EduPortalDbContext db, PlanTarget target, DateOnly asOf, CancellationToken cancellationToken) =>
        target.IsHandEntered
            ? (await db.PlanTargetEntries.AsNoTracking().Where(e => e.PlanTargetId == target.Id && e.SupersededAt == null && e.Date <= asOf)
                .OrderBy(e => e.Date).Select(e => new { e.Date, e.Value }).ToListAsync(cancellationToken))
                .Select(e => new TargetReading(e.Date, e.Value)).ToList()
            : (await db.MetricSnapshots.AsNoTracking()
                .Where(s => s.MetricKey == target.MetricKey && s.OrgUnitId == target.ScopeUnitId && s.Date <= asOf && s.Value != null)
                .OrderBy(s => s.Date).Select(s => new { s.Date, s.Value }).ToListAsync(cancellationToken))
                .Select(s => new TargetReading(s.Date, s.Value!.Value)).ToList();

    /// <summary>
    /// A target with its trajectory: the path and the actuals from the baseline to the last step's deadline (or today, if
    /// later); for a hand-entered target its entries with their corrections, for a bound one each unit directly under the
    /// scope measured against the same path.
    /// </summary>
    public async Task<Result<PlanTargetView>> GetTargetAsync(Caller caller, int targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PlanTargets.AsNoTracking().WithinJurisdiction(caller).Include(t => t.Steps).Include(t => t.Entries).ThenInclude(e => e.Files)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return new NotFoundError();
        }
        var today = Today;
        var readings = await ReadingsAsync(db, target, today, cancellationToken);
        var planTitle = await db.Plans.AsNoTracking().Where(p => p.Id == target.PlanId).Select(p => p.Title).SingleAsync(cancellationToken);
        var first = readings.Count > 0 && readings[0].Date < target.BaselineDate ? readings[0].Date : target.BaselineDate;
        var last = target.Steps.Max(s => s.Deadline);
        var byDate = readings.ToDictionary(r => r.Date, r => r.Value);
        var points = new List<TrajectoryPoint>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            points.Add(new TrajectoryPoint(day, target.ExpectedOn(day), day <= today && byDate.TryGetValue(day, out var value) ? value : null));
        }
        var page = _metrics.FirstOrDefault(m => m.Definition.Key == target.MetricKey)?.Definition.PagePath;
        var units = target.IsHandEntered ? [] : await UnitRowsAsync(db, target, today, cancellationToken);
        var history = target.Entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.EnteredAt).ToList();
        return new PlanTargetView(target, planTitle, target.Evaluate(readings, today), points, page, target.PermissionsFor(caller), history, units);
    }

    /// <summary>
    /// Each unit directly under a bound target's scope against the target's path ("per unit in scope"): its latest snapshot
    /// and its last snapshot on or before each passed step deadline — a handful of rows per unit, never a year of them.
    /// </summary>
    private static async Task<List<TargetUnitRow>> UnitRowsAsync(EduPortalDbContext db, PlanTarget target, DateOnly today, CancellationToken cancellationToken)
    {
        var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == target.ScopeUnitId).OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return [];
        }
        var ids = children.Select(c => c.Id).ToList();
        var readings = children.ToDictionary(c => c.Id, _ => new List<TargetReading>());
        foreach (var date in target.Steps.Select(s => s.Deadline).Where(d => d < today).Append(today).Distinct())
        {
            var latest = await db.MetricSnapshots.AsNoTracking()
                .Where(s => s.MetricKey == target.MetricKey && ids.Contains(s.OrgUnitId) && s.Date <= date && s.Value != null)
                .GroupBy(s => s.OrgUnitId)
                .Select(g => g.OrderByDescending(s => s.Date).Select(s => new { s.OrgUnitId, s.Date, s.Value }).First())
                .ToListAsync(cancellationToken);
            foreach (var row in latest)
            {
                readings[row.OrgUnitId].Add(new TargetReading(row.Date, row.Value!.Value));
            }
        }
        return children.Select(c =>
        {
            var evaluation = target.Evaluate(readings[c.Id].Distinct().OrderBy(r => r.Date).ToList(), today);
            return new TargetUnitRow(c.Id, c.Name, evaluation.Actual, evaluation.Status);
        }).ToList();
    }

    /// <summary>
    /// Enters a hand-entered value with its evidence (or, with <paramref name="correctingEntryId"/>, corrects an entry: the
    /// old one stays in the history, superseded). The value is checked before the file is stored, the file is
    /// content-checked by the upload pipeline, and the entry, the superseded mark and the audit entry are saved together:
    /// a refusal at any step leaves nothing behind.
    /// </summary>
    public async Task<Result> EnterValueAsync(Caller caller, int targetId, PlanTargetEntryInput input, PlanUpload? upload, int? correctingEntryId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PlanTargets.WithinJurisdiction(caller).Include(t => t.Entries).ThenInclude(e => e.Files)
            .SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return new NotFoundError();
        }
        var before = correctingEntryId is { } id ? target.Entries.FirstOrDefault(e => e.Id == id) : null;
        if (correctingEntryId is not null && before is null)
        {
            return new NotFoundError();
        }
        var today = Today;
        var draft = new PlanTargetEntryDraft(input.Date is { } d ? DateOnly.FromDateTime(d) : null, input.Value, input.Note, input.Link, upload is not null);
        if (target.CheckEntry(caller, draft, today, before) is { } refused)
        {
            return refused;
        }
        var (beforeDate, beforeValue) = (before?.Date, before?.Value);
        Result<PlanTargetEntry> entered = default;
        if (upload is null)
        {
            entered = target.Enter(caller, draft, null, today, clock.GetUtcNow(), before);
        }
        else
        {
            var stored = await StoreAttachmentAsync(uploads, upload.Content, upload.Length, (key, contentType) =>
            {
                entered = target.Enter(caller, draft, new StoredPlanFile(key, upload.FileName, contentType), today, clock.GetUtcNow(), before);
                return entered.Succeeded ? Result.Success : entered.Error!;
            }, cancellationToken);
            if (!stored.Succeeded)
            {
                return stored;
            }
        }
        if (!entered.Succeeded)
        {
            return entered.Error!;
        }
        var entry = entered.Value!;
        var value = PlanStyles.Number(entry.Value, target.Unit);
        db.Audit(caller, clock, before is null ? AuditActions.PlanTargetValueEntered : AuditActions.PlanTargetValueCorrected, nameof(PlanTarget), Key(target.Id),
            target.ScopePath,
            before is null
                ? $"填报目标“{target.Name}”（{target.ScopeName}）{ChinaTime.FormatDate(entry.Date)} 的数值 {value}"
                : $"更正目标“{target.Name}”（{target.ScopeName}）的填报值：{ChinaTime.FormatDate(beforeDate!.Value)} {PlanStyles.Number(beforeValue, target.Unit)} → {ChinaTime.FormatDate(entry.Date)} {value}",
            before: before is null ? null : new { 日期 = beforeDate, 数值 = beforeValue },
            after: new { 日期 = entry.Date, 数值 = entry.Value, 佐证说明 = entry.EvidenceNote, 佐证链接 = entry.EvidenceLink, 佐证材料 = entry.Files.Select(f => f.FileName).ToList() });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>A hand-entered value's evidence file, only for callers who may see the target (another unit's ids answer null, i.e. 404).</summary>
    public async Task<PlanTargetEntryFile?> FindEntryFileAsync(Caller caller, int targetId, int entryId, int fileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PlanTargets.AsNoTracking().WithinJurisdiction(caller).Where(t => t.Id == targetId)
            .SelectMany(t => t.Entries).Where(e => e.Id == entryId).SelectMany(e => e.Files).SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
    }

    /// <summary>
    /// What needs attention in a jurisdiction on a China date — the query the home page's flag and (once they exist, issue
    /// 15) the weekly bulletin call: tasks of units inside <paramref name="jurisdictionPath"/> overdue on
    /// <paramref name="asOf"/> (not completed by that day's end), and targets scoped inside it that were 进度滞后 or 未达成
    /// by their readings up to that date (circular 004 §六(四) 监督检查; SPEC §7 "overdue tasks and off-track targets are flagged").
    /// </summary>
    public async Task<PlanAlerts> AlertsAsync(string jurisdictionPath, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overdue = db.PlanTasks.AsNoTracking().OverdueWithin(jurisdictionPath, asOf, MetricRollup.EndOf(asOf));
        var count = await overdue.CountAsync(cancellationToken);
        var tasks = await overdue.Join(db.Plans, t => t.PlanId, p => p.Id, (t, p) => new { t.Id, t.Title, PlanTitle = p.Title, t.DueDate, t.ResponsibleUnitName })
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id).Take(MaxAlerts)
            .Select(t => new OverdueTask(t.Id, t.Title, t.PlanTitle, t.DueDate, t.ResponsibleUnitName)).ToListAsync(cancellationToken);
        var targets = await TargetRowsAsync(db, db.PlanTargets.AsNoTracking().Where(t => t.ScopePath.StartsWith(jurisdictionPath) && t.BaselineDate <= asOf), asOf,
            cancellationToken);
        return new PlanAlerts(tasks, count, targets.Where(t => t.Evaluation.Status is TrajectoryStatus.AtRisk or TrajectoryStatus.Missed).ToList());
    }

    /// <summary>The home page's flag: <see cref="AlertsAsync"/> for an admin's jurisdiction today; nothing for a teacher.</summary>
    public Task<PlanAlerts> AlertsForAsync(Caller caller, CancellationToken cancellationToken = default) =>
        caller.IsAdmin ? AlertsAsync(caller.OrgPath, Today, cancellationToken) : Task.FromResult(PlanAlerts.None);

    /// <summary>Targets on the caller's own unit (for the dashboard), evaluated today.</summary>
    public static Task<List<PlanTargetRow>> TargetsForScopeAsync(EduPortalDbContext db, Caller caller, int scopeUnitId, DateOnly today, CancellationToken cancellationToken) =>
        TargetRowsAsync(db, db.PlanTargets.AsNoTracking().WithinJurisdiction(caller).Where(t => t.ScopeUnitId == scopeUnitId), today, cancellationToken);

    public static Task<List<PlanTargetRow>> TargetRowsForAsync(EduPortalDbContext db, IQueryable<PlanTarget> query, DateOnly today, CancellationToken cancellationToken) =>
        TargetRowsAsync(db, query, today, cancellationToken);
}
