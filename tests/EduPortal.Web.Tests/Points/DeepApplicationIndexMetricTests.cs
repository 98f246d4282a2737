using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// 深度应用学校指数 on the dashboard (circular 001 附件2 §二(2)) counts each school's serving point earners and sums their
/// year's totals in one grouped read over a covering index; its figures must equal the rule computed account by account.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DeepApplicationIndexMetricTests(PortalFactory portal)
{
    [Fact]
    public async Task The_deep_application_index_is_the_serving_point_earners_points_over_their_number_for_the_city_its_counties_and_schools()
    {
        var source = portal.Service<DeepApplicationIndexSource>();
        var year = portal.PointsYear;
        var asOf = new DateOnly(year, 6, 30);
        await using var db = await portal.DbAsync();
        var city = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Kind == OrgUnitKind.City);
        var countyAdmin = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var county = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == countyAdmin.OrgUnitId);

        // Direct: every account at a school with its year's total, judged one by one.
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School).ToDictionaryAsync(o => o.Id, o => o.Path);
        var totals = await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year).ToDictionaryAsync(t => t.TeacherId, t => t.Total);
        var accounts = (await db.Users.AsNoTracking().Select(u => new { u.Id, u.OrgUnitId, u.Level, u.Status, u.Employment }).ToListAsync())
            .Where(u => schools.ContainsKey(u.OrgUnitId)).ToList();
        bool Counts(AdminLevel level, AccountStatus status, EmploymentStatus employment) =>
            level <= AdminLevel.School && status == AccountStatus.Active && employment == EmploymentStatus.Serving;
        (decimal Points, decimal Teachers) Expected(string path)
        {
            var counted = accounts.Where(a => schools[a.OrgUnitId].StartsWith(path, StringComparison.Ordinal) && Counts(a.Level, a.Status, a.Employment)).ToList();
            return (counted.Sum(a => totals.GetValueOrDefault(a.Id)), counted.Count);
        }
        // The demo city has retired and departed teachers with points: they must stay out of both sums.
        Assert.Contains(accounts, a => a.Status == AccountStatus.Active && a.Employment != EmploymentStatus.Serving && totals.GetValueOrDefault(a.Id) > 0);

        foreach (var scope in new[] { city, county })
        {
            var reading = await source.ReadAsync(scope, asOf, CancellationToken.None);
            var (points, teachers) = Expected(scope.Path);
            Assert.True(points > 0 && teachers > 0, $"{scope.Name} has serving teachers with points");
            Assert.Equal((points, teachers), (reading.Scope.Numerator!.Value, reading.Scope.Denominator!.Value));
            Assert.Equal(MetricRollup.Ratio(points, teachers), reading.Scope.Value);
            var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.Id).Select(o => new { o.Id, o.Path }).ToListAsync();
            Assert.Equal(children.Count, reading.Units.Count);
            foreach (var child in children)
            {
                var unit = reading.Units.Single(u => u.OrgUnitId == child.Id);
                Assert.Equal(Expected(child.Path), (unit.Numerator ?? 0, unit.Denominator ?? 0));
            }
        }
    }
}
