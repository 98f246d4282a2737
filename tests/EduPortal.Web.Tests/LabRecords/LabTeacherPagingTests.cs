using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Tests.Infrastructure;

namespace EduPortal.Web.Tests.LabRecords;

/// <summary>The per-teacher tab is paged in SQL (a city has ~18,000 teachers); its pages are the export's rows in the same order.</summary>
[Collection(PortalCollection.Name)]
public sealed class LabTeacherPagingTests(PortalFactory portal)
{
    [Fact]
    public async Task Each_page_is_the_matching_slice_of_every_teacher_most_records_first_and_the_total_counts_them_all()
    {
        var service = portal.Service<LabStatisticsService>();
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        foreach (var query in new[] { service.DefaultQuery(), service.DefaultQuery() with { From = service.DefaultQuery().From.AddDays(-30) } })
        {
            var all = (await service.TeachersAsync(city, query)).Value!;
            Assert.True(all.Count > 7);
            Assert.Equal(all.OrderByDescending(t => t.Records).Select(t => t.Records), all.Select(t => t.Records));
            var pages = new List<TeacherCount>();
            for (var page = 0; page * 7 < all.Count; page++)
            {
                var result = (await service.TeachersPageAsync(city, query, page, 7)).Value!;
                Assert.Equal(all.Count, result.Total);
                Assert.InRange(result.Rows.Count, 1, 7);
                pages.AddRange(result.Rows);
            }
            Assert.Equal(all, pages);
        }
    }

    [Fact]
    public async Task A_teacher_gets_no_page_and_a_county_admin_gets_no_teacher_of_another_county()
    {
        var service = portal.Service<LabStatisticsService>();
        Assert.IsType<ForbiddenError>((await service.TeachersPageAsync(await portal.CallerAsync(DemoAccounts.Teacher), service.DefaultQuery(), 0, 20)).Error);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var other = await portal.OtherCountySchoolAsync();
        var page = (await service.TeachersPageAsync(county, service.DefaultQuery(), 0, 100_000)).Value!;
        Assert.DoesNotContain(page.Rows, t => t.SchoolName == other.Name);
        Assert.Equal(page.Total, page.Rows.Count);
    }
}
