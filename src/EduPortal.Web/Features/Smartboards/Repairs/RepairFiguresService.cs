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
        var counts = await CountsAsync(db, db.RepairTickets.WithinJurisdiction(caller), from, to, clock.GetUtcNow(), cancellationToken);
        // The city sees its counties; everyone else sees schools.
        var byCounty = caller.OrgKind == OrgUnitKind.City;
        var groups = counts.GroupBy(c => byCounty ? c.CountyId : c.SchoolId).ToList();
        var names = await db.OrgUnits.WithinJurisdiction(caller)
            .Where(o => byCounty ? o.Kind == OrgUnitKind.County : o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(cancellationToken);
        var rows = names.OrderBy(n => n.Path, StringComparer.Ordinal)
            .Select(n => Row(n.Id, n.Name, groups.SingleOrDefault(g => g.Key == n.Id)?.ToList() ?? [])).ToList();
        return new RepairFigures(from, to, caller.OrgUnitName, Row(caller.OrgUnitId, "合计", counts), rows);
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
        var open = await tickets.Where(t => t.State == RepairTicketState.Waiting || t.State == RepairTicketState.InProgress || t.State == RepairTicketState.Resolved)
            .GroupBy(t => new { t.SchoolId, t.TownshipId, t.CountyId })
            .Select(g => new
            {
                g.Key.SchoolId,
                g.Key.TownshipId,
                g.Key.CountyId,
                Open = g.Count(),
                Overdue = g.Count(t => t.State != RepairTicketState.Resolved && t.TierDeadline < now),
            }).ToListAsync(cancellationToken);
        var schools = period.Select(p => (p.SchoolId, p.TownshipId, p.CountyId)).Union(open.Select(o => (o.SchoolId, o.TownshipId, o.CountyId))).Distinct();
        return schools.Select(s =>
        {
            var p = period.SingleOrDefault(x => x.SchoolId == s.SchoolId);
            var o = open.SingleOrDefault(x => x.SchoolId == s.SchoolId);
            return new SchoolCounts(s.SchoolId, s.TownshipId, s.CountyId, p?.Tickets ?? 0, p?.Overdue ?? 0, p?.Repaired ?? 0, p?.Minutes ?? 0,
                repeats.SingleOrDefault(r => r.SchoolId == s.SchoolId)?.Devices ?? 0, o?.Open ?? 0, o?.Overdue ?? 0);
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
