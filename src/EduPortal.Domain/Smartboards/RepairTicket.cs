using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A repair ticket (报修单) for one device, handled in the tiers of circular 003 §二.4 ("分级负责、责任到人"):
/// the school's technician first, then the township centre's 教育技术服务组, then the county bureau. Each tier has a
/// deadline in working days; when it passes, or on the technician's request, the ticket goes up a tier. Every step is
/// recorded (003 §二.1: 维护维修记录整理归档). Closing needs the reporter's or the head teacher's acceptance — the head
/// teacher is responsible for the class's devices (003 §二.2: 班主任要对本班的设备负责).
/// </summary>
public sealed class RepairTicket : ITownshipScoped
{
    public const int MaxTextLength = 500;
    public const int MaxPartsLength = 200;
    public const decimal MaxCost = 1_000_000m;
    public const string JobActorName = "系统（超时自动上报）";

    private readonly List<RepairStep> _steps = [];

    private RepairTicket()
    {
    }

    public long Id { get; private set; }
    public long DeviceId { get; private set; }
    public string AssetTag { get; private set; } = "";
    public string DeviceName { get; private set; } = "";
    public string? ClassroomName { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";

    /// <summary>The school's org path: jurisdiction compares it with the caller's.</summary>
    public string SchoolPath { get; private set; } = "";
    public int? TownshipId { get; private set; }
    public int CountyId { get; private set; }

    public string ReporterId { get; private set; } = "";
    public string ReporterName { get; private set; } = "";

    /// <summary>The classroom's head teacher when the ticket was raised; may accept like the reporter.</summary>
    public string? HeadTeacherId { get; private set; }
    public string Fault { get; private set; } = "";
    public string? PhotoKey { get; private set; }

    public RepairTicketState State { get; private set; }
    public RepairTier Tier { get; private set; }
    public DateTimeOffset TierSince { get; private set; }

    /// <summary>End of the current tier's working days; only meaningful while the ticket is with a tier.</summary>
    public DateTimeOffset TierDeadline { get; private set; }
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }

    /// <summary>Set once any tier let its deadline pass; the figures' overdue share counts these.</summary>
    public bool EverOverdue { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public decimal TotalCost { get; private set; }

    /// <summary>Minutes from the report to the resolution that was accepted as fixed: the figures' time to repair.</summary>
    public int? RepairMinutes { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<RepairStep> Steps => _steps;

    public bool HasTownship => TownshipId is not null;

    public bool IsOverdue(DateTimeOffset now) => State.IsWithTier() && now > TierDeadline;

    public static Result<RepairTicket> Raise(Caller reporter, RepairDevice device, string? fault, string? photoKey,
        RepairDeadlines deadlines, WorkingCalendar calendar, TimeProvider clock)
    {
        // Any account of the device's school may report: teachers use the classroom's devices, admins too.
        if (reporter.OrgKind != OrgUnitKind.School || reporter.OrgUnitId != device.SchoolId)
        {
            return new NotFoundError();
        }
        if (device.IsScrapped)
        {
            return new ConflictError("该设备已报废，不能报修。");
        }
        if (device.HasOpenTicket)
        {
            return new ConflictError("该设备已有未完成的报修单，请在报修单中查看进度。");
        }
        var text = CheckText(fault, "Fault", "故障描述", required: true);
        if (text.Error is not null)
        {
            return text.Error;
        }
        var now = clock.GetUtcNow();
        var ticket = new RepairTicket
        {
            DeviceId = device.DeviceId,
            AssetTag = device.AssetTag,
            DeviceName = device.DeviceName,
            ClassroomName = device.ClassroomName,
            SchoolId = device.SchoolId,
            SchoolName = device.SchoolName,
            SchoolPath = device.SchoolPath,
            TownshipId = device.TownshipId,
            CountyId = device.CountyId,
            ReporterId = reporter.UserId,
            ReporterName = reporter.RealName,
            HeadTeacherId = device.HeadTeacherId,
            Fault = text.Value!,
            PhotoKey = photoKey,
            RaisedAt = now,
        };
        ticket.EnterTier(RepairTier.School, deadlines, calendar, now);
        ticket.AddStep(RepairStepKind.Raised, reporter, now, ticket.Fault, null, null);
        return ticket;
    }

    /// <summary>Whether the caller serves the tier the ticket is at for its school (circular 003 §二.4).</summary>
    public bool ServesCurrentTier(Caller caller) => Serves(caller, Tier);

    public bool Serves(Caller caller, RepairTier tier) => tier switch
    {
        // The school's own technicians (专兼职技术人员).
        RepairTier.School => caller.Has(Capability.Technician) && caller.OrgKind == OrgUnitKind.School && caller.OrgUnitId == SchoolId,
        // The township centre's 教育技术服务组: technicians at the centre above the school.
        RepairTier.Township => caller.Has(Capability.Technician) && caller.OrgKind == OrgUnitKind.Township && caller.Covers(SchoolPath),
        // The bureau: the county's admins (and technicians at the county bureau).
        RepairTier.Bureau => caller.OrgKind == OrgUnitKind.County && (caller.IsAdmin || caller.Has(Capability.Technician)) && caller.Covers(SchoolPath),
        _ => false,
    };

    public bool IsReporterOrHeadTeacher(Caller caller) =>
        caller.UserId == ReporterId || (HeadTeacherId is not null && caller.UserId == HeadTeacherId);

    /// <summary>Reporter, head teacher, technicians whose unit covers the school, and admins over the school.</summary>
    public bool IsVisibleTo(Caller caller) =>
        IsReporterOrHeadTeacher(caller) || ((caller.IsAdmin || caller.Has(Capability.Technician)) && caller.Covers(SchoolPath));

    public RepairTicketPermissions PermissionsFor(Caller caller)
    {
        if (!IsVisibleTo(caller))
        {
            return RepairTicketPermissions.None;
        }
        return new RepairTicketPermissions(
            CanView: true,
            CanTake: CheckTake(caller) is null,
            CanWork: CheckWork(caller) is null,
            CanEscalate: CheckEscalate(caller) is null,
            CanResolve: CheckWork(caller) is null,
            CanAccept: CheckAccept(caller) is null);
    }

    /// <summary>A technician of the current tier takes the ticket (受理).</summary>
    public Result Take(Caller technician, TimeProvider clock)
    {
        var refusal = CheckTake(technician);
        if (refusal is not null)
        {
            return refusal;
        }
        var now = clock.GetUtcNow();
        AssigneeId = technician.UserId;
        AssigneeName = technician.RealName;
        State = RepairTicketState.InProgress;
        AddStep(RepairStepKind.Taken, technician, now, null, null, null);
        return Result.Success;
    }

    /// <summary>Records work done without closing (a visit, a part ordered).</summary>
    public Result RecordWork(Caller technician, string? note, string? parts, decimal? cost, TimeProvider clock) =>
        Work(technician, RepairStepKind.Worked, note, parts, cost, clock);

    /// <summary>The technician reports the device repaired; the reporter or head teacher then accepts.</summary>
    public Result Resolve(Caller technician, string? note, string? parts, decimal? cost, TimeProvider clock)
    {
        var result = Work(technician, RepairStepKind.Resolved, note, parts, cost, clock);
        if (result.Succeeded)
        {
            var now = clock.GetUtcNow();
            if (now > TierDeadline)
            {
                EverOverdue = true;
            }
            State = RepairTicketState.Resolved;
            ResolvedAt = now;
        }
        return result;
    }

    /// <summary>A technician of the current tier sends the ticket up (申请上报), with the reason.</summary>
    public Result Escalate(Caller technician, string? reason, RepairDeadlines deadlines, WorkingCalendar calendar, TimeProvider clock)
    {
        var refusal = CheckEscalate(technician);
        if (refusal is not null)
        {
            return refusal;
        }
        var text = CheckText(reason, "Reason", "上报原因", required: true);
        if (text.Error is not null)
        {
            return text.Error;
        }
        var now = clock.GetUtcNow();
        if (now > TierDeadline)
        {
            EverOverdue = true;
        }
        AddStep(RepairStepKind.Escalated, technician, now, text.Value, null, null);
        EnterTier(Tier.Next(HasTownship)!.Value, deadlines, calendar, now);
        return Result.Success;
    }

    /// <summary>
    /// The escalation job: a ticket whose tier let its deadline pass goes up one tier, with a fresh deadline from now.
    /// At the bureau there is nobody above, so the ticket only stays flagged. Running it twice changes nothing more.
    /// </summary>
    public bool EscalateIfOverdue(RepairDeadlines deadlines, WorkingCalendar calendar, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (!IsOverdue(now))
        {
            return false;
        }
        EverOverdue = true;
        var next = Tier.Next(HasTownship);
        if (next is null)
        {
            return false;
        }
        var note = $"{Tier.DisplayName()}未在 {deadlines.For(Tier)} 个工作日内修复（期限 {ChinaTime.Format(TierDeadline)}）";
        _steps.Add(new RepairStep(RepairStepKind.AutoEscalated, Tier, null, JobActorName, now, note, null, null));
        Version++;
        EnterTier(next.Value, deadlines, calendar, now);
        return true;
    }

    /// <summary>
    /// 验收 by the reporter or the head teacher: 修好 closes, 返修 reopens at the same tier with a fresh deadline,
    /// 报废 closes and scraps the device. Returns what the register must do to the device.
    /// </summary>
    public Result<DeviceOutcome> Accept(Caller actor, RepairVerdict verdict, string? comment, RepairDeadlines deadlines,
        WorkingCalendar calendar, TimeProvider clock)
    {
        var refusal = CheckAccept(actor);
        if (refusal is not null)
        {
            return refusal;
        }
        var text = CheckText(comment, "Comment", verdict == RepairVerdict.Fixed ? "验收意见" : "原因", required: verdict != RepairVerdict.Fixed);
        if (text.Error is not null)
        {
            return text.Error;
        }
        var now = clock.GetUtcNow();
        switch (verdict)
        {
            case RepairVerdict.Fixed:
                AddStep(RepairStepKind.AcceptedFixed, actor, now, text.Value, null, null);
                State = RepairTicketState.Closed;
                ClosedAt = now;
                RepairMinutes = (int)Math.Round(((ResolvedAt ?? now) - RaisedAt).TotalMinutes);
                return DeviceOutcome.ReturnToService;
            case RepairVerdict.Rework:
                AddStep(RepairStepKind.Reworked, actor, now, text.Value, null, null);
                ResolvedAt = null;
                var assignee = (AssigneeId, AssigneeName);
                EnterTier(Tier, deadlines, calendar, now);
                // The technician who resolved it fixes it again.
                (AssigneeId, AssigneeName) = assignee;
                State = AssigneeId is null ? RepairTicketState.Waiting : RepairTicketState.InProgress;
                return DeviceOutcome.None;
            case RepairVerdict.Scrap:
                AddStep(RepairStepKind.Scrapped, actor, now, text.Value, null, null);
                State = RepairTicketState.Scrapped;
                ClosedAt = now;
                return DeviceOutcome.Scrap;
            default:
                return ValidationError.For("Verdict", "请选择验收结果");
        }
    }

    private Result Work(Caller technician, RepairStepKind kind, string? note, string? parts, decimal? cost, TimeProvider clock)
    {
        var refusal = CheckWork(technician);
        if (refusal is not null)
        {
            return refusal;
        }
        var errors = new ValidationBuilder();
        var text = CheckText(note, "Note", "维修内容", required: true);
        errors.Check(text.Error is null, "Note", text.Error?.Message ?? "");
        var trimmedParts = string.IsNullOrWhiteSpace(parts) ? null : parts.Trim();
        errors.Check(trimmedParts is null || trimmedParts.Length <= MaxPartsLength, "Parts", $"更换配件不能超过 {MaxPartsLength} 字");
        errors.Check(cost is null or (>= 0 and <= MaxCost), "Cost", $"费用须在 0 至 {MaxCost:0} 元之间");
        errors.Check(cost is null || decimal.Round(cost.Value, 2) == cost.Value, "Cost", "费用最多两位小数");
        var problems = errors.Build();
        if (problems is not null)
        {
            return problems;
        }
        var now = clock.GetUtcNow();
        if (State == RepairTicketState.Waiting)
        {
            // Working on an untaken ticket takes it.
            AssigneeId = technician.UserId;
            AssigneeName = technician.RealName;
            State = RepairTicketState.InProgress;
        }
        AddStep(kind, technician, now, text.Value, trimmedParts, cost);
        TotalCost += cost ?? 0;
        return Result.Success;
    }

    private Error? CheckTake(Caller caller)
    {
        if (!IsVisibleTo(caller))
        {
            return new NotFoundError();
        }
        if (!ServesCurrentTier(caller))
        {
            return new ForbiddenError($"该报修单现由{Tier.DisplayName()}处理，您不能受理。");
        }
        return State == RepairTicketState.Waiting ? null : new ConflictError("该报修单已被受理或已处理完毕，请刷新后查看。");
    }

    private Error? CheckWork(Caller caller)
    {
        if (!IsVisibleTo(caller))
        {
            return new NotFoundError();
        }
        if (!ServesCurrentTier(caller))
        {
            return new ForbiddenError($"该报修单现由{Tier.DisplayName()}处理。");
        }
        return State.IsWithTier() ? null : new ConflictError("该报修单已维修完成或已关闭，请刷新后查看。");
    }

    private Error? CheckEscalate(Caller caller)
    {
        var refusal = CheckWork(caller);
        if (refusal is not null)
        {
            return refusal;
        }
        return Tier.Next(HasTownship) is null ? new ConflictError("已在县教体局处理，不能再上报。") : null;
    }

    private Error? CheckAccept(Caller caller)
    {
        if (!IsVisibleTo(caller))
        {
            return new NotFoundError();
        }
        if (!IsReporterOrHeadTeacher(caller))
        {
            return new ForbiddenError("只有报修人或班主任可以验收。");
        }
        return State == RepairTicketState.Resolved ? null : new ConflictError("该报修单不在待验收状态，请刷新后查看。");
    }

    private void EnterTier(RepairTier tier, RepairDeadlines deadlines, WorkingCalendar calendar, DateTimeOffset now)
    {
        Tier = tier;
        TierSince = now;
        TierDeadline = calendar.Deadline(now, deadlines.For(tier));
        AssigneeId = null;
        AssigneeName = null;
        State = RepairTicketState.Waiting;
    }

    private void AddStep(RepairStepKind kind, Caller actor, DateTimeOffset now, string? note, string? parts, decimal? cost)
    {
        _steps.Add(new RepairStep(kind, Tier, actor.UserId, actor.RealName, now, note, parts, cost));
        Version++;
    }

    private static Result<string?> CheckText(string? text, string field, string label, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is null)
        {
            return required ? ValidationError.For(field, $"请填写{label}") : Result<string?>.Ok(null);
        }
        if (trimmed.Length < 2)
        {
            return ValidationError.For(field, $"{label}至少 2 个字");
        }
        return trimmed.Length > MaxTextLength ? ValidationError.For(field, $"{label}不能超过 {MaxTextLength} 字") : Result<string?>.Ok(trimmed);
    }
}
