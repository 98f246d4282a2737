using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>
/// 教师实名注册率 counts accounts per school and subject list in SQL and parses each list once; its figures must equal the
/// rule computed account by account (circular 004 §四 7/16).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RegistrationRateMetricTests(PortalFactory portal)
{
    [Fact]
    public async Task The_registration_rate_equals_the_account_by_account_count_for_the_city_and_each_county()
    {
        var source = portal.Service<TeacherRegistrationRateSource>();
        await using var db = await portal.DbAsync();
        var city = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Kind == OrgUnitKind.City);
        var countyAdmin = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var county = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == countyAdmin.OrgUnitId);
        var end = MetricRollup.EndOf(portal.Today);

        // Direct: each account on its own, its subjects parsed, against the surveyed subjects of its school's stage.
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School).Select(o => new { o.Id, o.Path, o.Stage }).ToListAsync();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving && u.RegisteredAt < end)
            .Select(u => new { u.OrgUnitId, u.SubjectsText }).ToListAsync();
        var surveys = (await db.SchoolSurveys.AsNoTracking().Where(s => s.Status == SurveyStatus.Submitted).ToListAsync())
            .Where(s => s.SubmittedAt < end)
            .GroupBy(s => s.SchoolId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.SubmittedAt).First().Rows.Sum(r => r.Teachers ?? 0));
        (decimal Numerator, decimal Denominator) Expected(string path)
        {
            decimal numerator = 0, denominator = 0;
            foreach (var school in schools.Where(s => s.Path.StartsWith(path, StringComparison.Ordinal) && surveys.GetValueOrDefault(s.Id) > 0))
            {
                denominator += surveys[school.Id];
                numerator += accounts.Count(a => a.OrgUnitId == school.Id
                    && Subjects.Parse(a.SubjectsText).Known.Any(SurveySubjects.ForStage(school.Stage).Contains));
            }
            return (numerator, denominator);
        }

        foreach (var scope in new[] { city, county })
        {
            var reading = await source.ReadAsync(scope, portal.Today, CancellationToken.None);
            var (numerator, denominator) = Expected(scope.Path);
            Assert.True(denominator > 0 && numerator > 0, $"{scope.Name} has surveyed and registered teachers");
            Assert.Equal(numerator, reading.Scope.Numerator);
            Assert.Equal(denominator, reading.Scope.Denominator);
            Assert.Equal(MetricRollup.Percent(numerator, denominator), reading.Scope.Value);
            var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.Id).Select(o => new { o.Id, o.Path }).ToListAsync();
            Assert.Equal(children.Count, reading.Units.Count);
            foreach (var child in children)
            {
                var unit = reading.Units.Single(u => u.OrgUnitId == child.Id);
                var expected = Expected(child.Path);
                Assert.Equal(expected.Denominator == 0 ? 0 : expected.Numerator, unit.Numerator ?? 0);
                Assert.Equal(expected.Denominator, unit.Denominator ?? 0);
            }
        }
    }
}
