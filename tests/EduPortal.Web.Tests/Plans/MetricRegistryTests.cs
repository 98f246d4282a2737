using System.Text.RegularExpressions;
using EduPortal.Data.Seeding;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Plans;

/// <summary>The metric registry's contract: every module's source has a unique key, a Chinese name, a page, and reads the demo county.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class MetricRegistryTests(PortalFactory portal)
{
    [Fact]
    public void Every_registered_metric_has_a_unique_key_a_chinese_name_and_a_page()
    {
        var sources = portal.Service<IEnumerable<IMetricSource>>().ToList();
        Assert.True(sources.Count >= 5, "surveys, lab records and points register their figures");
        Assert.Equal(sources.Count, sources.Select(s => s.Definition.Key).Distinct().Count());
        Assert.All(sources, s =>
        {
            Assert.Matches(ChineseName(), s.Definition.Name);
            Assert.StartsWith("/", s.Definition.PagePath);
            Assert.Matches(KeyShape(), s.Definition.Key);
        });
        Assert.Contains(sources, s => s.Definition.Key == "surveys.teacher-registration-rate");
    }

    [Fact]
    public async Task Every_metric_reads_a_value_for_the_demo_county_and_one_per_school_under_it()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == county.OrgUnitId);
        var schools = await db.OrgUnits.CountAsync(o => o.ParentId == unit.Id);
        foreach (var source in portal.Service<IEnumerable<IMetricSource>>())
        {
            var reading = await source.ReadAsync(unit, portal.Today, CancellationToken.None);
            Assert.Equal(unit.Id, reading.Scope.OrgUnitId);
            Assert.True(reading.Scope.Value is not null, $"{source.Definition.Name} has a value for the demo county");
            Assert.Equal(schools, reading.Units.Count);
        }
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}（）]+$")]
    private static partial Regex ChineseName();

    [GeneratedRegex(@"^[a-z]+\.[a-z\-]+$")]
    private static partial Regex KeyShape();
}
