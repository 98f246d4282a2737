using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.LabRecords;

[Collection(PortalCollection.Name)]
public sealed class LabRecordTests(PortalFactory portal)
{
    private static readonly HashSet<string> Taken = [];

    /// <summary>
    /// A seeded teacher with no unpublished record, given to one test only: of the given school, or else of any school
    /// of the demo county other than the demo school (whose teachers are kept for the tests its admin reviews).
    /// </summary>
    private async Task<Caller> FreshTeacherAsync(int? schoolId = null)
    {
        var demoSchool = await portal.DemoSchoolAsync();
        var countyPath = OrgUnit.AncestorPaths(demoSchool.Path)[1];
        await using var db = await portal.DbAsync();
        var candidates = await db.Users.Where(u => (schoolId == null ? u.OrgUnit!.Path.StartsWith(countyPath) && u.OrgUnitId != demoSchool.Id : u.OrgUnitId == schoolId)
                && u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active
                && u.Employment == EmploymentStatus.Serving && u.Id.StartsWith("demo-") && u.UserName != DemoAccounts.Teacher)
            .OrderByDescending(u => u.Id).Select(u => u.Id).ToListAsync();
        string id;
        lock (Taken)
        {
            id = candidates.First(c => !Taken.Contains(c));
            Taken.Add(id);
        }
        return (await EduPortal.Web.Infrastructure.Auth.CallerAccessor.LoadAsync(db, id))!;
    }

    private async Task<(Caller Teacher, long RecordId)> PublishedRecordAsync(int? schoolId = null)
    {
        var teacher = await FreshTeacherAsync(schoolId);
        var service = portal.Service<LabRecordService>();
        foreach (var slot in LabMediaSlots.Required)
        {
            var bytes = LabMediaFiles.Jpeg(shade: (byte)(40 * (int)slot));
            var upload = await service.UploadAsync(teacher, slot, new MemoryStream(bytes), bytes.Length);
            Assert.True(upload.Succeeded, upload.Error?.Message);
        }
        var draft = (await service.GetDraftAsync(teacher))!;
        var details = await CompleteDetailsAsync(teacher);
        var published = await service.PublishAsync(teacher, draft.Id, details);
        Assert.True(published.Succeeded, published.Error?.Message);
        return (teacher, draft.Id);
    }

    private async Task<LabRecordDetails> CompleteDetailsAsync(Caller teacher)
    {
        var options = (await portal.Service<LabRecordService>().GetCaptureOptionsAsync(teacher)).Value!;
        var experiment = options.Experiments.First(e => options.Classes.Any(c => c.Grade == e.Grade));
        var schoolClass = options.Classes.First(c => c.Grade == experiment.Grade);
        return new LabRecordDetails(experiment.Subject, experiment.Kind, experiment.Id, null, schoolClass.Id, null, null,
            portal.Today.AddDays(-1), 2, null);
    }

    /// <summary>A reported record of the demo school, whose admin is school_admin.</summary>
    private async Task<long> ReportedRecordAsync()
    {
        var schoolId = (await portal.DemoSchoolAsync()).Id;
        var (teacher, id) = await PublishedRecordAsync(schoolId);
        var reporter = await FreshTeacherAsync(teacher.OrgUnitId);
        Assert.True((await portal.Service<LabReviewService>().ReportAsync(reporter, id, "照片与实验内容不符")).Succeeded);
        return id;
    }

    private async Task<LabRecord> LoadAsync(long id)
    {
        await using var db = await portal.DbAsync();
        return await db.LabRecords.Include(r => r.Media).Include(r => r.Transitions).SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task A_teacher_uploads_three_photos_publishes_and_the_record_shows_in_the_gallery_with_thumbnails()
    {
        var (teacher, id) = await PublishedRecordAsync();
        var record = await LoadAsync(id);
        Assert.Equal(LabRecordState.SelfPublished, record.State);
        Assert.Equal(3, record.Media.Count);
        Assert.All(record.Media, m => Assert.NotNull(m.ThumbnailKey));
        Assert.NotNull(record.ClassName);
        Assert.NotNull(record.Title);

        var someone = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var page = await portal.Service<LabGalleryService>().SearchAsync(someone, new GalleryQuery(SchoolId: teacher.OrgUnitId, PageSize: 100));
        Assert.Contains(page.Items, i => i.Id == id && i.ThumbnailUrl != null);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.LabPublished && a.EntityId == id.ToString()));
        // Publishing feeds the deep-application index (实验课发布), once per record.
        Assert.Equal(1, await db.PointEvents.CountAsync(e => e.TeacherId == teacher.UserId && e.ExternalId == $"lab-{id}"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_and_nothing_is_saved()
    {
        var teacher = await FreshTeacherAsync();
        var fake = "GIF89a this is not a jpeg at all"u8.ToArray();
        var result = await portal.Service<LabRecordService>().UploadAsync(teacher, LabMediaSlot.FrontToBack, new MemoryStream(fake), fake.Length);
        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Contains("不是允许的格式", error.Fields[nameof(LabMediaSlot.FrontToBack)]);
        Assert.Null(await portal.Service<LabRecordService>().GetDraftAsync(teacher));
    }

    [Fact]
    public async Task A_video_over_ten_seconds_is_refused_with_its_duration_and_a_short_one_is_kept()
    {
        var teacher = await FreshTeacherAsync();
        var service = portal.Service<LabRecordService>();
        var longVideo = LabMediaFiles.Mp4(12.5);
        var refused = await service.UploadAsync(teacher, LabMediaSlot.Video, new MemoryStream(longVideo), longVideo.Length);
        Assert.Equal("视频时长 12.5 秒，超过 10 秒的上限，请剪短后再上传", Assert.IsType<ValidationError>(refused.Error).Fields["Video"]);

        var shortVideo = LabMediaFiles.Mp4(9.6, timeScale: 600);
        var kept = await service.UploadAsync(teacher, LabMediaSlot.Video, new MemoryStream(shortVideo), shortVideo.Length);
        Assert.True(kept.Succeeded, kept.Error?.Message);
        Assert.Equal(9.6, kept.Value!.DurationSeconds!.Value, precision: 2);
    }

    [Fact]
    public async Task A_video_whose_container_has_no_duration_is_refused()
    {
        var teacher = await FreshTeacherAsync();
        // A whole, well-formed container (ftyp, then a moov holding only a 'free' box) without a movie header.
        // A truncated file is refused earlier as malformed (UploadedContentTests).
        byte[] broken = [.. LabMediaFiles.Mp4(5)[..24], 0, 0, 0, 16, .. "moov"u8, 0, 0, 0, 8, .. "free"u8];
        var result = await portal.Service<LabRecordService>().UploadAsync(teacher, LabMediaSlot.Video, new MemoryStream(broken), broken.Length);
        Assert.Contains("无法读取视频时长", result.Error!.Message);
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_refused()
    {
        var teacher = await FreshTeacherAsync();
        var service = portal.Service<LabRecordService>();
        var result = await service.UploadAsync(teacher, LabMediaSlot.FrontToBack, new MemoryStream([0xFF, 0xD8, 0xFF]), service.PhotoPolicy.MaxBytes + 1);
        Assert.Contains("文件过大", result.Error!.Message);
    }

    [Fact]
    public async Task A_teacher_keeps_one_draft_and_saving_twice_edits_the_same_one()
    {
        var teacher = await FreshTeacherAsync();
        var service = portal.Service<LabRecordService>();
        var first = await service.SaveDraftAsync(teacher, new LabRecordDetails(LabSubject.Physics, null, null, null, null, null, null, null, 1, null));
        var second = await service.SaveDraftAsync(teacher, new LabRecordDetails(LabSubject.Chemistry, null, null, null, null, null, null, null, 2, null));
        Assert.Equal(first.Value, second.Value);
        await using var db = await portal.DbAsync();
        Assert.Equal(1, await db.LabRecords.CountAsync(r => r.TeacherId == teacher.UserId && r.State == LabRecordState.Draft));
    }

    [Fact]
    public async Task The_database_refuses_a_second_draft_for_a_teacher()
    {
        var teacher = await FreshTeacherAsync();
        await using var db = await portal.DbAsync();
        var clock = portal.Clock;
        db.LabRecords.Add(LabRecord.StartDraft(teacher, 0, false, clock).Value!);
        db.LabRecords.Add(LabRecord.StartDraft(teacher, 0, false, clock).Value!);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Deleting_a_draft_is_permanent_files_included()
    {
        var teacher = await FreshTeacherAsync();
        var service = portal.Service<LabRecordService>();
        var bytes = LabMediaFiles.Jpeg();
        var upload = await service.UploadAsync(teacher, LabMediaSlot.FrontToBack, new MemoryStream(bytes), bytes.Length);
        var draft = (await service.GetDraftAsync(teacher))!;
        var record = await LoadAsync(draft.Id);
        var paths = new[] { record.Media[0].FileKey, record.Media[0].ThumbnailKey! }.Select(k => Path.Combine(portal.FilesRoot, k)).ToList();
        Assert.All(paths, p => Assert.True(File.Exists(p)));

        Assert.True((await service.DeleteAsync(teacher, draft.Id)).Succeeded);

        Assert.All(paths, p => Assert.False(File.Exists(p)));
        await using var db = await portal.DbAsync();
        Assert.False(await db.LabRecords.AnyAsync(r => r.Id == draft.Id));
        Assert.False(await db.LabMedia.AnyAsync(m => m.RecordId == draft.Id));
        Assert.True(upload.Succeeded);
    }

    [Fact]
    public async Task A_published_record_cannot_be_deleted_before_it_is_withdrawn()
    {
        var (teacher, id) = await PublishedRecordAsync();
        var service = portal.Service<LabRecordService>();
        Assert.IsType<ConflictError>((await service.DeleteAsync(teacher, id)).Error);
        await using (var db = await portal.DbAsync())
        {
            Assert.True(await db.PointEvents.AnyAsync(e => e.ExternalId == $"lab-{id}"));
        }
        Assert.True((await service.WithdrawAsync(teacher, id)).Succeeded);
        Assert.Equal(LabRecordState.Draft, (await LoadAsync(id)).State);
        await using (var db = await portal.DbAsync())
        {
            // An unpublished record earns nothing.
            Assert.False(await db.PointEvents.AnyAsync(e => e.ExternalId == $"lab-{id}"));
        }
        Assert.True((await service.DeleteAsync(teacher, id)).Succeeded);
    }

    [Fact]
    public async Task A_reported_record_leaves_the_gallery_and_enters_the_queues_of_admins_over_the_school_only()
    {
        var id = await ReportedRecordAsync();
        var reviews = portal.Service<LabReviewService>();
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var countyAdmin = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var otherSchoolAdmin = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.Contains((await reviews.QueueAsync(schoolAdmin, ReviewQueueView.Pending)).Value!, r => r.Id == id);
        Assert.Contains((await reviews.QueueAsync(countyAdmin, ReviewQueueView.Pending)).Value!, r => r.Id == id);
        Assert.DoesNotContain((await reviews.QueueAsync(otherSchoolAdmin, ReviewQueueView.Pending)).Value!, r => r.Id == id);

        var gallery = await portal.Service<LabGalleryService>().SearchAsync(otherSchoolAdmin, new GalleryQuery(SchoolId: schoolAdmin.OrgUnitId, PageSize: 100));
        Assert.DoesNotContain(gallery.Items, i => i.Id == id);
        Assert.IsType<NotFoundError>((await portal.Service<LabGalleryService>().GetAsync(otherSchoolAdmin, id)).Error);
    }

    [Fact]
    public async Task Admins_outside_the_subtree_and_teachers_cannot_review_and_nothing_changes()
    {
        var id = await ReportedRecordAsync();
        var reviews = portal.Service<LabReviewService>();
        var version = (await LoadAsync(id)).Version;
        var otherSchoolAdmin = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.IsType<NotFoundError>((await reviews.ApproveAsync(otherSchoolAdmin, id, version, null)).Error);
        var otherCountySchool = await portal.OtherCountySchoolAsync();
        await using (var db = await portal.DbAsync())
        {
            var otherCountyAdminId = await db.Users.Where(u => u.Level == AdminLevel.County && !otherCountySchool.Path.StartsWith("x") && u.OrgUnit!.Kind == OrgUnitKind.County
                && otherCountySchool.Path.StartsWith(u.OrgUnit.Path)).Select(u => u.Id).FirstAsync();
            var otherCountyAdmin = (await EduPortal.Web.Infrastructure.Auth.CallerAccessor.LoadAsync(db, otherCountyAdminId))!;
            Assert.IsType<NotFoundError>((await reviews.ReturnAsync(otherCountyAdmin, id, version, "不合格")).Error);
        }
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        Assert.IsType<NotFoundError>((await reviews.ApproveAsync(teacher, id, version, null)).Error);
        Assert.Equal(LabRecordState.Reported, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Two_admins_deciding_the_same_report_at_once_the_second_is_told_it_was_already_handled()
    {
        var id = await ReportedRecordAsync();
        var version = (await LoadAsync(id)).Version;
        var reviews = portal.Service<LabReviewService>();
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var countyAdmin = await portal.CallerAsync(DemoAccounts.CountyAdmin);

        var results = await Task.WhenAll(
            reviews.ReturnAsync(countyAdmin, id, version, "照片不清楚"),
            portal.Service<LabReviewService>().ApproveAsync(schoolAdmin, id, version, null));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("已被其他", loser.Error!.Message);
        var record = await LoadAsync(id);
        Assert.Single(record.Transitions, t => t.Action is LabActions.Approve or LabActions.Return);
    }

    [Fact]
    public async Task The_database_refuses_a_stale_write_to_a_record()
    {
        var id = await ReportedRecordAsync();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var first = await portal.DbAsync();
        await using var second = await portal.DbAsync();
        var a = await first.LabRecords.SingleAsync(r => r.Id == id);
        var b = await second.LabRecords.SingleAsync(r => r.Id == id);
        Assert.True(a.Approve(admin, null, portal.Clock).Succeeded);
        Assert.True(b.Return(county, "照片不清楚", portal.Clock).Succeeded);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task A_returned_record_is_seen_by_its_teacher_only_and_cannot_be_published_again()
    {
        var (teacher, id) = await PublishedRecordAsync();
        var reporter = await FreshTeacherAsync(teacher.OrgUnitId);
        var reviews = portal.Service<LabReviewService>();
        await reviews.ReportAsync(reporter, id, "照片与实验内容不符");
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.True((await reviews.ReturnAsync(county, id, (await LoadAsync(id)).Version, "照片未体现分组实验")).Succeeded);

        var gallery = portal.Service<LabGalleryService>();
        var own = await gallery.GetAsync(teacher, id);
        Assert.True(own.Succeeded);
        Assert.True(own.Value!.Can.Delete);
        Assert.False(own.Value.Can.Publish);
        Assert.False(own.Value.Can.Withdraw);
        Assert.IsType<NotFoundError>((await gallery.GetAsync(reporter, id)).Error);
        var republish = await portal.Service<LabRecordService>().PublishAsync(teacher, id, await CompleteDetailsAsync(teacher));
        Assert.Contains("不能再发布", republish.Error!.Message);
        // The return takes back the record's 实验课发布 points.
        await using (var db = await portal.DbAsync())
        {
            Assert.False(await db.PointEvents.AnyAsync(e => e.ExternalId == $"lab-{id}"));
        }
        var history = own.Value.History.Select(h => h.Action).ToList();
        Assert.Equal([LabActions.Create, LabActions.Publish, LabActions.Report, LabActions.Return], history);
        Assert.Equal("（举报人）", own.Value.History[2].ActorName);

        // Revoking the return puts the record back in the queue and gives its points back.
        Assert.True((await reviews.RevokeAsync(county, id, (await LoadAsync(id)).Version, "退回有误")).Succeeded);
        await using var after = await portal.DbAsync();
        Assert.True(await after.PointEvents.AnyAsync(e => e.ExternalId == $"lab-{id}" && e.TeacherId == teacher.UserId));
    }

    [Fact]
    public async Task The_county_admin_revokes_a_school_admins_pass_but_another_school_admin_cannot()
    {
        var id = await ReportedRecordAsync();
        var reviews = portal.Service<LabReviewService>();
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.True((await reviews.ApproveAsync(schoolAdmin, id, (await LoadAsync(id)).Version, "属实")).Succeeded);
        var otherSchoolAdmin = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.IsType<NotFoundError>((await reviews.RevokeAsync(otherSchoolAdmin, id, (await LoadAsync(id)).Version, "不同意")).Error);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.True((await reviews.RevokeAsync(county, id, (await LoadAsync(id)).Version, "复核发现问题")).Succeeded);
        Assert.Equal(LabRecordState.Reported, (await LoadAsync(id)).State);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.LabReviewRevoked && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Photos_of_a_draft_cannot_be_fetched_by_someone_else()
    {
        var teacher = await FreshTeacherAsync();
        var bytes = LabMediaFiles.Jpeg();
        var media = (await portal.Service<LabRecordService>().UploadAsync(teacher, LabMediaSlot.FrontToBack, new MemoryStream(bytes), bytes.Length)).Value!;
        var (client, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(media.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(media.ThumbnailUrl)).StatusCode);
        var anonymous = portal.Browser();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(media.Url)).StatusCode);
    }

    [Fact]
    public async Task Photos_of_a_shown_record_are_served_to_signed_in_users()
    {
        var (_, id) = await PublishedRecordAsync();
        var media = (await LoadAsync(id)).Media.First();
        var (client, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        var response = await client.GetAsync($"/labs/media/{media.Id}?thumb=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        // Served as what it is, never sniffed, inline under a name the server made.
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"lab-media-{media.Id}-thumb.jpg", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var full = await client.GetAsync($"/labs/media/{media.Id}");
        Assert.Equal($"lab-media-{media.Id}.jpg", full.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData(DemoAccounts.Teacher, "/labs/review")]
    [InlineData(DemoAccounts.Teacher, "/labs/stats")]
    [InlineData(DemoAccounts.SchoolAdmin, "/labs/catalogue")]
    public async Task Admin_pages_refuse_the_wrong_roles(string login, string path)
    {
        var (client, _) = await portal.SignInAsync(login);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_detail_page_of_another_teachers_draft_says_not_found()
    {
        var teacher = await FreshTeacherAsync();
        var draftId = (await portal.Service<LabRecordService>().SaveDraftAsync(teacher, new LabRecordDetails(LabSubject.Physics, null, null, null, null, null, null, null, null, null))).Value;
        var (client, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var html = await PortalFactory.HtmlAsync(await client.GetAsync($"/labs/{draftId}"));
        Assert.Contains("未找到该记录", html);
    }

    [Fact]
    public async Task Statistics_stay_inside_the_callers_subtree()
    {
        var service = portal.Service<LabStatisticsService>();
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var query = service.DefaultQuery();
        var own = (await service.GetAsync(schoolAdmin, query)).Value!;
        Assert.Equal([schoolAdmin.OrgUnitId], own.Schools.Select(s => s.SchoolId));
        var countyStats = (await service.GetAsync(county, query)).Value!;
        var cityStats = (await service.GetAsync(city, query)).Value!;
        await using var db = await portal.DbAsync();
        var countySchools = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(county.OrgPath)).Select(o => o.Id).ToListAsync();
        Assert.Equal(countySchools.Order(), countyStats.Schools.Select(s => s.SchoolId).Order());
        Assert.True(cityStats.TotalRecords > countyStats.TotalRecords);
        Assert.Equal(countyStats.TotalRecords, countyStats.Schools.Sum(s => s.Records));
        Assert.Equal(countyStats.TotalRecords, countyStats.Weeks.Sum(w => w.Records));
        Assert.Contains(countyStats.Schools, s => s.Inactive);
        var coverage = (await service.CoverageAsync(county)).Value!;
        Assert.Contains(coverage, c => c.CoveredCount > 0);
        Assert.All(coverage, c => Assert.Contains(c.SchoolId, countySchools));
        var teachers = (await service.TeachersAsync(county, query)).Value!;
        Assert.Equal(countyStats.TotalRecords, teachers.Sum(t => t.Records));
        Assert.Equal(countyStats.TeachersWithRecords, teachers.Count);
        Assert.DoesNotContain(teachers, t => t.TeacherName == "（已调离）");
        Assert.Equal([schoolAdmin.OrgUnitId], (await service.CoverageAsync(schoolAdmin)).Value!.Select(c => c.SchoolId).Distinct());
        Assert.IsType<ForbiddenError>((await service.GetAsync(await portal.CallerAsync(DemoAccounts.Teacher), query)).Error);
        Assert.IsType<ValidationError>((await service.GetAsync(county, query with { To = query.From.AddDays(-1) })).Error);
    }

    [Fact]
    public async Task A_county_admin_asking_for_another_countys_statistics_gets_nothing_of_it()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var otherCountyId = await OtherCountyIdAsync();
        var service = portal.Service<LabStatisticsService>();
        var query = service.DefaultQuery() with { CountyId = otherCountyId };
        var stats = (await service.GetAsync(county, query)).Value!;
        Assert.Empty(stats.Schools);
        Assert.Equal(0, stats.TotalRecords);
        Assert.Empty((await service.TeachersAsync(county, query)).Value!);
        Assert.Empty((await service.CoverageAsync(county, otherCountyId)).Value!);
    }

    [Fact]
    public async Task The_statistics_roll_ups_follow_every_publish_report_and_withdrawal()
    {
        var (teacher, id) = await PublishedRecordAsync();
        await AssertRollUpsMatchTheRecordsAsync();
        var published = await TeacherTallyAsync(teacher.UserId);
        Assert.True(published >= 1);

        var reported = await portal.Service<LabReviewService>().ReportAsync(await FreshTeacherAsync(), id, "照片与实验内容不符");
        Assert.True(reported.Succeeded, reported.Error?.Message);
        await AssertRollUpsMatchTheRecordsAsync();
        Assert.Equal(published - 1, await TeacherTallyAsync(teacher.UserId));

        var (other, otherId) = await PublishedRecordAsync();
        var otherPublished = await TeacherTallyAsync(other.UserId);
        Assert.True((await portal.Service<LabRecordService>().WithdrawAsync(other, otherId)).Succeeded);
        await AssertRollUpsMatchTheRecordsAsync();
        Assert.Equal(otherPublished - 1, await TeacherTallyAsync(other.UserId));
    }

    private async Task<int> TeacherTallyAsync(string teacherId)
    {
        await using var db = await portal.DbAsync();
        return await db.LabTeacherTermTallies.Where(t => t.TeacherId == teacherId).SumAsync(t => t.Records);
    }

    /// <summary>Every roll-up row equals a recount of the shown records (read in one transaction, whatever other tests write).</summary>
    private async Task AssertRollUpsMatchTheRecordsAsync()
    {
        await using var db = await portal.DbAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var shown = await db.LabRecords.AsNoTracking().Where(r => r.Shown && r.LessonDate != null)
            .Select(r => new { r.CountyId, r.SchoolId, r.TeacherId, Day = r.LessonDate!.Value, r.Subject, r.ExperimentId }).ToListAsync();
        Assert.NotEmpty(shown);
        var days = shown.GroupBy(r => (r.CountyId, r.Day, Subject: r.Subject is { } s ? (int)s : LabDayTally.NoSubject))
            .Select(g => (g.Key.CountyId, g.Key.Day, g.Key.Subject, Records: g.Count())).Order().ToList();
        Assert.Equal(days, (await db.LabDayTallies.ToListAsync()).Select(t => (t.CountyId, t.Day, t.Subject, t.Records)).Order().ToList());
        var teachers = shown.GroupBy(r => (SchoolTerm.Containing(r.Day).Start, r.SchoolId, r.CountyId, r.TeacherId))
            .Select(g => (g.Key.Start, g.Key.SchoolId, g.Key.CountyId, g.Key.TeacherId, Records: g.Count(), Last: g.Max(r => r.Day))).Order().ToList();
        Assert.Equal(teachers, (await db.LabTeacherTermTallies.ToListAsync())
            .Select(t => (t.TermStart, t.SchoolId, t.CountyId, t.TeacherId, t.Records, t.LastLessonDate)).Order().ToList());
        var experiments = shown.Where(r => r.ExperimentId != null).GroupBy(r => (SchoolTerm.Containing(r.Day).Start, r.SchoolId, r.CountyId, r.ExperimentId!.Value))
            .Select(g => (g.Key.Start, g.Key.SchoolId, g.Key.CountyId, g.Key.Value, Records: g.Count())).Order().ToList();
        Assert.Equal(experiments, (await db.LabExperimentTermTallies.ToListAsync())
            .Select(t => (t.TermStart, t.SchoolId, t.CountyId, t.ExperimentId, t.Records)).Order().ToList());
    }

    [Fact]
    public async Task Statistics_over_a_range_other_than_the_term_add_up_like_the_terms()
    {
        var service = portal.Service<LabStatisticsService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var term = service.DefaultQuery();
        // A week before the term's start: not the term, so per-school figures come from the records, weeks from the roll-up.
        var range = term with { From = term.From.AddDays(-7) };
        var stats = (await service.GetAsync(county, range)).Value!;
        Assert.True(stats.TotalRecords > 0);
        Assert.Equal(stats.TotalRecords, stats.Weeks.Sum(w => w.Records));
        Assert.Equal(stats.TotalRecords, stats.Schools.Sum(s => s.Records));
        Assert.Equal(stats.TotalRecords, (await service.TeachersAsync(county, range)).Value!.Sum(t => t.Records));
        Assert.True(stats.TeachersWithRecords <= stats.Schools.Sum(s => s.Teachers));
    }

    private async Task<int> OtherCountyIdAsync()
    {
        var other = await portal.OtherCountySchoolAsync();
        await using var db = await portal.DbAsync();
        return await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County && other.Path.StartsWith(o.Path)).Select(o => o.Id).SingleAsync();
    }

    [Fact]
    public async Task The_per_school_export_reads_back_with_the_same_totals()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var service = portal.Service<LabStatisticsService>();
        var stats = (await service.GetAsync(county, service.DefaultQuery())).Value!;
        using var workbook = new XLWorkbook(new MemoryStream(LabStatisticsService.ExportSchools(stats)));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("学校", sheet.Cell(1, 1).GetString());
        var total = sheet.RowsUsed().Skip(1).Sum(r => r.Cell(3).GetValue<int>());
        Assert.Equal(stats.TotalRecords, total);
    }

    [Fact]
    public async Task The_weekly_job_flags_quiet_schools_and_rerunning_it_replaces_the_weeks_flags()
    {
        var job = portal.Service<LabInactivityJob>();
        var first = await job.RunAsync();
        var second = await job.RunAsync();
        Assert.True(first > 0);
        Assert.Equal(first, second);
        await using var db = await portal.DbAsync();
        var monday = Weeks.MondayOf(portal.Today);
        Assert.Equal(second, await db.LabInactivityFlags.CountAsync(f => f.WeekStart == monday));
    }

    [Fact]
    public void The_inactivity_job_is_scheduled_every_monday_morning_china_time()
    {
        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == LabInactivityJob.RecurringJobId);
        Assert.Equal("0 7 * * 1", job.Cron);
        Assert.Equal(EduPortal.Domain.Common.ChinaTime.Zone.Id, job.TimeZoneId);
    }

    [Fact]
    public async Task A_county_extends_the_catalogue_for_its_schools_and_cannot_edit_the_citys_entries()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var catalogue = portal.Service<LabCatalogueService>();
        var added = await catalogue.AddAsync(county, new CatalogueEntryInput(LabSubject.Physics, 8, "东物8-01", "自制潜望镜", LabKind.GroupExperiment));
        Assert.True(added.Succeeded, added.Error?.Message);
        var duplicate = await catalogue.AddAsync(county, new CatalogueEntryInput(LabSubject.Physics, 8, "东物8-01", "重复编号", LabKind.GroupExperiment));
        Assert.Contains("已有这个编号", Assert.IsType<ValidationError>(duplicate.Error).Fields["Code"]);
        var invalid = await catalogue.AddAsync(county, new CatalogueEntryInput(LabSubject.Chemistry, 7, "x", "化学七年级", LabKind.GroupExperiment));
        Assert.Contains("七年级不开设化学课", Assert.IsType<ValidationError>(invalid.Error).Fields["Grade"]);

        var rows = (await catalogue.ListAsync(county, LabSubject.Physics)).Value!;
        Assert.True(rows.Single(r => r.Id == added.Value).Editable);
        var cityEntry = rows.First(r => !r.Editable);
        Assert.IsType<ForbiddenError>((await catalogue.UpdateAsync(county, cityEntry.Id, new CatalogueEntryInput(null, null, "x1", "改名", LabKind.GroupExperiment))).Error);

        // A school of that county is offered the new entry; a school of another county is not.
        var teacher = await FreshTeacherAsync();
        Assert.Contains((await portal.Service<LabRecordService>().GetCaptureOptionsAsync(teacher)).Value!.Experiments, e => e.Id == added.Value);
        var outsider = await FreshTeacherAsync((await portal.OtherCountySchoolAsync()).Id);
        Assert.DoesNotContain((await portal.Service<LabRecordService>().GetCaptureOptionsAsync(outsider)).Value!.Experiments, e => e.Id == added.Value);
        Assert.IsType<ForbiddenError>((await catalogue.AddAsync(await portal.CallerAsync(DemoAccounts.SchoolAdmin),
            new CatalogueEntryInput(LabSubject.Physics, 8, "校1", "学校自加", LabKind.GroupExperiment))).Error);
    }

    [Fact]
    public async Task A_school_admin_revokes_a_review_the_county_admin_made()
    {
        // circular 000 §三.3: 审核后的信息只能由各级管理员撤消审核 — any admin over the school, not only the reviewer or above.
        var id = await ReportedRecordAsync();
        var reviews = portal.Service<LabReviewService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.True((await reviews.ApproveAsync(county, id, (await LoadAsync(id)).Version, "属实")).Succeeded);
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.True((await portal.Service<LabGalleryService>().GetAsync(schoolAdmin, id)).Value!.Can.Revoke);
        var revoked = await reviews.RevokeAsync(schoolAdmin, id, (await LoadAsync(id)).Version, "学校复核后认为需重新审核");
        Assert.True(revoked.Succeeded, revoked.Error?.Message);
        Assert.Equal(LabRecordState.Reported, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Information_technology_is_closed_until_the_county_has_catalogue_entries_and_opens_it()
    {
        // circular 000 §二.3: 通用技术、信息技术教师待实验目录完善后开展记录工作.
        var teacher = await FreshTeacherAsync();
        var records = portal.Service<LabRecordService>();
        var options = (await records.GetCaptureOptionsAsync(teacher)).Value!;
        Assert.True(options.IsClosed(LabSubject.InformationTechnology));
        Assert.True(options.IsClosed(LabSubject.GeneralTechnology));
        Assert.False(options.IsClosed(LabSubject.Physics));
        var itClass = options.Classes.First(c => LabSubject.InformationTechnology.IsTaughtIn(c.Grade));
        var it = new LabRecordDetails(LabSubject.InformationTechnology, LabKind.HandsOnPractice, null, "用表格统计班级身高", itClass.Id, null, null,
            ChinaTime.Today(portal.Service<TimeProvider>()), 2, null);
        var refused = await records.SaveDraftAsync(teacher, it);
        Assert.Contains("待实验目录完善后开展记录工作", Assert.IsType<ValidationError>(refused.Error).Fields["Subject"]);
        Assert.Null(await records.GetDraftAsync(teacher));

        // Opening needs entries in the catalogue; once the county has one, it opens IT for its own schools only.
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var catalogue = portal.Service<LabCatalogueService>();
        Assert.Contains("请先在目录中添加实验", (await catalogue.SetOpenAsync(county, LabSubject.InformationTechnology, true)).Error!.Message);
        Assert.False((await catalogue.OpeningsAsync(county)).Single(o => o.Subject == LabSubject.InformationTechnology).Open);
        var entry = await catalogue.AddAsync(county, new CatalogueEntryInput(LabSubject.InformationTechnology, itClass.Grade, "东信-01", "用表格处理数据", LabKind.HandsOnPractice));
        Assert.True(entry.Succeeded, entry.Error?.Message);
        Assert.IsType<ForbiddenError>((await catalogue.SetOpenAsync(await portal.CallerAsync(DemoAccounts.SchoolAdmin), LabSubject.InformationTechnology, true)).Error);
        Assert.True((await catalogue.SetOpenAsync(county, LabSubject.InformationTechnology, true)).Succeeded);
        Assert.Equal("本单位设置", (await catalogue.OpeningsAsync(county)).Single(o => o.Subject == LabSubject.InformationTechnology).Source);

        Assert.False((await records.GetCaptureOptionsAsync(teacher)).Value!.IsClosed(LabSubject.InformationTechnology));
        var saved = await records.SaveDraftAsync(teacher, it with { ExperimentId = entry.Value, Title = null });
        Assert.True(saved.Succeeded, saved.Error?.Message);
        var outsider = await FreshTeacherAsync((await portal.OtherCountySchoolAsync()).Id);
        Assert.True((await records.GetCaptureOptionsAsync(outsider)).Value!.IsClosed(LabSubject.InformationTechnology));
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.LabCatalogueChanged && a.EntityType == nameof(LabSubjectOpening)));
    }

    [Fact]
    public async Task Publishing_a_blank_form_names_what_is_missing_and_creates_no_draft()
    {
        var teacher = await FreshTeacherAsync();
        var blank = new LabRecordDetails(null, null, null, null, null, null, null, null, null, null);
        var error = Assert.IsType<ValidationError>(await portal.Service<LabRecordService>().CheckNewRecordAsync(teacher, blank));
        Assert.Equal(["BackToFront", "ClassId", "FrontToBack", "GroupCloseUp", "Kind", "LessonDate", "Period", "Subject", "Title"],
            error.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("请先选择学科", error.Fields["Title"]);
        Assert.Null(await portal.Service<LabRecordService>().GetDraftAsync(teacher));
    }

    [Fact]
    public async Task The_error_count_of_a_failed_publish_matches_the_fields_the_form_marks()
    {
        // The form shows 实验名称 and the catalogue pick in one field: they must not be counted twice.
        var teacher = await FreshTeacherAsync();
        var service = portal.Service<LabRecordService>();
        var bytes = LabMediaFiles.Jpeg(shade: 90);
        Assert.True((await service.UploadAsync(teacher, LabMediaSlot.FrontToBack, new MemoryStream(bytes), bytes.Length)).Succeeded);
        var draft = (await service.GetDraftAsync(teacher))!;
        var subjectOnly = new LabRecordDetails(LabSubject.Physics, null, null, null, null, null, null, null, null, null);
        var error = Assert.IsType<ValidationError>((await service.PublishAsync(teacher, draft.Id, subjectOnly)).Error);
        Assert.False(error.Fields.ContainsKey("Title") && error.Fields.ContainsKey("ExperimentId"));
        Assert.Equal("请先选择上课班级", error.Fields["Title"]);
        Assert.Equal(["BackToFront", "ClassId", "GroupCloseUp", "Kind", "LessonDate", "Period", "Title"], error.Fields.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_withdrawn_record_is_published_again_in_one_action_from_my_records()
    {
        var (teacher, id) = await PublishedRecordAsync();
        var service = portal.Service<LabRecordService>();
        Assert.True((await service.WithdrawAsync(teacher, id)).Succeeded);
        Assert.Equal(LabRecordState.Draft, Assert.Single(await service.MineAsync(teacher, LabRecordState.Draft)).State);
        var again = await service.PublishAsSavedAsync(teacher, id);
        Assert.True(again.Succeeded, again.Error?.Message);
        Assert.Equal(LabRecordState.SelfPublished, (await LoadAsync(id)).State);
        Assert.IsType<NotFoundError>((await service.PublishAsSavedAsync(await FreshTeacherAsync(teacher.OrgUnitId), id)).Error);
        await using var db = await portal.DbAsync();
        Assert.Equal(1, await db.PointEvents.CountAsync(e => e.ExternalId == $"lab-{id}"));
    }

    [Fact]
    public void A_week_cut_by_the_range_or_by_today_is_marked_partial_not_counted_as_a_drop()
    {
        // Wednesday 2027-01-06 to Tuesday 2027-01-19, "today" Monday 2027-01-18: two partial weeks around one full one.
        var weeks = LabStatisticsService.BucketWeeks(new DateOnly(2027, 1, 6), new DateOnly(2027, 1, 19), new DateOnly(2027, 1, 18),
            [(new DateOnly(2027, 1, 6), 3), (new DateOnly(2027, 1, 12), 9), (new DateOnly(2027, 1, 18), 1)]);
        Assert.Equal([new WeekCount(new DateOnly(2027, 1, 4), 3, 5), new WeekCount(new DateOnly(2027, 1, 11), 9, 7), new WeekCount(new DateOnly(2027, 1, 18), 1, 1)], weeks);
        Assert.Equal([true, false, true], weeks.Select(w => w.IsPartial));
    }

    [Fact]
    public async Task A_reporter_files_at_most_five_reports_a_day_and_the_sixth_record_stays_in_the_gallery()
    {
        var reporter = await FreshTeacherAsync();
        var reviews = portal.Service<LabReviewService>();
        var perDay = new LabRecordOptions().ReportsPerDay;
        var records = new List<long>();
        for (var i = 0; i <= perDay; i++)
        {
            records.Add((await PublishedRecordAsync()).RecordId);
        }
        foreach (var id in records.Take(perDay))
        {
            var filed = await reviews.ReportAsync(reporter, id, "照片与实验内容不符");
            Assert.True(filed.Succeeded, filed.Error?.Message);
        }
        var refused = await reviews.ReportAsync(reporter, records[^1], "照片与实验内容不符");
        var error = Assert.IsType<ValidationError>(refused.Error);
        Assert.Equal($"您今天已举报 {perDay} 条记录，每天最多举报 {perDay} 条，请明天再试；如有紧急情况请联系学校管理员。", error.Fields["Reason"]);

        var sixth = records[^1];
        await using var db = await portal.DbAsync();
        Assert.Equal(LabRecordState.SelfPublished, (await db.LabRecords.SingleAsync(r => r.Id == sixth)).State);
    }

    [Fact]
    public async Task Admins_see_each_reporters_history_and_restore_everything_a_bad_faith_reporter_hid_at_once()
    {
        var schoolId = (await portal.DemoSchoolAsync()).Id;
        var reporter = await FreshTeacherAsync(schoolId);
        var reviews = portal.Service<LabReviewService>();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var (_, id) = await PublishedRecordAsync(schoolId);
            Assert.True((await reviews.ReportAsync(reporter, id, "恶意举报测试")).Succeeded);
            ids.Add(id);
        }
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        int version;
        await using (var db = await portal.DbAsync())
        {
            version = (await db.LabRecords.SingleAsync(r => r.Id == ids[0])).Version;
        }
        Assert.True((await reviews.ReturnAsync(admin, ids[0], version, "照片确实不符")).Succeeded);

        var history = (await reviews.ReportersAsync(admin)).Value!.Single(h => h.ReporterId == reporter.UserId);
        Assert.Equal((reporter.RealName, 3, 3, 1, 0, 2, 2),
            (history.ReporterName, history.Reports, history.ReportsToday, history.Upheld, history.NotUpheld, history.Pending, history.PendingHere));

        // Another school's admin cannot touch them; a reason is required.
        var otherAdmin = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.IsType<NotFoundError>((await reviews.RestoreReportedByAsync(otherAdmin, reporter.UserId, "举报不实")).Error);
        Assert.IsType<ValidationError>((await reviews.RestoreReportedByAsync(admin, reporter.UserId, " ")).Error);

        var restored = await reviews.RestoreReportedByAsync(admin, reporter.UserId, "同一人短时间内连续举报，经核实均不属实");
        Assert.Equal(2, restored.Value);

        await using var check = await portal.DbAsync();
        var states = await check.LabRecords.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).Select(r => r.State).ToListAsync();
        Assert.Equal([LabRecordState.Returned, LabRecordState.Approved, LabRecordState.Approved], states);
        foreach (var id in ids.Skip(1))
        {
            var last = await check.LabRecordTransitions.Where(t => t.RecordId == id).OrderByDescending(t => t.Id).FirstAsync();
            Assert.Equal((LabActions.Approve, admin.UserId), (last.Action, last.ActorId));
            Assert.StartsWith("举报不成立，批量恢复：", last.Reason);
        }
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.LabReportsRestored && a.EntityId == reporter.UserId));
        var keys = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == AuditActions.LabApproved && a.Summary.Contains("批量恢复") && keys.Contains(a.EntityId)));

        // The history now shows the two reports as not upheld, and the reporter has nothing left in the queue.
        Assert.DoesNotContain((await reviews.ReportersAsync(admin)).Value!, h => h.ReporterId == reporter.UserId);
    }
}
