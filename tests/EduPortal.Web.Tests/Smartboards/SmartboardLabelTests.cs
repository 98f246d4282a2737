using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

[Collection(PortalCollection.Name)]
public sealed class SmartboardLabelTests(PortalFactory portal)
{
    [Fact]
    public async Task The_label_sheet_lists_the_schools_devices_with_their_tags()
    {
        var school = await portal.DemoSchoolAsync();
        await using var db = await portal.DbAsync();
        var tags = await db.Devices.Where(d => d.SchoolId == school.Id && d.Status != DeviceStatus.Scrapped).Select(d => d.AssetTag).ToListAsync();
        var scrapped = await db.Devices.Where(d => d.SchoolId == school.Id && d.Status == DeviceStatus.Scrapped).Select(d => d.AssetTag).ToListAsync();
        var (client, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var response = await client.GetAsync($"/smartboards/schools/{school.Id}/labels.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(), "smartboard-labels");
        Assert.Contains($"{school.Name}班班通设备资产标签", text);
        Assert.Contains($"共 {tags.Count} 张", text);
        Assert.Contains(tags.Order(StringComparer.Ordinal).First(), text);
        Assert.All(scrapped, tag => Assert.DoesNotContain(tag + "\n", text));
        Assert.Contains("扫码查看 · 报修", text);
    }

    [Fact]
    public async Task The_label_sheet_of_another_school_is_not_found()
    {
        var other = await portal.NeighbourSchoolAsync();
        var (admin, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/smartboards/schools/{other.Id}/labels.pdf")).StatusCode);
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var own = await portal.DemoSchoolAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/smartboards/schools/{own.Id}/labels.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await portal.Browser().GetAsync($"/smartboards/schools/{own.Id}/labels.pdf")).StatusCode);
        // The county over both schools prints either.
        var (county, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/smartboards/schools/{other.Id}/labels.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_label_qr_code_carries_the_device_pages_absolute_address()
    {
        var school = await portal.DemoSchoolAsync();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<EduPortal.Web.Features.Smartboards.SmartboardLabelService>();
        var labels = (await service.LabelsAsync(admin, school.Id, null, "https://jy.example.cn/"))!;
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Equal($"https://jy.example.cn/smartboards/devices/{l.DeviceId}", l.Url));
        var one = (await service.LabelsAsync(admin, school.Id, [labels[0].DeviceId], "https://jy.example.cn"))!;
        Assert.Equal(labels[0].DeviceId, Assert.Single(one).DeviceId);
        var other = await portal.NeighbourSchoolAsync();
        Assert.Null(await service.LabelsAsync(admin, other.Id, null, "https://jy.example.cn"));
    }
}
