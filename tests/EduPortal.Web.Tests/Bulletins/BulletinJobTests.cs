using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Bulletins;
using EduPortal.Web.Infrastructure.Bulletins;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Bulletins;

/// <summary>Weekly bulletins against the real SQLite schema: idempotent weeks, catch-up, the PDF's text, the section contract and jurisdiction.</summary>
[Collection(PortalCollection.Name)]
public sealed class BulletinJobTests(PortalFactory portal)
{
    private BulletinWeek LastComplete => BulletinWeek.LastCompleteAt(portal.Now);

    /// <summary>A county other than the demo county (whose bulletins the seed built), by position so tests do not share one.</summary>
    private async Task<OrgUnit> OtherCountyAsync(int skip)
    {
        await using var db = await portal.DbAsync();
        var demoCounty = OrgUnit.AncestorPaths((await portal.DemoSchoolAsync()).Path)[1];
        return await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.County && o.Path != demoCounty).OrderBy(o => o.Id).Skip(skip).FirstAsync();
    }

    /// <summary>The demo bulletins are built by a background job right after start: wait for them (two weeks of the county and the city).</summary>
    private async Task DemoBulletinsReadyAsync()
    {
        var county = await DemoCountyAsync();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            await using var db = await portal.DbAsync();
            var ready = await db.Bulletins.CountAsync(b => (b.UnitId == county.Id || b.UnitKind == OrgUnitKind.City) && b.WeekStart >= LastComplete.Previous.Monday
                && (b.WeekStart == LastComplete.Monday || b.Status == BulletinStatus.Published));
            if (ready >= 4)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the demo bulletins were not built within 3 minutes");
            await Task.Delay(500);
        }
    }

    private async Task<OrgUnit> DemoCountyAsync()
    {
        await using var db = await portal.DbAsync();
        var path = OrgUnit.AncestorPaths((await portal.DemoSchoolAsync()).Path)[1];
        return await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Path == path);
    }

    [Fact]
    public async Task Running_a_week_twice_replaces_its_bulletin_instead_of_adding_a_second()
    {
        var county = await OtherCountyAsync(0);
        var week = LastComplete.Previous.Previous.Previous.Previous.Previous.Previous; // a week no other test builds
        var generator = portal.Service<BulletinGenerator>();

        var first = await generator.GenerateAsync(county.Id, week, BulletinActor.Schedule);
        await using (var db = await portal.DbAsync())
        {
            var firstPdf = (await db.Bulletins.SingleAsync(b => b.Id == first.Value)).PdfKey;
            var second = await portal.Service<BulletinGenerator>().GenerateAsync(county.Id, week, BulletinActor.Schedule);

            Assert.True(second.Succeeded, second.Error?.Message);
            Assert.Equal(first.Value, second.Value);
            Assert.Equal(1, await db.Bulletins.CountAsync(b => b.UnitId == county.Id && b.WeekStart == week.Monday));
            // The replaced files are removed with the old figures.
            Assert.Null(await portal.Service<IFileStore>().OpenReadAsync(firstPdf));
        }
    }

    [Fact]
    public async Task A_published_week_is_final_and_a_rerun_leaves_it_alone()
    {
        var county = await OtherCountyAsync(0);
        var week = LastComplete.Previous.Previous.Previous.Previous.Previous.Previous.Previous;
        var generator = portal.Service<BulletinGenerator>();
        var id = (await generator.GenerateAsync(county.Id, week, BulletinActor.Schedule, publish: true)).Value;

        var rerun = await portal.Service<BulletinGenerator>().GenerateAsync(county.Id, week, BulletinActor.Schedule);

        Assert.Equal("本周通报已发布，不能重新生成", Assert.IsType<ConflictError>(rerun.Error).Message);
        await using var db = await portal.DbAsync();
        var bulletin = await db.Bulletins.SingleAsync(b => b.UnitId == county.Id && b.WeekStart == week.Monday);
        Assert.Equal(id, bulletin.Id);
        Assert.Equal(BulletinStatus.Published, bulletin.Status);
    }

    [Fact]
    public async Task Weeks_missed_while_the_portal_was_down_are_built_by_the_next_run()
    {
        var county = await OtherCountyAsync(1);
        var lastBuilt = LastComplete.Previous.Previous.Previous;
        Assert.True((await portal.Service<BulletinGenerator>().GenerateAsync(county.Id, lastBuilt, BulletinActor.Schedule)).Succeeded);

        var built = await portal.Service<BulletinJobs>().RunScheduledAsync(county.Id);

        Assert.Equal(3, built);
        await using var db = await portal.DbAsync();
        var weeks = await db.Bulletins.Where(b => b.UnitId == county.Id && b.WeekStart >= lastBuilt.Monday).OrderBy(b => b.WeekStart).Select(b => b.WeekStart).ToListAsync();
        Assert.Equal([lastBuilt.Monday, lastBuilt.Next.Monday, lastBuilt.Next.Next.Monday, LastComplete.Monday], weeks);
        // Running again finds nothing missing and rebuilds only the last week's draft.
        Assert.Equal(1, await portal.Service<BulletinJobs>().RunScheduledAsync(county.Id));
        Assert.Equal(4, await db.Bulletins.CountAsync(b => b.UnitId == county.Id && b.WeekStart >= lastBuilt.Monday));
    }

    [Fact]
    public async Task The_demo_county_and_the_city_have_the_last_two_weeks_bulletins_the_older_published()
    {
        await DemoBulletinsReadyAsync();
        var county = await DemoCountyAsync();
        await using var db = await portal.DbAsync();
        var rows = await db.Bulletins.AsNoTracking().Where(b => b.UnitId == county.Id && b.WeekStart >= LastComplete.Previous.Monday)
            .OrderBy(b => b.WeekStart).ToListAsync();
        Assert.Equal([LastComplete.Previous.Monday, LastComplete.Monday], rows.Select(b => b.WeekStart));
        Assert.Equal(BulletinStatus.Published, rows[0].Status);
        Assert.True(await db.Bulletins.AnyAsync(b => b.UnitKind == OrgUnitKind.City && b.WeekStart == LastComplete.Monday));
    }

    [Fact]
    public async Task The_pdf_text_extracts_exactly_with_the_title_period_section_headings_and_school_names()
    {
        var county = await DemoCountyAsync();
        var week = LastComplete.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous;
        var id = (await portal.Service<BulletinGenerator>().GenerateAsync(county.Id, week, BulletinActor.Schedule)).Value;
        await using var db = await portal.DbAsync();
        var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == id);
        await using var stream = (await portal.Service<IFileStore>().OpenReadAsync(bulletin.PdfKey))!;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);

        var text = await PdfText.ExtractAsync(buffer.ToArray(), "bulletin-county");

        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal($"{new BulletinScope(county).RegionName}教育信息化工作周通报（{week.Year}年第{week.Number}周）", bulletin.Title);
        Assert.Contains(bulletin.Title, lines);
        Assert.Contains($"通报周期：{week.PeriodText}（北京时间）", lines);
        Assert.Contains(lines, l => l.StartsWith("生成时间：", StringComparison.Ordinal) || l.Contains("生成时间：", StringComparison.Ordinal));
        string[] headings = ["一、教师实名注册情况", "二、实验教学开展情况", "三、深度应用排行", "四、实验教学调查填报情况", "五、云空间建设达标情况",
            "六、班班通覆盖情况", "七、设备报修与安全检查", "八、工作方案推进情况"];
        foreach (var heading in headings)
        {
            Assert.Contains(heading, lines);
        }
        Assert.True(headings.Select(h => lines.IndexOf(h)).SequenceEqual(headings.Select(h => lines.IndexOf(h)).Order()), "sections print in order");
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(county.Path)).Select(o => o.Name).ToListAsync();
        Assert.Contains(lines, l => schools.Contains(l));
        // Another county's schools never appear in this county's bulletin.
        var others = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && !o.Path.StartsWith(county.Path)).Select(o => o.Name).ToListAsync();
        Assert.DoesNotContain(lines, l => others.Contains(l));
    }

    [Fact]
    public async Task The_workbook_has_a_summary_sheet_and_one_sheet_per_section()
    {
        await DemoBulletinsReadyAsync();
        var county = await DemoCountyAsync();
        await using var db = await portal.DbAsync();
        var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.UnitId == county.Id && b.WeekStart == LastComplete.Monday);
        await using var stream = (await portal.Service<IFileStore>().OpenReadAsync(bulletin.ExcelKey))!;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;

        using var workbook = new ClosedXML.Excel.XLWorkbook(buffer);

        var sections = BulletinGenerator.SectionsOf(bulletin);
        Assert.Equal(["概要", .. sections.Select((s, i) => $"{i + 1}.{s.Title}")], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(bulletin.Title, workbook.Worksheet("概要").Cell(2, 2).GetString());
    }

    [Fact]
    public async Task A_section_registered_by_a_new_module_is_picked_up_without_touching_the_job()
    {
        using var extended = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddBulletinSection<TestSection>()));
        var county = await OtherCountyAsync(2);
        var week = LastComplete.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous;
        using var scope = extended.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<BulletinGenerator>().GenerateAsync(county.Id, week, BulletinActor.Schedule);

        await using var db = await portal.DbAsync();
        var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == result.Value);
        var sections = BulletinGenerator.SectionsOf(bulletin);
        Assert.Equal("test.extra", sections[^1].Key);
        Assert.Equal($"测试模块：{county.Name}", sections[^1].Summary);
        await using var stream = (await portal.Service<IFileStore>().OpenReadAsync(bulletin.PdfKey))!;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        Assert.Contains("九、测试模块情况", (await PdfText.ExtractAsync(buffer.ToArray(), null)).Split('\n').Select(l => l.Trim()));
    }

    private sealed class TestSection : IBulletinSection
    {
        public string Key => "test.extra";
        public string Title => "测试模块情况";
        public int Order => 1000;

        public Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken) =>
            Task.FromResult(new BulletinSectionData(Key, Title, Order, $"测试模块：{scope.UnitName}",
                [new BulletinTable("测试表", ["单位", "数值"], [[scope.UnitName, "1"]]) { NumericColumns = [1] }], []));
    }

    [Fact]
    public async Task A_county_editor_cannot_open_another_countys_bulletin_nor_follow_its_run()
    {
        var other = await OtherCountyAsync(0);
        var week = LastComplete.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous;
        var id = (await portal.Service<BulletinGenerator>().GenerateAsync(other.Id, week, BulletinActor.Schedule, publish: true)).Value;
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var service = portal.Service<BulletinService>();

        Assert.IsType<NotFoundError>((await service.GetAsync(editor, id)).Error);
        Assert.Null(await service.FindFileAsync(editor, id, pdf: true));
        Assert.DoesNotContain(await service.ListAsync(editor), r => r.Id == id);
        Assert.IsType<NotFoundError>((await service.PublishAsync(editor, id)).Error);
        Assert.IsType<NotFoundError>((await service.SetForewordAsync(editor, id, "越权")).Error);
        int otherRun;
        await using (var db = await portal.DbAsync())
        {
            var run = BulletinRun.Queue(other.Id, week, "someone", portal.Now);
            db.BulletinRuns.Add(run);
            await db.SaveChangesAsync();
            otherRun = run.Id;
        }
        Assert.Null(await service.RunAsync(editor, otherRun));

        var (browser, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/bulletins/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/bulletins/{id}/xlsx")).StatusCode);
    }

    [Fact]
    public async Task Only_the_units_own_bureau_editor_builds_it_and_schools_read_it_only_once_published()
    {
        await DemoBulletinsReadyAsync();
        var county = await DemoCountyAsync();
        await using var db = await portal.DbAsync();
        var draft = await db.Bulletins.AsNoTracking().SingleAsync(b => b.UnitId == county.Id && b.WeekStart == LastComplete.Monday);
        var published = await db.Bulletins.AsNoTracking().SingleAsync(b => b.UnitId == county.Id && b.WeekStart == LastComplete.Previous.Monday);
        var service = portal.Service<BulletinService>();
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);

        Assert.IsType<ForbiddenError>((await service.RequestRunAsync(schoolAdmin)).Error);
        Assert.IsType<NotFoundError>((await service.GetAsync(schoolAdmin, draft.Id)).Error);
        var read = await service.GetAsync(schoolAdmin, published.Id);
        Assert.True(read.Succeeded);
        Assert.False(read.Value!.Permissions.CanManage);
        // The city reads the county's draft but does not issue it in the county's name.
        var cityView = await service.GetAsync(city, draft.Id);
        Assert.True(cityView.Succeeded);
        Assert.False(cityView.Value!.Permissions.CanManage);
        Assert.IsType<ForbiddenError>((await service.PublishAsync(city, draft.Id)).Error);

        var (browser, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var pdf = await browser.GetAsync($"/bulletins/{published.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/bulletins/{draft.Id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task The_bulletin_workbook_downloads_as_a_spreadsheet_named_after_its_title()
    {
        await DemoBulletinsReadyAsync();
        var county = await DemoCountyAsync();
        await using var db = await portal.DbAsync();
        var published = await db.Bulletins.AsNoTracking().SingleAsync(b => b.UnitId == county.Id && b.WeekStart == LastComplete.Previous.Monday);
        var (browser, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);

        var workbook = await browser.GetAsync($"/bulletins/{published.Id}/xlsx");

        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal(ExcelExport.ContentType, workbook.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", workbook.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("attachment", workbook.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{published.Title}.xlsx", workbook.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains($"filename*=UTF-8''{Uri.EscapeDataString(published.Title)}.xlsx", workbook.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);

        // The same workbook attached to the bulletin's circular downloads the same way from the circulars' endpoint.
        var circular = await db.Circulars.AsNoTracking().Include(c => c.Attachments).SingleAsync(c => c.Id == published.CircularId);
        var attachment = circular.Attachments.Single(a => a.FileName.EndsWith(".xlsx", StringComparison.Ordinal));
        var attached = await browser.GetAsync($"/circulars/{published.CircularId}/files/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal(ExcelExport.ContentType, attached.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{published.Title}.xlsx", attached.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task The_editor_adds_a_foreword_and_publishes_and_both_are_audited()
    {
        var county = await DemoCountyAsync();
        var week = LastComplete.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous;
        var id = (await portal.Service<BulletinGenerator>().GenerateAsync(county.Id, week, BulletinActor.Schedule)).Value;
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var service = portal.Service<BulletinService>();

        Assert.IsType<ValidationError>((await service.SetForewordAsync(editor, id, new string('长', Bulletin.MaxForewordLength + 1))).Error);
        Assert.True((await service.SetForewordAsync(editor, id, "各校要高度重视实名注册工作。")).Succeeded);
        Assert.True((await service.PublishAsync(editor, id)).Succeeded);
        Assert.IsType<ConflictError>((await service.SetForewordAsync(editor, id, "发布后修改")).Error);

        await using var db = await portal.DbAsync();
        var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == id);
        Assert.Equal(BulletinStatus.Published, bulletin.Status);
        Assert.Equal("各校要高度重视实名注册工作。", bulletin.Foreword);
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.OrgPath == county.Path && a.ActorId == editor.UserId && a.Summary.Contains(bulletin.Title))
            .Select(a => a.Action).ToListAsync();
        Assert.Contains(Domain.Auditing.AuditActions.BulletinForeword, audited);
        Assert.Contains(Domain.Auditing.AuditActions.BulletinPublished, audited);
        await using var stream = (await portal.Service<IFileStore>().OpenReadAsync(bulletin.PdfKey))!;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        Assert.Contains("各校要高度重视实名注册工作。", await PdfText.ExtractAsync(buffer.ToArray(), null));

        // Published as a circular from the county to its subtree, with the PDF and the workbook attached.
        var circular = await db.Circulars.AsNoTracking().Include(c => c.Attachments).Include(c => c.Recipients).SingleAsync(c => c.Id == bulletin.CircularId);
        Assert.Equal(bulletin.Title, circular.Title);
        Assert.Equal(county.Id, circular.IssuerUnitId);
        Assert.Equal([$"{bulletin.Title}.pdf", $"{bulletin.Title}.xlsx"], circular.Attachments.OrderBy(a => a.FileName).Select(a => a.FileName));
        var demoSchool = await portal.DemoSchoolAsync();
        Assert.Contains(circular.Recipients, r => r.UnitId == demoSchool.Id);
        var outside = await portal.OtherCountySchoolAsync();
        Assert.DoesNotContain(circular.Recipients, r => r.UnitId == outside.Id);
        Assert.Contains("各校要高度重视实名注册工作。", circular.BodyMarkdown);
    }

    /// <summary>The demo county's editor as the editor of <paramref name="county"/> (the services only see the caller).</summary>
    private async Task<Caller> EditorOfAsync(OrgUnit county) =>
        (await portal.CallerAsync(DemoAccounts.CountyAdmin)) with { UserId = $"editor-{county.Id}", RealName = "外县编辑", OrgUnitId = county.Id, OrgUnitName = county.Name, OrgPath = county.Path };

    /// <summary>A publisher whose circular is always refused, as the circulars module refuses one.</summary>
    private sealed class RefusingPublisher(string reason) : IBulletinPublisher
    {
        public Task<Result<int>> PublishAsync(Bulletin bulletin, BulletinFiles files, CancellationToken cancellationToken) =>
            Task.FromResult<Result<int>>(new ValidationError(new Dictionary<string, string> { ["Recipients"] = reason }));
    }

    [Fact]
    public async Task A_refused_circular_leaves_the_bulletin_a_draft_marked_publish_failed_with_the_reason_and_a_retry_publishes_it()
    {
        var county = await OtherCountyAsync(2);
        var week = LastComplete.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous.Previous;
        var id = (await portal.Service<BulletinGenerator>().GenerateAsync(county.Id, week, BulletinActor.Schedule)).Value;
        var editor = await EditorOfAsync(county);
        var actor = new BulletinActor(editor.UserId, editor.RealName);
        await using var scope = portal.Services.CreateAsyncScope();
        var refusing = ActivatorUtilities.CreateInstance<BulletinGenerator>(scope.ServiceProvider, (IBulletinPublisher)new RefusingPublisher("没有可下发的单位"));

        var failed = await refusing.PublishAsync(id, actor);

        Assert.Equal("发布失败：没有可下发的单位", Assert.IsType<ConflictError>(failed.Error).Message);
        await using (var db = await portal.DbAsync())
        {
            var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == id);
            Assert.Equal((BulletinStatus.Draft, "没有可下发的单位", null, null), (bulletin.Status, bulletin.PublishFailure, bulletin.PublishedAt, bulletin.CircularId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Domain.Auditing.AuditActions.BulletinPublishFailed && a.EntityId == id.ToString()
                && a.Summary.Contains("没有可下发的单位")));
        }
        // The editor sees it in the list and on the bulletin, and may still publish (a draft of the own unit).
        var service = portal.Service<BulletinService>();
        Assert.Equal("没有可下发的单位", (await service.ListAsync(editor)).Single(r => r.Id == id).PublishFailure);
        var view = (await service.GetAsync(editor, id)).Value!;
        Assert.True(view.Permissions.CanManage);
        Assert.Equal("没有可下发的单位", view.Bulletin.PublishFailure);

        var retried = await service.PublishAsync(editor, id);

        Assert.True(retried.Succeeded, retried.Error?.Message);
        await using (var db = await portal.DbAsync())
        {
            var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == id);
            Assert.Equal(BulletinStatus.Published, bulletin.Status);
            Assert.Null(bulletin.PublishFailure);
            Assert.NotNull(bulletin.CircularId);
        }
    }

    [Fact]
    public async Task Saving_the_settings_reschedules_the_weekly_job_and_bad_values_change_nothing()
    {
        var county = await OtherCountyAsync(2); // its schedule is no other test's business (the failed-publish test builds its bulletins by hand)
        var editor = await EditorOfAsync(county);
        var service = portal.Service<BulletinService>();
        string? CronOfWeeklyJob()
        {
            using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
            var job = connection.GetRecurringJobs([BulletinJobs.RecurringJobId(county.Id)]).SingleOrDefault();
            Assert.True(job is null or { TimeZoneId: not null });
            return job?.Cron;
        }

        var refused = await service.SaveSettingsAsync(editor, DayOfWeek.Wednesday, 24, 61, autoPublish: true);

        var errors = Assert.IsType<ValidationError>(refused.Error).Fields;
        Assert.Equal(("小时应在 0–23 之间", "分钟应在 0–59 之间"), (errors["Hour"], errors["Minute"]));
        var unchanged = (await service.SettingsAsync(editor))!.Settings;
        Assert.Equal((BulletinSettings.DefaultDay, BulletinSettings.DefaultHour, 0, false), (unchanged.Day, unchanged.Hour, unchanged.Minute, unchanged.AutoPublish));
        Assert.NotEqual("30 16 * * 3", CronOfWeeklyJob());

        var saved = await service.SaveSettingsAsync(editor, DayOfWeek.Wednesday, 16, 30, autoPublish: true);

        Assert.True(saved.Succeeded, saved.Error?.Message);
        var settings = (await service.SettingsAsync(editor))!.Settings;
        Assert.Equal((DayOfWeek.Wednesday, 16, 30, true, "每周三 16:30"), (settings.Day, settings.Hour, settings.Minute, settings.AutoPublish, settings.ScheduleText));
        Assert.Equal("30 16 * * 3", CronOfWeeklyJob());
        using (var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Equal(ChinaTime.Zone.Id, connection.GetRecurringJobs([BulletinJobs.RecurringJobId(county.Id)]).Single().TimeZoneId);
        }
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Domain.Auditing.AuditActions.BulletinSettingsChanged && a.OrgPath == county.Path
            && a.Summary.Contains("每周三 16:30")));
        // A school's admin has no schedule to set.
        Assert.IsType<ForbiddenError>((await service.SaveSettingsAsync(await portal.CallerAsync(DemoAccounts.SchoolAdmin), DayOfWeek.Friday, 8, 0, false)).Error);
    }
}
