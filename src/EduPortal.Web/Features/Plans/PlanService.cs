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
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Plans;

/// <summary>Plans, their tasks and targets for the pages: every read starts from <see cref="PlanJurisdiction"/>, every change is audited.</summary>
public sealed class PlanService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, UploadPipeline uploads, IEnumerable<IMetricSource> metrics)
{
    private const int MaxUnitChoices = 800;
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
        var created = Plan.Create(caller, PlanUnit.Of(owner), input.Title, DateOnly.FromDateTime(input.PeriodStart!.Value),
            DateOnly.FromDateTime(input.PeriodEnd!.Value), input.DocumentNumber, clock.GetUtcNow());
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var plan = created.Value!;
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit(caller, clock, AuditActions.PlanCreated, nameof(Plan), Key(plan.Id), plan.OwnerPath, $"制订工作方案“{plan.Title}”",
            after: new { plan.Title, plan.DocumentNumber, plan.PeriodStart, plan.PeriodEnd });
        await db.SaveChangesAsync(cancellationToken);
        return plan.Id;
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
        var targets = await TargetRowsAsync(db, db.PlanTargets.AsNoTracking().Where(t => t.PlanId == planId), today, cancellationToken);
        var permissions = plan.PermissionsFor(caller);
        var units = permissions.CanEdit
            ? await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(plan.OwnerPath)).OrderBy(o => o.Kind).ThenBy(o => o.Path)
                .Take(MaxUnitChoices).Select(o => new UnitChoice(o.Id, o.Name, o.Kind)).ToListAsync(cancellationToken)
            : [];
        return new PlanView(plan, permissions, rows, targets, units, Metrics);
    }

    /// <summary>Adds a member of the leadership group (circular 004 §六(一)1), audited.</summary>
    public async Task<Result> AddLeaderAsync(Caller caller, int planId, PlanLeaderRole role, string name, string post, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.WithinJurisdiction(caller).Include(p => p.Leaders).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new NotFoundError();
        }
        var result = plan.AddLeader(caller, role, name, post);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, AuditActions.PlanChanged, nameof(Plan), Key(plan.Id), plan.OwnerPath, $"“{plan.Title}”领导小组增加{role.DisplayName()} {name.Trim()}");
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
        var created = PlanTask.Create(plan, caller, PlanUnit.Of(unit), input.Title, input.Period, DateOnly.FromDateTime(input.StartDate!.Value),
            DateOnly.FromDateTime(input.DueDate!.Value), input.ResponsiblePeople, input.SupervisingOffice);
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var task = created.Value!;
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit(caller, clock, AuditActions.PlanTaskAdded, nameof(PlanTask), Key(task.Id), plan.OwnerPath,
            $"在“{plan.Title}”中添加任务“{task.Title}”（{task.ResponsibleUnitName}，{ChinaTime.FormatDate(task.DueDate)} 前）");
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
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
    /// Sets a target bound to a metric; its baseline is the metric's value for the scope today (the path starts there).
    /// Up to two steps from the form (circular 004: 30% then 50%).
    /// </summary>
    public async Task<Result<int>> AddTargetAsync(Caller caller, int planId, PlanTargetInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new NotFoundError();
        }
        var source = _metrics.FirstOrDefault(m => m.Definition.Key == input.MetricKey);
        var scope = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.ScopeUnitId, cancellationToken);
        var missing = new ValidationBuilder()
            .Check(source is not null, nameof(PlanTarget.MetricKey), "请选择绑定的指标")
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
        var reading = await source!.ReadAsync(scope, today, cancellationToken);
        var created = PlanTarget.Create(plan, caller, source.Definition, PlanUnit.Of(scope), input.Name, reading.Scope.Value ?? 0, today, steps);
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var target = created.Value!;
        db.PlanTargets.Add(target);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit(caller, clock, AuditActions.PlanTargetSet, nameof(PlanTarget), Key(target.Id), plan.OwnerPath,
            $"为“{plan.Title}”设定目标“{target.Name}”（{target.ScopeName}）：{string.Join("，", target.Steps.Select(s => $"{ChinaTime.FormatDate(s.Deadline)} 前达到 {s.Value.ToString("0.##", CultureInfo.InvariantCulture)}{target.Unit}"))}");
        await db.SaveChangesAsync(cancellationToken);
        return target.Id;
    }

    private static async Task<List<PlanTargetRow>> TargetRowsAsync(EduPortalDbContext db, IQueryable<PlanTarget> query, DateOnly today, CancellationToken cancellationToken)
    {
        var targets = await query.Include(t => t.Steps).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var rows = new List<PlanTargetRow>(targets.Count);
        foreach (var target in targets)
        {
            var readings = await ReadingsAsync(db, target, today, cancellationToken);
            rows.Add(new PlanTargetRow(target.Id, target.Name, target.ScopeName, target.Unit, target.Steps.OrderBy(s => s.Deadline).ToList(), target.Evaluate(readings, today)));
        }
        return rows;
    }

    private static async Task<List<TargetReading>> ReadingsAsync(EduPortalDbContext db, PlanTarget target, DateOnly today, CancellationToken cancellationToken) =>
        (await db.MetricSnapshots.AsNoTracking()
            .Where(s => s.MetricKey == target.MetricKey && s.OrgUnitId == target.ScopeUnitId && s.Date <= today && s.Value != null)
            .OrderBy(s => s.Date).Select(s => new { s.Date, s.Value }).ToListAsync(cancellationToken))
        .Select(s => new TargetReading(s.Date, s.Value!.Value)).ToList();

    /// <summary>A target with its trajectory: the path and the daily actuals from the baseline to the last step's deadline (or today, if later).</summary>
    public async Task<Result<PlanTargetView>> GetTargetAsync(Caller caller, int targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PlanTargets.AsNoTracking().WithinJurisdiction(caller).Include(t => t.Steps).SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
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
        return new PlanTargetView(target, planTitle, target.Evaluate(readings, today), points, page);
    }

    /// <summary>The caller's unit's overdue tasks, for the home card (the responsible unit is flagged, circular 004 §六(四) 监督检查).</summary>
    public async Task<IReadOnlyList<OverdueTask>> OverdueForAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PlanTasks.AsNoTracking().OverdueFor(caller.OrgUnitId, Today)
            .Join(db.Plans, t => t.PlanId, p => p.Id, (t, p) => new { t.Id, t.Title, PlanTitle = p.Title, t.DueDate })
            .OrderBy(t => t.DueDate).Take(20)
            .Select(t => new OverdueTask(t.Id, t.Title, t.PlanTitle, t.DueDate)).ToListAsync(cancellationToken);
    }

    /// <summary>Targets on the caller's own unit (for the dashboard), evaluated today.</summary>
    public static Task<List<PlanTargetRow>> TargetsForScopeAsync(EduPortalDbContext db, Caller caller, int scopeUnitId, DateOnly today, CancellationToken cancellationToken) =>
        TargetRowsAsync(db, db.PlanTargets.AsNoTracking().WithinJurisdiction(caller).Where(t => t.ScopeUnitId == scopeUnitId), today, cancellationToken);

    public static Task<List<PlanTargetRow>> TargetRowsForAsync(EduPortalDbContext db, IQueryable<PlanTarget> query, DateOnly today, CancellationToken cancellationToken) =>
        TargetRowsAsync(db, query, today, cancellationToken);
}
