using EduPortal.Data;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Bulletins;
using Microsoft.EntityFrameworkCore;
using static EduPortal.Web.Infrastructure.Bulletins.BulletinTables;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>
/// 实验教学开展情况: the week's shown lab records (<see cref="LabRecordsPerSchoolWeekSource"/>: the 7 days ending on the
/// week's Sunday are exactly the week) and the quiet schools the weekly inactivity job flagged (circular 000 §二.3:
/// 区局将对各校后期工作的开展情况进行及时通报).
/// </summary>
public sealed class LabRecordsBulletinSection(LabRecordsPerSchoolWeekSource source, IDbContextFactory<EduPortalDbContext> dbFactory) : IBulletinSection
{
    public string Key => "labs.activity";
    public string Title => "实验教学开展情况";
    public int Order => 20;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        var reading = await source.ReadAsync(scope.Unit, week.Sunday, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The flags of the latest run up to the week's end (the job runs weekly and replaces its week's flags).
        var flagWeek = await db.LabInactivityFlags.AsNoTracking().Where(f => f.WeekStart <= week.Sunday && f.SchoolPath.StartsWith(scope.UnitPath))
            .MaxAsync(f => (DateOnly?)f.WeekStart, cancellationToken);
        var quiet = flagWeek is null ? [] : await db.LabInactivityFlags.AsNoTracking()
            .Where(f => f.WeekStart == flagWeek && f.SchoolPath.StartsWith(scope.UnitPath))
            .Join(db.OrgUnits, f => f.SchoolId, o => o.Id, (f, o) => new { o.Name, o.Path, f.Weeks, f.LastLessonDate })
            .OrderBy(f => f.Path).ToListAsync(cancellationToken);
        var units = new BulletinTable($"各{scope.UnitsWord}本周实验记录", [scope.UnitsWord, "本周实验记录（条）", "学校数", "校均（条/校）"],
            reading.Units.OrderByDescending(u => u.Numerator).ThenBy(u => u.OrgName, StringComparer.Ordinal).Take(MaxRows)
                .Select(u => (IReadOnlyList<string>)[u.OrgName, Number(u.Numerator), Number(u.Denominator), Number(u.Value)])
                .Append([$"合计（{scope.UnitName}）", Number(reading.Scope.Numerator), Number(reading.Scope.Denominator), Number(reading.Scope.Value)]).ToList())
        {
            NumericColumns = [1, 2, 3],
        };
        var quietTable = new BulletinTable("连续无实验记录的学校", ["学校", "连续周数", "最近一次实验"],
            quiet.Take(MaxRows).Select(q => (IReadOnlyList<string>)[q.Name, Count(q.Weeks), q.LastLessonDate is { } d ? ChinaTime.FormatDate(d) : "从未记录"]).ToList())
        {
            NumericColumns = [1],
            Note = quiet.Count > MaxRows ? $"共 {quiet.Count} 所，仅列出前 {MaxRows} 所" : null,
        };
        var chart = new BulletinChart($"各{scope.UnitsWord}本周实验记录（条）", "条",
            reading.Units.Where(u => u.Numerator > 0).OrderByDescending(u => u.Numerator).Take(20).Select(u => new BulletinBar(u.OrgName, u.Numerator ?? 0)).ToList());
        var summary = $"本周（{week.PeriodText}）{scope.UnitName}共记录实验课 {Number(reading.Scope.Numerator)} 条，校均 {Number(reading.Scope.Value)} 条；"
            + (quiet.Count == 0 ? "无连续无实验记录的学校。" : $"{quiet.Count} 所学校连续 {quiet.Max(q => q.Weeks)} 周以上无实验记录，请督促开展。");
        return new BulletinSectionData(Key, Title, Order, summary, [units, quietTable], [chart]);
    }
}
