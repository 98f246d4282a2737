using System.Globalization;
using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.News;
using EduPortal.Web.Features.News;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EduPortal.Web.Tests.News;

/// <summary>School news (circular 001 §四(二)1) through the service and endpoints against the real SQLite schema.</summary>
[Collection(PortalCollection.Name)]
public sealed class NewsServiceTests(PortalFactory portal)
{
    private NewsService News => portal.Service<NewsService>();

    private static PhotoUpload Photo(string name = "活动照片.jpg")
    {
        var bytes = TestImages.Encode(800, 600, SKEncodedImageFormat.Jpeg, new SKColor(40, 120, 200));
        return new PhotoUpload(name, bytes.Length, bytes);
    }

    private static NewsInput Input(string title = "科学实验开放周") => new() { Title = title, Body = "本周我校举办“走进实验室”科学实验开放周活动。" };

    [Fact]
    public async Task A_teachers_news_is_published_recommended_and_featured_every_step_audited_and_shown_on_the_county_page()
    {
        var school = await portal.DemoSchoolAsync();
        var teacher = await portal.TeacherAsync(school.Id, 0);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var submitted = await News.SubmitAsync(teacher, Input("开放周全流程"), [Photo()]);
        Assert.True(submitted.Succeeded, submitted.Error?.Message);
        var id = submitted.Value;

        var detail = (await News.GetAsync(teacher, id)).Value!;
        Assert.Equal(NewsStatus.Pending, detail.Item.Status);
        Assert.True(Assert.Single(detail.Photos).HasThumbnail);
        Assert.True((await News.PublishAsync(admin, id)).Succeeded);
        Assert.True((await News.RecommendAsync(admin, id)).Succeeded);
        Assert.Contains((await News.QueueAsync(county)).Recommended, r => r.Id == id);
        Assert.True((await News.FeatureAsync(county, id)).Succeeded);

        // A teacher of another school of the county sees it on the county's page, not in its own school's list.
        var neighbour = await portal.NeighbourSchoolAsync();
        var neighbourTeacher = await portal.TeacherAsync(neighbour.Id, 0);
        Assert.Contains(await News.FeaturedAsync(neighbourTeacher), r => r.Id == id);
        Assert.DoesNotContain(await News.PublishedAsync(neighbourTeacher), r => r.Id == id);
        Assert.Contains(await News.PublishedAsync(teacher), r => r.Id == id);

        await using var db = await portal.DbAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(NewsItem) && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.NewsSubmitted, AuditActions.NewsPublished, AuditActions.NewsRecommended, AuditActions.NewsFeatured], actions);
    }

    [Fact]
    public async Task Another_schools_admin_and_another_countys_admin_get_not_found_for_a_waiting_item_and_its_photo()
    {
        var school = await portal.DemoSchoolAsync();
        var teacher = await portal.TeacherAsync(school.Id, 1);
        var id = (await News.SubmitAsync(teacher, Input("待审核的稿件"), [Photo()])).Value;
        var photoId = (await News.GetAsync(teacher, id)).Value!.Photos[0].Id;
        var neighbourAdmin = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var otherCounty = await portal.OtherCountyEditorAsync();
        var colleague = await portal.TeacherAsync(school.Id, 2);

        Assert.IsType<NotFoundError>((await News.GetAsync(neighbourAdmin, id)).Error);
        Assert.IsType<NotFoundError>((await News.PublishAsync(neighbourAdmin, id)).Error);
        Assert.IsType<NotFoundError>((await News.GetAsync(otherCounty, id)).Error);
        Assert.IsType<NotFoundError>((await News.GetAsync(colleague, id)).Error);
        Assert.IsType<NotFoundError>((await News.EditAsync(colleague, id, Input("改"), [], [])).Error);
        Assert.Null(await News.FindPhotoAsync(neighbourAdmin, photoId, true));
        Assert.DoesNotContain((await News.QueueAsync(neighbourAdmin)).Pending, r => r.Id == id);

        var (stranger, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/news/photos/{photoId}?thumb=1")).StatusCode);
        var (own, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var served = await own.GetAsync($"/news/photos/{photoId}?thumb=1");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_twenty_first_submission_of_a_day_is_refused_and_nothing_is_saved()
    {
        var school = await portal.SchoolOfOtherCountyAsync(0);
        var teacher = await portal.TeacherAsync(school.Id, 0);
        await using var db = await portal.DbAsync();
        var before = await db.NewsItems.CountAsync(n => n.AuthorId == teacher.UserId);
        for (var i = before; i < NewsItem.DailyLimit; i++)
        {
            Assert.True((await News.SubmitAsync(teacher, Input($"第 {i + 1} 篇"), [])).Succeeded);
        }
        var refused = await News.SubmitAsync(teacher, Input("第 21 篇"), []);
        Assert.Equal("每天最多投稿 20 篇，请明天再投", Assert.IsType<ValidationError>(refused.Error).Fields["Title"]);
        Assert.Equal(NewsItem.DailyLimit, await db.NewsItems.CountAsync(n => n.AuthorId == teacher.UserId));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_next_to_the_photos_and_the_item_is_not_saved()
    {
        var school = await portal.SchoolOfOtherCountyAsync(1);
        var teacher = await portal.TeacherAsync(school.Id, 0);
        var fake = "<html><script>alert(1)</script></html>"u8.ToArray();
        var refused = await News.SubmitAsync(teacher, Input("带伪装照片的稿件"), [Photo("好照片.jpg"), new PhotoUpload("伪装.jpg", fake.Length, fake)]);
        var message = Assert.IsType<ValidationError>(refused.Error).Fields["Photos"];
        Assert.StartsWith("照片“伪装.jpg”：", message);
        await using var db = await portal.DbAsync();
        Assert.False(await db.NewsItems.AnyAsync(n => n.AuthorId == teacher.UserId && n.Title == "带伪装照片的稿件"));
        var tooMany = await News.SubmitAsync(teacher, Input("照片太多"), Enumerable.Range(0, NewsItem.MaxPhotos + 1).Select(_ => Photo()).ToList());
        Assert.Equal("每篇新闻最多 6 张照片", Assert.IsType<ValidationError>(tooMany.Error).Fields["Photos"]);
    }

    [Fact]
    public async Task A_returned_item_is_edited_by_its_author_and_waits_again_for_the_space_admin()
    {
        var school = await portal.DemoSchoolAsync();
        var teacher = await portal.TeacherAsync(school.Id, 3);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var id = (await News.SubmitAsync(teacher, Input("需要退回的稿件"), [])).Value;
        var noReason = await News.ReturnAsync(admin, id, " ");
        Assert.Equal("请填写退回原因", Assert.IsType<ValidationError>(noReason.Error).Fields["ReturnReason"]);
        Assert.True((await News.ReturnAsync(admin, id, "请补充照片")).Succeeded);
        Assert.Equal(1, (await News.HomeAsync(teacher)).MyReturned);
        Assert.True((await News.EditAsync(teacher, id, Input("补充照片后的稿件"), [Photo()], [])).Succeeded);
        var item = (await News.GetAsync(admin, id)).Value!;
        Assert.Equal((NewsStatus.Pending, "补充照片后的稿件", 1), (item.Item.Status, item.Item.Title, item.Photos.Count));
        Assert.True((await News.EditAsync(admin, id, Input("管理员润色后的标题"), [], [item.Photos[0].Id], publish: true)).Succeeded);
        var published = (await News.GetAsync(teacher, id)).Value!;
        Assert.Equal((NewsStatus.Published, "管理员润色后的标题", 0), (published.Item.Status, published.Item.Title, published.Photos.Count));
    }

    [Fact]
    public async Task Counts_per_school_and_teacher_cover_the_period_and_the_export_names_period_and_time()
    {
        var school = await portal.SchoolOfOtherCountyAsync(2);
        var teacher = await portal.TeacherAsync(school.Id, 0);
        Assert.True((await News.SubmitAsync(teacher, Input("统计用稿件"), [])).Succeeded);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var counts = (await News.CountsAsync(city, portal.Today.AddDays(-1), portal.Today)).Value!;
        var row = Assert.Single(counts.Teachers, r => r.Name == teacher.RealName && r.SchoolName == school.Name);
        Assert.Equal(1, row.Submitted);
        Assert.Contains(counts.Schools, r => r.SchoolName == school.Name && r.Submitted >= 1);
        // A teacher has no counts; a range ending before it starts is refused next to the end date.
        Assert.IsType<ForbiddenError>((await News.CountsAsync(teacher, portal.Today, portal.Today)).Error);
        Assert.Equal("结束日期不能早于开始日期", Assert.IsType<ValidationError>((await News.CountsAsync(city, portal.Today, portal.Today.AddDays(-1))).Error).Fields["To"]);
        // The demo school's admin sees only its own school.
        var demoAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var demoSchool = await portal.DemoSchoolAsync();
        Assert.All((await News.CountsAsync(demoAdmin, portal.Today.AddDays(-30), portal.Today)).Value!.Schools, r => Assert.Equal(demoSchool.Name, r.SchoolName));

        var bytes = NewsService.ExportCounts(counts, perTeacher: true, "云溪市教育局", portal.Now);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        var caption = workbook.Worksheet(1).Cell(1, 1).GetString();
        Assert.Contains($"统计期间：{ChinaTime.FormatDate(portal.Today.AddDays(-1))} 至 {ChinaTime.FormatDate(portal.Today)}", caption);
        Assert.Contains($"导出时间：{ChinaTime.Format(portal.Now)}", caption);
    }

    [Fact]
    public async Task The_demo_school_has_news_in_every_state_and_the_county_page_shows_the_featured_one()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.DemoSchoolAsync();
        await using var db = await portal.DbAsync();
        var states = await db.NewsItems.Where(n => n.SchoolId == school.Id).Select(n => new { n.Status, n.Recommendation }).ToListAsync();
        Assert.Contains(states, s => s.Status == NewsStatus.Pending);
        Assert.Contains(states, s => s.Status == NewsStatus.Returned);
        Assert.Contains(states, s => s.Recommendation == NewsRecommendation.Recommended);
        Assert.Contains(await News.FeaturedAsync(county), r => r.Title == "我校举办科学实验开放周活动" && r.CoverPhotoId is not null);
    }
}
