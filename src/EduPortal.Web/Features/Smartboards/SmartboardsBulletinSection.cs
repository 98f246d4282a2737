using EduPortal.Data;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Infrastructure.Bulletins;
using Microsoft.EntityFrameworkCore;
using static EduPortal.Web.Infrastructure.Bulletins.BulletinTables;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>班班通覆盖情况 (circular 003): the coverage rate the dashboard reads (<see cref="SmartboardCoverageMetric"/>; the register holds today's state).</summary>
public sealed class SmartboardCoverageBulletinSection(SmartboardCoverageMetric source) : IBulletinSection
{
    public string Key => "smartboards.coverage";
    public string Title => "班班通覆盖情况";
    public int Order => 60;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        var reading = await source.ReadAsync(scope.Unit, week.Sunday, cancellationToken);
        return new BulletinSectionData(Key, Title, Order, $"{ScopeSentence(reading)}（按设备台账当前状态统计）。",
            [UnitTable(reading, scope.UnitsWord, "已配备班级", "班级数")], [UnitChart(reading, scope.UnitsWord)]);
    }
}

/// <summary>
/// 设备报修与安全检查 (circular 003 §二.3–4: 分级负责、责任到人; 安全检查): the week's repair tickets and those that let their
/// tier's deadline pass, counted by the repair figures' own rule (<see cref="RepairFiguresService"/>), and the safety
/// findings recorded in the week and still open past their rectification date.
/// </summary>
public sealed class RepairsSafetyBulletinSection(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock) : IBulletinSection
{
    public string Key => "smartboards.repairs-safety";
    public string Title => "设备报修与安全检查";
    public int Order => 70;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = db.RepairTickets.AsNoTracking().Where(t => t.SchoolPath.StartsWith(scope.UnitPath));
        var now = clock.GetUtcNow();
        var at = now < week.End ? now : week.End;
        var counts = await RepairFiguresService.CountsAsync(db, tickets, week.Monday, week.Sunday, at, cancellationToken);
        var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.UnitId).OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var repairRows = children.Select(c => (c.Name, Counts: counts.Where(x => x.SchoolId == c.Id || x.TownshipId == c.Id || x.CountyId == c.Id).ToList()))
            .Where(r => r.Counts.Count > 0)
            .Select(r => (IReadOnlyList<string>)[r.Name, Count(r.Counts.Sum(x => x.Tickets)), Count(r.Counts.Sum(x => x.Overdue)), Count(r.Counts.Sum(x => x.OverdueNow))])
            .ToList();
        repairRows.Add([$"合计（{scope.UnitName}）", Count(counts.Sum(x => x.Tickets)), Count(counts.Sum(x => x.Overdue)), Count(counts.Sum(x => x.OverdueNow))]);

        var findings = db.SafetyFindings.AsNoTracking().Where(f => f.SchoolPath.StartsWith(scope.UnitPath));
        var inspections = await db.SafetyInspections.AsNoTracking()
            .Where(i => i.SchoolPath.StartsWith(scope.UnitPath) && i.InspectedOn >= week.Monday && i.InspectedOn <= week.Sunday)
            .Select(i => new { i.Id, Findings = i.Findings.Count }).ToListAsync(cancellationToken);
        var overdue = await findings.Where(f => !f.IsRectified && f.RectifyBy < week.Sunday)
            .Join(db.OrgUnits, f => f.SchoolId, o => o.Id, (f, o) => new { School = o.Name, f.Item, f.Problem, f.RectifyBy, f.ResponsiblePerson })
            .OrderBy(f => f.RectifyBy).ThenBy(f => f.School).Take(MaxRows).ToListAsync(cancellationToken);
        var overdueCount = await findings.CountAsync(f => !f.IsRectified && f.RectifyBy < week.Sunday, cancellationToken);
        var tables = new List<BulletinTable>
        {
            new($"各{scope.UnitsWord}本周报修", [scope.UnitsWord, "本周报修", "其中超时", "目前超时未修复"], repairRows) { NumericColumns = [1, 2, 3] },
            new("逾期未整改的安全隐患", ["学校", "检查项目", "问题", "整改期限", "责任人"],
                overdue.Select(f => (IReadOnlyList<string>)[f.School, f.Item.DisplayName(), f.Problem, ChinaTime.FormatDate(f.RectifyBy), f.ResponsiblePerson]).ToList())
            {
                Note = overdueCount > MaxRows ? $"共 {overdueCount} 项，仅列出前 {MaxRows} 项" : null,
            },
        };
        var summary = $"本周共报修 {counts.Sum(x => x.Tickets)} 次，其中超过分级维修期限 {counts.Sum(x => x.Overdue)} 次；开展安全检查 {inspections.Count} 次，"
            + $"发现隐患 {inspections.Sum(i => i.Findings)} 项；逾期未整改隐患 {overdueCount} 项。";
        return new BulletinSectionData(Key, Title, Order, summary, tables, []);
    }
}
