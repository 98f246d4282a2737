using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Repairs;

/// <summary>
/// Repair tickets in the tiers of circular 003 §二.4: reporting from a device, the tier queues, every technician action,
/// the reporter's acceptance and the escalation job. Each state change is audited and changes the device's status
/// (维修中 while open, back in use when fixed, scrapped on 报废).
/// </summary>
public sealed class RepairTicketService(IDbContextFactory<EduPortalDbContext> dbFactory, UploadPipeline uploads, TimeProvider clock,
    ILogger<RepairTicketService> logger)
{
    public const string JobActorId = "system:repair-escalation";
    public const int QueueLimit = 200;

    public static readonly UploadPolicy PhotoPolicy = UploadPolicy.Photo with { Category = "repair-photos" };

    /// <summary>The tier the caller serves, if any (the queue it works from).</summary>
    public static RepairTier? ServedTier(Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.School when caller.Has(Capability.Technician) => RepairTier.School,
        OrgUnitKind.Township when caller.Has(Capability.Technician) => RepairTier.Township,
        OrgUnitKind.County when caller.IsAdmin || caller.Has(Capability.Technician) => RepairTier.Bureau,
        _ => null,
    };

    public async Task<RepairDeviceView?> DeviceForReportAsync(Caller caller, long deviceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await RepairDeviceLookup.FindAsync(db, caller, deviceId, cancellationToken);
        if (device is null)
        {
            return null;
        }
        var openId = await db.RepairTickets.Where(t => t.DeviceId == deviceId && OpenStates.Contains(t.State))
            .Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        return new RepairDeviceView(deviceId, device.Facts.AssetTag, device.Facts.DeviceName, device.Facts.ClassroomName, device.Facts.SchoolName,
            device.Facts.IsScrapped, openId);
    }

    /// <summary>A teacher reports a fault; the device goes to 维修中. The photo, if any, goes through the upload pipeline.</summary>
    public async Task<Result<long>> RaiseAsync(Caller caller, long deviceId, string? fault, Stream? photo = null, long photoLength = 0,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await RepairDeviceLookup.FindAsync(db, caller, deviceId, cancellationToken);
        if (device is null)
        {
            return new NotFoundError();
        }
        var hasOpen = await db.RepairTickets.AnyAsync(t => t.DeviceId == deviceId && OpenStates.Contains(t.State), cancellationToken);
        var facts = device.Facts with { HasOpenTicket = hasOpen };
        var calendar = await WorkingCalendarService.CalendarAsync(db, cancellationToken);
        var deadlines = await WorkingCalendarService.DeadlinesAsync(db, facts.CountyId, cancellationToken);
        // Check the ticket before storing a photo, so a refused report leaves no file behind.
        var check = RepairTicket.Raise(caller, facts, fault, null, deadlines, calendar, clock);
        if (!check.Succeeded)
        {
            return check.Error!;
        }
        var upload = await uploads.StoreOptionalAsync(photo, photoLength, PhotoPolicy, "Photo", cancellationToken);
        if (!upload.Succeeded)
        {
            return upload.Error!;
        }
        var stored = upload.Value;
        var ticket = RepairTicket.Raise(caller, facts, fault, stored?.Key, deadlines, calendar, clock).Value!;
        db.RepairTickets.Add(ticket);
        var statusBefore = device.SetUnderRepair(caller, clock);
        db.Audit(caller, clock, AuditActions.SmartboardRepairRaised, nameof(RepairTicket), $"device:{deviceId}", facts.SchoolPath,
            $"{caller.RealName} 报修{facts.ClassroomName}{facts.DeviceName}（{facts.AssetTag}）：{ticket.Fault}",
            new { 设备状态 = statusBefore }, new { 状态 = ticket.State.DisplayName(), 层级 = ticket.Tier.DisplayName(), 设备状态 = device.StatusName });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (stored is not null)
            {
                await uploads.DeleteAsync(stored, CancellationToken.None);
            }
            return new ConflictError("该设备刚被其他人修改或报修，请刷新后查看。");
        }
        return ticket.Id;
    }

    public async Task<IReadOnlyList<RepairTicketRow>> QueueAsync(Caller caller, RepairQueue queue, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var tickets = db.RepairTickets.AsNoTracking();
        switch (queue)
        {
            case RepairQueue.MyTier:
                if (ServedTier(caller) is not { } tier)
                {
                    return [];
                }
                tickets = AtTier(tickets, caller, tier).Where(t => t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress)
                    .OrderBy(t => t.TierDeadline);
                break;
            case RepairQueue.AwaitingAcceptance:
                tickets = tickets.VisibleTo(caller).Where(t => t.State == RepairTicketState.Resolved).OrderBy(t => t.ResolvedAt);
                break;
            case RepairQueue.AllOpen:
                tickets = tickets.VisibleTo(caller).Where(t => OpenStates.Contains(t.State)).OrderBy(t => t.TierDeadline);
                break;
            default:
                tickets = tickets.VisibleTo(caller).Where(t => t.State == RepairTicketState.Closed || t.State == RepairTicketState.Scrapped)
                    .OrderByDescending(t => t.ClosedAt);
                break;
        }
        return await ToRows(tickets.Take(QueueLimit), now).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A device's repair history for its page (the register's DeviceServiceSlot): tickets of schools in the caller's
    /// subtree, newest first. Anyone who may browse the device sees what was wrong and how it ended.
    /// </summary>
    public async Task<IReadOnlyList<RepairTicketRow>> DeviceHistoryAsync(Caller caller, long deviceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = db.RepairTickets.AsNoTracking().Where(t => t.DeviceId == deviceId && t.SchoolPath.StartsWith(caller.OrgPath))
            .OrderByDescending(t => t.RaisedAt);
        return await ToRows(tickets.Take(50), clock.GetUtcNow()).ToListAsync(cancellationToken);
    }

    /// <summary>The tickets the caller reported or is head teacher for (the acceptance list), awaiting acceptance first.</summary>
    public async Task<IReadOnlyList<RepairTicketRow>> MineAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = db.RepairTickets.AsNoTracking().Where(t => t.ReporterId == caller.UserId || t.HeadTeacherId == caller.UserId)
            .OrderBy(t => t.State == RepairTicketState.Resolved ? 0 : OpenStates.Contains(t.State) ? 1 : 2).ThenByDescending(t => t.RaisedAt);
        return await ToRows(tickets.Take(QueueLimit), clock.GetUtcNow()).ToListAsync(cancellationToken);
    }

    public async Task<RepairTicketView?> GetAsync(Caller caller, long ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.RepairTickets.AsNoTracking().Include(t => t.Steps).VisibleTo(caller).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null || !ticket.IsVisibleTo(caller))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var row = new RepairTicketRow(ticket.Id, ticket.DeviceId, ticket.AssetTag, ticket.DeviceName, ticket.ClassroomName, ticket.SchoolName, ticket.Fault,
            ticket.State, ticket.Tier, ticket.RaisedAt, ticket.TierDeadline, ticket.AssigneeName, ticket.ReporterName, ticket.IsOverdue(now));
        var steps = ticket.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new RepairStepView(s.Kind, s.Tier, s.ActorName, s.At, s.Note, s.Parts, s.Cost)).ToList();
        return new RepairTicketView(row, ticket.PhotoKey is not null, ticket.HasTownship, ticket.TotalCost, ticket.Version, steps, ticket.PermissionsFor(caller));
    }

    public Task<Result> TakeAsync(Caller caller, long ticketId, int version, CancellationToken cancellationToken = default) =>
        TransitionAsync(caller, ticketId, version, AuditActions.SmartboardRepairTaken, (t, _, _) => t.Take(caller, clock),
            t => $"{caller.RealName} 受理报修：{t.DeviceName}（{t.AssetTag}）", cancellationToken);

    public Task<Result> RecordWorkAsync(Caller caller, long ticketId, int version, string? note, string? parts, decimal? cost,
        CancellationToken cancellationToken = default) =>
        TransitionAsync(caller, ticketId, version, AuditActions.SmartboardRepairWorked, (t, _, _) => t.RecordWork(caller, note, parts, cost, clock),
            t => $"{caller.RealName} 记录维修：{t.DeviceName}（{t.AssetTag}）{note?.Trim()}", cancellationToken);

    public Task<Result> ResolveAsync(Caller caller, long ticketId, int version, string? note, string? parts, decimal? cost,
        CancellationToken cancellationToken = default) =>
        TransitionAsync(caller, ticketId, version, AuditActions.SmartboardRepairResolved, (t, _, _) => t.Resolve(caller, note, parts, cost, clock),
            t => $"{caller.RealName} 维修完成，待验收：{t.DeviceName}（{t.AssetTag}）{note?.Trim()}", cancellationToken);

    public Task<Result> EscalateAsync(Caller caller, long ticketId, int version, string? reason, CancellationToken cancellationToken = default) =>
        TransitionAsync(caller, ticketId, version, AuditActions.SmartboardRepairEscalated, (t, deadlines, calendar) => t.Escalate(caller, reason, deadlines, calendar, clock),
            t => $"{caller.RealName} 将报修上报至{t.Tier.DisplayName()}：{t.DeviceName}（{t.AssetTag}）{reason?.Trim()}", cancellationToken);

    /// <summary>修好 / 返修 / 报废 by the reporter or head teacher; the device's status follows.</summary>
    public async Task<Result> AcceptAsync(Caller caller, long ticketId, int version, RepairVerdict verdict, string? comment,
        CancellationToken cancellationToken = default)
    {
        DeviceOutcome outcome = DeviceOutcome.None;
        return await TransitionAsync(caller, ticketId, version, AuditActions.SmartboardRepairAccepted, (t, deadlines, calendar) =>
            {
                var result = t.Accept(caller, verdict, comment, deadlines, calendar, clock);
                outcome = result.Value;
                return result.Succeeded ? Result.Success : result.Error!;
            },
            t => $"{caller.RealName} 验收报修（{verdict.DisplayName()}）：{t.DeviceName}（{t.AssetTag}）{comment?.Trim()}", cancellationToken,
            afterTransition: async (db, t) =>
            {
                if (outcome == DeviceOutcome.None)
                {
                    return null;
                }
                var device = await RepairDeviceLookup.FindForUpdateAsync(db, t.DeviceId, cancellationToken);
                if (device is null)
                {
                    return null;
                }
                return outcome == DeviceOutcome.Scrap ? device.Scrap(caller, clock) : device.ReturnToService(caller, clock);
            });
    }

    /// <summary>
    /// The hourly escalation job: every ticket whose tier let its deadline pass goes up one tier (school → township
    /// centre → bureau). Running it again changes nothing until a new deadline passes.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var calendar = await WorkingCalendarService.CalendarAsync(db, cancellationToken);
        var deadlines = await db.RepairDeadlineSettings.AsNoTracking().ToDictionaryAsync(s => s.CountyId, s => s.Deadlines, cancellationToken);
        var escalated = 0;
        while (true)
        {
            var batch = await db.RepairTickets.Include(t => t.Steps)
                .Where(t => (t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress) && t.TierDeadline < now
                    && (t.Tier != RepairTier.Bureau || !t.EverOverdue))
                .OrderBy(t => t.Id).Take(200).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var ticket in batch)
            {
                var from = ticket.Tier;
                if (ticket.EscalateIfOverdue(deadlines.GetValueOrDefault(ticket.CountyId, RepairDeadlines.Default), calendar, clock))
                {
                    escalated++;
                    db.Audit(JobActorId, RepairTicket.JobActorName, clock, AuditActions.SmartboardRepairAutoEscalated, nameof(RepairTicket), Key(ticket), ticket.SchoolPath,
                        $"报修超时自动上报：{ticket.DeviceName}（{ticket.AssetTag}）从{from.DisplayName()}上报至{ticket.Tier.DisplayName()}",
                        new { 层级 = from.DisplayName() }, new { 层级 = ticket.Tier.DisplayName() });
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (escalated > 0)
        {
            logger.LogInformation("Repair escalation: {Count} overdue tickets went up a tier.", escalated);
        }
        return escalated;
    }

    public async Task<RepairHomeSummary> HomeAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var tier = ServedTier(caller);
        int atTier = 0, overdueAtTier = 0, openHere = 0, overdueHere = 0;
        if (tier is { } served)
        {
            var mine = AtTier(db.RepairTickets, caller, served).Where(t => t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress);
            atTier = await mine.CountAsync(cancellationToken);
            overdueAtTier = await mine.CountAsync(t => t.TierDeadline < now, cancellationToken);
        }
        if (caller.IsAdmin)
        {
            var open = db.RepairTickets.WithinJurisdiction(caller).Where(t => t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress);
            openHere = await open.CountAsync(cancellationToken);
            overdueHere = await open.CountAsync(t => t.TierDeadline < now, cancellationToken);
        }
        // Reported by the caller, or of a room the caller is head teacher of (two indexed counts instead of an OR).
        var reported = db.RepairTickets.Where(t => t.ReporterId == caller.UserId);
        var asHeadTeacher = db.RepairTickets.Where(t => t.HeadTeacherId == caller.UserId && t.ReporterId != caller.UserId);
        var awaiting = await reported.CountAsync(t => t.State == RepairTicketState.Resolved, cancellationToken)
            + await asHeadTeacher.CountAsync(t => t.State == RepairTicketState.Resolved, cancellationToken);
        var myOpen = await reported.CountAsync(t => t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress, cancellationToken)
            + await asHeadTeacher.CountAsync(t => t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress, cancellationToken);
        return new RepairHomeSummary(tier, atTier, overdueAtTier, awaiting, myOpen, openHere, overdueHere);
    }

    /// <summary>The photo of a ticket, if the caller may open the ticket.</summary>
    public async Task<(Stream Stream, string ContentType)?> OpenPhotoAsync(Caller caller, long ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.RepairTickets.AsNoTracking().VisibleTo(caller).Where(t => t.Id == ticketId).Select(t => t.PhotoKey).SingleOrDefaultAsync(cancellationToken);
        return await uploads.OpenAsync(key, cancellationToken);
    }

    /// <summary>A tier deadline (24:00 at the end of its last working day) as the date it ends on: "2026-12-03 当天内".</summary>
    public static string FormatDeadline(DateTimeOffset deadline) =>
        $"{ChinaTime.FormatDate(DateOnly.FromDateTime(ChinaTime.ToChina(deadline.AddTicks(-1)).DateTime))} 当天内";

    internal static string Key(RepairTicket ticket) => ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static readonly RepairTicketState[] OpenStates = [RepairTicketState.Waiting, RepairTicketState.InProgress, RepairTicketState.Resolved];

    internal static IQueryable<RepairTicket> AtTier(IQueryable<RepairTicket> tickets, Caller caller, RepairTier tier) => tier switch
    {
        RepairTier.School => tickets.Where(t => t.SchoolId == caller.OrgUnitId && t.Tier == RepairTier.School),
        RepairTier.Township => tickets.Where(t => t.TownshipId == caller.OrgUnitId && t.Tier == RepairTier.Township),
        _ => tickets.Where(t => t.CountyId == caller.OrgUnitId && t.Tier == RepairTier.Bureau),
    };

    private static IQueryable<RepairTicketRow> ToRows(IQueryable<RepairTicket> tickets, DateTimeOffset now) =>
        tickets.Select(t => new RepairTicketRow(t.Id, t.DeviceId, t.AssetTag, t.DeviceName, t.ClassroomName, t.SchoolName, t.Fault, t.State, t.Tier,
            t.RaisedAt, t.TierDeadline, t.AssigneeName, t.ReporterName,
            (t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress) && t.TierDeadline < now));

    private async Task<Result> TransitionAsync(Caller caller, long ticketId, int version, string auditAction,
        Func<RepairTicket, RepairDeadlines, WorkingCalendar, Result> transition, Func<RepairTicket, string> summary, CancellationToken cancellationToken,
        Func<EduPortalDbContext, RepairTicket, Task<string?>>? afterTransition = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.RepairTickets.Include(t => t.Steps).VisibleTo(caller).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return new NotFoundError();
        }
        if (ticket.Version != version)
        {
            return new ConflictError("该报修单已被其他人处理，请刷新后查看最新状态。");
        }
        var before = new { 状态 = ticket.State.DisplayName(), 层级 = ticket.Tier.DisplayName(), 处理人 = ticket.AssigneeName };
        var calendar = await WorkingCalendarService.CalendarAsync(db, cancellationToken);
        var deadlines = await WorkingCalendarService.DeadlinesAsync(db, ticket.CountyId, cancellationToken);
        var result = transition(ticket, deadlines, calendar);
        if (!result.Succeeded)
        {
            return result;
        }
        var deviceStatus = afterTransition is null ? null : await afterTransition(db, ticket);
        db.Audit(caller, clock, auditAction, nameof(RepairTicket), Key(ticket), ticket.SchoolPath, summary(ticket), before,
            new { 状态 = ticket.State.DisplayName(), 层级 = ticket.Tier.DisplayName(), 处理人 = ticket.AssigneeName, 设备状态 = deviceStatus });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("该报修单已被其他人处理，请刷新后查看最新状态。");
        }
        return Result.Success;
    }
}
