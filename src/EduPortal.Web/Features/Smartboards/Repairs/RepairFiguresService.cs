using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Repairs;

/// <summary>
/// Repair figures per school and county (SPEC §6): open tickets, mean time to repair, overdue share and repeat faults
/// per device. A period counts the tickets raised in it; open and overdue-now counts are as of now.
/// </summary>
public sealed class RepairFiguresService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Per school, the raw counts every figure is computed from.</summary>
    internal sealed record SchoolCounts(int SchoolId, int? TownshipId, int CountyId, int Tickets, int Overdue, int Repaired, long RepairMinutes,
        int RepeatDevices, int OpenNow, int OverdueNow);

    public async Task<Result<RepairFigures>> FiguresAsync(Caller caller, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin && ServedTierIsNone(caller))
        {
            return new ForbiddenError("只有管理员和技术员可以查看报修统计。");
        }
        if (to < from)
        {
            return ValidationError.For("To", "结束日期不能早于开始日期");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        // The standard period (the page's default) is served from last night's snapshot plus a live count of what can
        // still change; any other period, or a day whose snapshot is not taken yet, is counted directly.
        var counts = (from, to) == StandardPeriod(today) && await db.RepairFigureSnapshots.AnyAsync(s => s.Day == today, cancellationToken)
            ? await RolledUpCountsAsync(db, caller, from, to, now, cancellationToken)
            : await CountsAsync(db, db.RepairTickets.WithinJurisdiction(caller), from, to, now, cancellationToken);
        return Figures(caller, from, to, counts, await UnitNamesAsync(db, caller, cancellationToken));
    }

    /// <summary>The same figures counted directly from the tickets (the path the snapshot's figures are checked against).</summary>
    public async Task<RepairFigures> DirectFiguresAsync(Caller caller, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await CountsAsync(db, db.RepairTickets.WithinJurisdiction(caller), from, to, clock.GetUtcNow(), cancellationToken);
        return Figures(caller, from, to, counts, await UnitNamesAsync(db, caller, cancellationToken));
    }

    private sealed record UnitName(int Id, string Name, string Path);

    private static async Task<List<UnitName>> UnitNamesAsync(EduPortalDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var byCounty = caller.OrgKind == OrgUnitKind.City;
        return await db.OrgUnits.WithinJurisdiction(caller)
            .Where(o => byCounty ? o.Kind == OrgUnitKind.County : o.Kind == OrgUnitKind.School)
            .Select(o => new UnitName(o.Id, o.Name, o.Path)).ToListAsync(cancellationToken);
    }

    private static RepairFigures Figures(Caller caller, DateOnly from, DateOnly to, List<SchoolCounts> counts, List<UnitName> names)
    {
        // The city sees its counties; everyone else sees schools.
        var byCounty = caller.OrgKind == OrgUnitKind.City;
        var groups = counts.GroupBy(c => byCounty ? c.CountyId : c.SchoolId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = names.OrderBy(n => n.Path, StringComparer.Ordinal)
            .Select(n => Row(n.Id, n.Name, groups.GetValueOrDefault(n.Id) ?? [])).ToList();
        return new RepairFigures(from, to, caller.OrgUnitName, Row(caller.OrgUnitId, "合计", counts), rows);
    }

    /// <summary>The page's default period on a day: the twelve months ending today.</summary>
    public static (DateOnly From, DateOnly To) StandardPeriod(DateOnly today) => (today.AddYears(-1).AddDays(1), today);

    /// <summary>
    /// The nightly job: per school, the counts of the standard period's tickets that were settled (closed or scrapped)
    /// before today began, and its repeat-fault devices among all tickets raised before today. Replaces every earlier
    /// snapshot; running it twice a day gives the same rows.
    /// </summary>
    public async Task<int> TakeSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var (from, _) = StandardPeriod(today);
        var start = WorkingCalendar.EndOfDay(from.AddDays(-1));
        var cutoff = WorkingCalendar.EndOfDay(today.AddDays(-1));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var raised = db.RepairTickets.Where(t => t.RaisedAt >= start && t.RaisedAt < cutoff);
        var settled = await SettledAsync(raised.Where(t => t.ClosedAt != null && t.ClosedAt < cutoff), start, cutoff, cancellationToken);
        var repeats = (await raised.GroupBy(t => new { t.SchoolId, t.SchoolPath, t.TownshipId, t.CountyId, t.DeviceId }).Where(g => g.Count() > 1)
                .Select(g => new { g.Key.SchoolId, g.Key.SchoolPath, g.Key.TownshipId, g.Key.CountyId }).ToListAsync(cancellationToken))
            .GroupBy(r => r.SchoolId).ToDictionary(g => g.Key, g => (First: g.First(), Devices: g.Count()));
        var rows = settled.Select(s => new RepairFigureSnapshot(today, s.SchoolId, s.SchoolPath, s.TownshipId, s.CountyId, s.Tickets, s.Overdue, s.Repaired, s.Minutes,
                repeats.TryGetValue(s.SchoolId, out var r) ? r.Devices : 0))
            .Concat(repeats.Where(r => settled.All(s => s.SchoolId != r.Key)).Select(r => new RepairFigureSnapshot(today, r.Key, r.Value.First.SchoolPath,
                r.Value.First.TownshipId, r.Value.First.CountyId, 0, 0, 0, 0, r.Value.Devices)))
            .ToList();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.RepairFigureSnapshots.AddRange(rows);
        db.ChangeTracker.DetectChanges();
        return await db.InTransactionAsync(async ct =>
        {
            await db.RepairFigureSnapshots.ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return rows.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// The standard period from today's snapshot plus what it cannot hold: open tickets (also the open-now figures),
    /// tickets settled since the day began, and devices that became repeat faults through today's tickets.
    /// </summary>
    private static async Task<List<SchoolCounts>> RolledUpCountsAsync(EduPortalDbContext db, Caller caller, DateOnly from, DateOnly to, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var start = WorkingCalendar.EndOfDay(from.AddDays(-1));
        var end = WorkingCalendar.EndOfDay(to);
        var cutoff = WorkingCalendar.EndOfDay(to.AddDays(-1));
        var tickets = db.RepairTickets.WithinJurisdiction(caller);
        var snapshot = await db.RepairFigureSnapshots.AsNoTracking().WithinJurisdiction(caller).Where(s => s.Day == to).ToListAsync(cancellationToken);
        var open = await OpenAsync(tickets, start, end, now, cancellationToken);
        // Only a unit id leads the (unit, closed-at) and (unit, raised-at) indexes: the city names its counties, and the
        // period filter on the day's few settled tickets is applied here rather than letting it pick the year's range.
        var recent = tickets;
        if (caller.OrgKind == OrgUnitKind.City)
        {
            var counties = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County).Select(o => o.Id).ToListAsync(cancellationToken);
            recent = recent.Where(t => counties.Contains(t.CountyId));
        }
        var settledToday = (await SettledAsync(recent.Where(t => t.ClosedAt >= cutoff), start, end, cancellationToken)).Where(c => c.Tickets > 0).ToList();
        // Today's tickets make a device a repeat fault when, with its earlier tickets of the period, it has two or more
        // (devices with two before today are in the snapshot already).
        var todays = await recent.Where(t => t.RaisedAt >= cutoff && t.RaisedAt < end).Select(t => new { t.SchoolId, t.TownshipId, t.CountyId, t.DeviceId })
            .ToListAsync(cancellationToken);
        var devices = todays.Select(t => t.DeviceId).Distinct().ToList();
        var before = (await db.RepairTickets.Where(t => devices.Contains(t.DeviceId) && t.RaisedAt >= start && t.RaisedAt < cutoff)
            .GroupBy(t => new { t.SchoolId, t.DeviceId }).Select(g => new { g.Key.SchoolId, g.Key.DeviceId, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(b => (b.SchoolId, b.DeviceId), b => b.Count);
        var newRepeats = todays.GroupBy(t => new { t.SchoolId, t.TownshipId, t.CountyId, t.DeviceId })
            .Where(g => before.GetValueOrDefault((g.Key.SchoolId, g.Key.DeviceId)) < 2 && before.GetValueOrDefault((g.Key.SchoolId, g.Key.DeviceId)) + g.Count() >= 2)
            .GroupBy(g => (g.Key.SchoolId, g.Key.TownshipId, g.Key.CountyId)).ToDictionary(g => g.Key.SchoolId, g => g.Count());

        var schools = snapshot.Select(s => (s.SchoolId, s.TownshipId, s.CountyId)).Concat(open.Select(o => (o.SchoolId, o.TownshipId, o.CountyId)))
            .Concat(settledToday.Select(c => (c.SchoolId, c.TownshipId, c.CountyId)))
            .Concat(todays.Select(t => (t.SchoolId, t.TownshipId, t.CountyId))).DistinctBy(s => s.SchoolId).ToList();
        var snapBy = snapshot.ToDictionary(s => s.SchoolId);
        var openBy = open.ToDictionary(o => o.SchoolId);
        var settledBy = settledToday.ToDictionary(c => c.SchoolId);
        return schools.Select(s =>
        {
            var a = snapBy.GetValueOrDefault(s.SchoolId);
            var o = openBy.GetValueOrDefault(s.SchoolId);
            var c = settledBy.GetValueOrDefault(s.SchoolId);
            return new SchoolCounts(s.SchoolId, s.TownshipId, s.CountyId,
                (a?.Tickets ?? 0) + (o?.Tickets ?? 0) + (c?.Tickets ?? 0),
                (a?.Overdue ?? 0) + (o?.Overdue ?? 0) + (c?.Overdue ?? 0),
                (a?.Repaired ?? 0) + (o?.Repaired ?? 0) + (c?.Repaired ?? 0),
                (a?.RepairMinutes ?? 0) + (o?.Minutes ?? 0) + (c?.Minutes ?? 0),
                (a?.RepeatDevices ?? 0) + newRepeats.GetValueOrDefault(s.SchoolId),
                o?.Open ?? 0, o?.OverdueNow ?? 0);
        }).ToList();
    }

    public async Task<Result<byte[]>> ExportAsync(Caller caller, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var figures = await FiguresAsync(caller, from, to, cancellationToken);
        if (!figures.Succeeded)
        {
            return figures.Error!;
        }
        var value = figures.Value!;
        var columns = new List<ExcelColumn<RepairFigureRow>>
        {
            new(caller.OrgKind == OrgUnitKind.City ? "县区" : "学校", r => r.UnitName, 28),
            new("报修单数", r => r.Tickets, 10),
            new("当前未结", r => r.OpenNow, 10),
            new("当前超时", r => r.OverdueNow, 10),
            new("平均修复时长（小时）", r => r.MeanHoursToRepair, 18, "0.0"),
            new("超时率", r => r.OverdueShare, 10, "0.0%"),
            new("重复报修设备数", r => r.RepeatFaultDevices, 14),
        };
        return ExcelExport.Build("报修统计", columns, value.Units.Append(value.Total),
            $"{value.ScopeName} 班班通报修统计 {ChinaTime.FormatDate(value.From)} 至 {ChinaTime.FormatDate(value.To)}");
    }

    /// <summary>Settled tickets per school, counting those raised in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private sealed record SettledCounts(int SchoolId, string SchoolPath, int? TownshipId, int CountyId, int Tickets, int Overdue, int Repaired, long Minutes);

    /// <summary>
    /// The one grouping of settled tickets, shared by the nightly snapshot and the live count of the day's settled tickets.
    /// The period is a condition of each count rather than a filter, so only the caller's filter (the unit and the
    /// closed-at range) picks the index: the live count then reads the day's few settled tickets, not the year's.
    /// </summary>
    private static Task<List<SettledCounts>> SettledAsync(IQueryable<RepairTicket> settled, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken) =>
        settled.GroupBy(t => new { t.SchoolId, t.SchoolPath, t.TownshipId, t.CountyId })
            .Select(g => new SettledCounts(
                g.Key.SchoolId,
                g.Key.SchoolPath,
                g.Key.TownshipId,
                g.Key.CountyId,
                g.Count(t => t.RaisedAt >= start && t.RaisedAt < end),
                g.Count(t => t.RaisedAt >= start && t.RaisedAt < end && t.EverOverdue),
                g.Count(t => t.RaisedAt >= start && t.RaisedAt < end && t.RepairMinutes != null),
                g.Sum(t => t.RaisedAt >= start && t.RaisedAt < end ? (long?)t.RepairMinutes : null) ?? 0))
            .ToListAsync(cancellationToken);

    /// <summary>Open tickets (waiting, in progress, resolved) per school: how many and how many overdue now.</summary>
    private sealed record OpenCounts(int SchoolId, int? TownshipId, int CountyId, int Open, int OverdueNow, int Tickets, int Overdue, int Repaired, long Minutes);

    /// <summary>
    /// The open tickets per school: the open-now figures, and of those raised in [<paramref name="start"/>, <paramref name="end"/>)
    /// the period's figures (an open ticket past its tier's deadline counts as overdue).
    /// </summary>
    private static Task<List<OpenCounts>> OpenAsync(IQueryable<RepairTicket> tickets, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        tickets.Where(t => t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress || t.State == RepairTicketState.Resolved)
            .GroupBy(t => new { t.SchoolId, t.TownshipId, t.CountyId })
            .Select(g => new OpenCounts(
                g.Key.SchoolId,
                g.Key.TownshipId,
                g.Key.CountyId,
                g.Count(),
                g.Count(t => t.State != RepairTicketState.Resolved && t.TierDeadline < now),
                g.Count(t => t.RaisedAt >= start && t.RaisedAt < end),
                g.Count(t => t.RaisedAt >= start && t.RaisedAt < end
                    && (t.EverOverdue || ((t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress) && t.TierDeadline < now))),
                g.Count(t => t.RaisedAt >= start && t.RaisedAt < end && t.RepairMinutes != null),
                g.Sum(t => t.RaisedAt >= start && t.RaisedAt < end ? (long?)t.RepairMinutes : null) ?? 0))
            .ToListAsync(cancellationToken);

    /// <summary>Counts per school for the tickets in <paramref name="tickets"/> raised between the two China dates (inclusive).</summary>
    internal static async Task<List<SchoolCounts>> CountsAsync(EduPortalDbContext db, IQueryable<RepairTicket> tickets, DateOnly from, DateOnly to,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = WorkingCalendar.EndOfDay(from.AddDays(-1));
        var end = WorkingCalendar.EndOfDay(to);
        var inPeriod = tickets.Where(t => t.RaisedAt >= start && t.RaisedAt < end);
        var period = await inPeriod.GroupBy(t => new { t.SchoolId, t.TownshipId, t.CountyId })
            .Select(g => new
            {
                g.Key.SchoolId,
                g.Key.TownshipId,
                g.Key.CountyId,
                Tickets = g.Count(),
                Overdue = g.Count(t => t.EverOverdue || ((t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress) && t.TierDeadline < now)),
                Repaired = g.Count(t => t.RepairMinutes != null),
                Minutes = g.Sum(t => (long?)t.RepairMinutes) ?? 0,
            }).ToListAsync(cancellationToken);
        // Repeat faults: a device reported more than once in the period.
        var repeats = (await inPeriod.GroupBy(t => new { t.SchoolId, t.DeviceId }).Where(g => g.Count() > 1).Select(g => g.Key.SchoolId)
            .ToListAsync(cancellationToken)).GroupBy(id => id).Select(g => new { SchoolId = g.Key, Devices = g.Count() }).ToList();
        var open = await OpenAsync(tickets, start, end, now, cancellationToken);
        var schools = period.Select(p => (p.SchoolId, p.TownshipId, p.CountyId)).Union(open.Select(o => (o.SchoolId, o.TownshipId, o.CountyId))).Distinct();
        return schools.Select(s =>
        {
            var p = period.SingleOrDefault(x => x.SchoolId == s.SchoolId);
            var o = open.SingleOrDefault(x => x.SchoolId == s.SchoolId);
            return new SchoolCounts(s.SchoolId, s.TownshipId, s.CountyId, p?.Tickets ?? 0, p?.Overdue ?? 0, p?.Repaired ?? 0, p?.Minutes ?? 0,
                repeats.SingleOrDefault(r => r.SchoolId == s.SchoolId)?.Devices ?? 0, o?.Open ?? 0, o?.OverdueNow ?? 0);
        }).ToList();
    }

    internal static RepairFigureRow Row(int unitId, string name, IReadOnlyCollection<SchoolCounts> counts)
    {
        var tickets = counts.Sum(c => c.Tickets);
        var repaired = counts.Sum(c => c.Repaired);
        var overdue = counts.Sum(c => c.Overdue);
        return new RepairFigureRow(unitId, name, tickets, counts.Sum(c => c.OpenNow), counts.Sum(c => c.OverdueNow),
            repaired == 0 ? null : Math.Round(counts.Sum(c => c.RepairMinutes) / 60m / repaired, 1),
            tickets == 0 ? null : Math.Round((decimal)overdue / tickets, 4),
            counts.Sum(c => c.RepeatDevices), overdue, repaired);
    }

    private static bool ServedTierIsNone(Caller caller) => RepairTicketService.ServedTier(caller) is null;
}
