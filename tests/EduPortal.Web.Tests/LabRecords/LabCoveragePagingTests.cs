using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.LabRecords;

/// <summary>
/// The coverage (开出率) tab is paged: rows and catalogue counts come from the catalogue and the schools' stages, and only
/// the page's schools' recorded experiments are read. Pages must be the export's rows in the same order, and every
/// figure the direct count over the shown records of the term.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LabCoveragePagingTests(PortalFactory portal)
{
    [Fact]
    public async Task Each_coverage_page_is_the_matching_slice_of_every_row_and_the_total_counts_them_all()
    {
        var service = portal.Service<LabStatisticsService>();
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var all = (await service.CoverageAsync(city)).Value!;
        Assert.True(all.Count > 40);
        var pages = new List<CoverageRow>();
        for (var page = 0; page * 13 < all.Count; page++)
        {
            var result = (await service.CoveragePageAsync(city, null, page, 13)).Value!;
            Assert.Equal(all.Count, result.Total);
            Assert.InRange(result.Rows.Count, 1, 13);
            pages.AddRange(result.Rows);
        }
        Assert.Equal(all, pages);
        var beyond = (await service.CoveragePageAsync(city, null, all.Count / 13 + 1, 13)).Value!;
        Assert.Empty(beyond.Rows);
        Assert.Equal(all.Count, beyond.Total);
    }

    [Fact]
    public async Task Coverage_equals_a_direct_count_of_the_terms_shown_records_against_the_catalogue()
    {
        var service = portal.Service<LabStatisticsService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var term = service.CurrentTerm;
        await using var db = await portal.DbAsync();
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(county.OrgPath))
            .Select(o => new { o.Id, o.Name, o.Path, o.Stage }).ToListAsync();
        var catalogue = await db.LabExperiments.AsNoTracking().Where(e => e.Active).ToListAsync();
        var recorded = (await db.LabRecords.AsNoTracking()
                .Where(r => r.Shown && r.ExperimentId != null && r.LessonDate >= term.Start && r.LessonDate <= term.End && r.SchoolPath.StartsWith(county.OrgPath))
                .Select(r => new { r.SchoolId, ExperimentId = r.ExperimentId!.Value }).ToListAsync())
            .ToLookup(r => r.SchoolId, r => r.ExperimentId);
        // Direct: for each school, subject and grade it teaches, the active entries owned at or above it, and those of
        // them any of its shown records of the term cites.
        var expected = schools.SelectMany(s => catalogue
                .Where(e => s.Path.StartsWith(e.OwnerPath, StringComparison.Ordinal) && s.Stage.AllowsGrade(e.Grade))
                .GroupBy(e => (e.Subject, e.Grade))
                .Select(g => (s.Id, g.Key.Subject, g.Key.Grade, Catalogue: g.Count(), Covered: g.Count(e => recorded[s.Id].Contains(e.Id)))))
            .Order().ToList();
        Assert.Contains(expected, c => c.Covered > 0);

        var all = (await service.CoverageAsync(county)).Value!;
        Assert.Equal(expected, all.Select(c => (c.SchoolId, c.Subject, c.Grade, Catalogue: c.CatalogueCount, Covered: c.CoveredCount)).Order().ToList());
        var first = (await service.CoveragePageAsync(county, null, 0, 20)).Value!;
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(all.Take(20), first.Rows);
    }

    [Fact]
    public async Task A_teacher_gets_no_coverage_page_a_county_admin_nothing_of_another_county_and_a_school_admin_only_its_school()
    {
        var service = portal.Service<LabStatisticsService>();
        Assert.IsType<ForbiddenError>((await service.CoveragePageAsync(await portal.CallerAsync(DemoAccounts.Teacher), null, 0, 20)).Error);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var other = await portal.OtherCountySchoolAsync();
        await using var db = await portal.DbAsync();
        var otherCountyId = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County && other.Path.StartsWith(o.Path)).Select(o => o.Id).SingleAsync();
        var foreign = (await service.CoveragePageAsync(county, otherCountyId, 0, 20)).Value!;
        Assert.Empty(foreign.Rows);
        Assert.Equal(0, foreign.Total);
        var own = (await service.CoveragePageAsync(county, null, 0, 100_000)).Value!;
        Assert.Equal(own.Total, own.Rows.Count);
        Assert.DoesNotContain(own.Rows, r => r.SchoolId == other.Id);
        var countySchools = (await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(county.OrgPath)).Select(o => o.Id).ToListAsync()).ToHashSet();
        Assert.NotEmpty(own.Rows);
        Assert.All(own.Rows, r => Assert.Contains(r.SchoolId, countySchools));
        // A school admin (read from the records, not the roll-ups) pages its own school only.
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var ownSchool = (await service.CoverageAsync(schoolAdmin)).Value!;
        var schoolPage = (await service.CoveragePageAsync(schoolAdmin, null, 0, 5)).Value!;
        Assert.NotEmpty(ownSchool);
        Assert.All(ownSchool, r => Assert.Equal(schoolAdmin.OrgUnitId, r.SchoolId));
        Assert.Equal(ownSchool.Count, schoolPage.Total);
        Assert.Equal(ownSchool.Take(5), schoolPage.Rows);
        Assert.Contains(ownSchool, r => r.CoveredCount > 0);
    }
}
