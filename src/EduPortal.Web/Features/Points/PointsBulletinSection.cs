using System.Globalization;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Bulletins;
using static EduPortal.Web.Infrastructure.Bulletins.BulletinTables;

namespace EduPortal.Web.Features.Points;

/// <summary>
/// 深度应用排行 of the week (circular 001 附件2 §一(二): 全市各区、学校的深度应用指数排行): the rankings page's own figures
/// (<see cref="PointQueryService.RankingsAsync"/> for the unit over the week's dates) — the top schools by index, the top
/// teachers by points, and in the city's bulletin the counties.
/// </summary>
public sealed class PointsBulletinSection(PointQueryService points) : IBulletinSection
{
    public const int Top = 10;

    public string Key => "points.ranking";
    public string Title => "深度应用排行";
    public int Order => 30;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        // The rankings as the unit's own admins see them (teachers named only inside the unit).
        var unitCaller = new Caller("bulletin", scope.UnitName, scope.Kind == OrgUnitKind.City ? AdminLevel.City : AdminLevel.County,
            scope.UnitId, scope.UnitName, scope.UnitPath, scope.Kind, Capability.None);
        var year = week.Sunday.Year;
        var from = week.Monday.Year == year ? week.Monday : new DateOnly(year, 1, 1);
        var result = await points.RankingsAsync(unitCaller, new RankingQuery(year, from, week.Sunday, scope.UnitId), cancellationToken);
        if (result.Value is not { HasPoints: true } rankings)
        {
            return BulletinSectionData.Empty(Key, Title, Order, "本周暂无积分记录。");
        }
        var schools = rankings.Schools.Where(s => s.Index is not null).OrderBy(s => s.Rank ?? int.MaxValue).ThenByDescending(s => s.Index).Take(Top).ToList();
        var teachers = rankings.Teachers.Where(t => t.Total > 0).OrderBy(t => t.Rank).Take(Top).ToList();
        var tables = new List<BulletinTable>();
        if (scope.Kind == OrgUnitKind.City && rankings.Counties.Count > 0)
        {
            tables.Add(new BulletinTable("县区深度应用指数", ["名次", "县区", "学校数", "在职教师", "本周积分", "指数"],
                rankings.Counties.OrderBy(c => c.Rank ?? int.MaxValue).Select(c => (IReadOnlyList<string>)
                    [Rank(c.Rank), c.CountyName, Count(c.Schools), Count(c.ActiveTeachers), Count(c.ActivePoints), PointIndexText(c.Index)]).ToList())
            {
                NumericColumns = [2, 3, 4, 5],
            });
        }
        tables.Add(new BulletinTable($"学校深度应用指数前 {Top} 名", ["名次", "学校", "县区", "在职教师", "本周积分", "指数"],
            schools.Select(s => (IReadOnlyList<string>)[Rank(s.Rank), s.SchoolName, s.CountyName, Count(s.ActiveTeachers), Count(s.ActivePoints), s.IndexText]).ToList())
        {
            NumericColumns = [3, 4, 5],
        });
        tables.Add(new BulletinTable($"教师积分前 {Top} 名", ["名次", "教师", "学校", "本周积分"],
            teachers.Select(t => (IReadOnlyList<string>)[Rank(t.Rank), t.RealName, t.SchoolName, Count(t.Total)]).ToList())
        {
            NumericColumns = [3],
        });
        var chart = new BulletinChart($"学校深度应用指数前 {Top} 名（分/人）", "分/人", schools.Select(s => new BulletinBar(s.SchoolName, s.Index!.Value)).ToList());
        var summary = schools.Count == 0 ? "本周暂无学校获得积分。"
            : $"本周深度应用指数最高的学校是{schools[0].SchoolName}（{schools[0].IndexText} 分/人）" + (teachers.Count > 0 ? $"，积分最高的教师是{teachers[0].SchoolName}{teachers[0].RealName}（{Count(teachers[0].Total)} 分）。" : "。");
        return new BulletinSectionData(Key, Title, Order, summary, tables, [chart]);
    }

    private static string Rank(int? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string PointIndexText(decimal? index) => Domain.Points.PointIndex.Format(index);
}
