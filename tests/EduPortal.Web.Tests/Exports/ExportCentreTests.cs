using System.IO.Compression;
using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Exports;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.CloudSpaces.Awards;
using EduPortal.Web.Features.Exports;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Exports;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Tests.Infrastructure;
using EduPortal.Web.Tests.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Exports;

/// <summary>
/// The export centre end to end: a request queued as a Hangfire job on the test portal, its file read back (zip of PDFs,
/// xlsx, certificates), jurisdiction re-derived at run time, owner-only downloads, expiry and the per-user limit.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ExportCentreTests(PortalFactory portal)
{
    [Fact]
    public async Task A_county_admins_survey_round_zip_holds_one_pdf_per_filled_form_and_only_its_owner_downloads_it()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var surveys = portal.Service<SurveyService>();
        var round = (await surveys.GetRoundsAsync(county)).Single(r => r.Title == SurveyDemoSeeder.DemoRoundTitle(county.OrgUnitName, portal.Today));
        var board = (await surveys.GetBoardAsync(county, round.Id)).Value!;
        var filled = board.Rows.Where(r => r.Status != SurveyStatus.NotStarted).ToList();
        Assert.True(filled.Count > 3, "the demo round has filled forms");

        var id = await RequestAsync(county, SurveyRoundPdfsExport.KindKey, SurveyRoundPdfsExport.For(round.Id));
        var job = await WaitAsync(id);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.Equal(100, job.Percent);
        Assert.EndsWith(".zip", job.FileName);
        Assert.Contains(round.Title, job.FileName);
        Assert.Equal(portal.Now.AddDays(7), job.ExpiresAt!.Value, TimeSpan.FromMinutes(5));

        var (owner, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        var response = await owner.GetAsync($"/exports/{id}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(job.Size, bytes.Length);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var pdfs = zip.Entries.Where(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        Assert.Equal(filled.Count, pdfs.Count);
        var first = filled[0];
        var entry = pdfs.Single(e => e.FullName == $"{first.CountyName}/{first.SchoolName}-{SurveyPdf.FormName}.pdf");
        using var pdf = new MemoryStream();
        await using (var stream = await entry.OpenAsync())
        {
            await stream.CopyToAsync(pdf);
        }
        var text = await PdfText.ExtractAsync(pdf.ToArray(), "export-survey-zip-form");
        Assert.Contains(first.SchoolName, text);
        Assert.Contains(round.Title, text);
        using (var notes = new StreamReader(await zip.GetEntry("说明.txt")!.OpenAsync()))
        {
            var content = await notes.ReadToEndAsync();
            Assert.Contains($"收录已填写的调查表 {filled.Count} 份", content);
        }

        // Anyone else: 404, as for an id that does not exist — another admin of the same county's school included.
        var (other, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/exports/{id}/file")).StatusCode);
        var (city, _) = await portal.SignInAsync(DemoAccounts.CityAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/exports/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/exports/{id + 100_000}/file")).StatusCode);
        Assert.DoesNotContain(await portal.Service<ExportCentre>().MineAsync(await portal.CallerAsync(DemoAccounts.SchoolAdmin)), r => r.Id == id);
    }

    [Fact]
    public async Task A_county_admins_lab_list_holds_exactly_their_countys_rows_whatever_scope_the_parameters_claim()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var other = await portal.OtherCountySchoolAsync();
        var from = portal.Today.AddYears(-2);
        var to = portal.Today;
        // Forged scope: another county's id and the city's path among the parameters are ignored; only the dates count.
        var forged = new ExportParameters(new Dictionary<string, string>(LabRecordListExport.For(from, to).Values)
        {
            ["county"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["school"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["orgPath"] = "/",
        });
        var id = await RequestAsync(county, LabRecordListExport.KindKey, forged);
        var job = await WaitAsync(id);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.Contains(county.OrgUnitName, job.FileName);
        Assert.Contains($"{from:yyyyMMdd}至{to:yyyyMMdd}", job.FileName);

        int expected;
        List<string> countySchools;
        await using (var db = await portal.DbAsync())
        {
            expected = await db.LabRecords.CountAsync(r => r.CountyId == county.OrgUnitId && r.Shown && r.LessonDate >= from && r.LessonDate <= to);
            countySchools = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(county.OrgPath)).Select(o => o.Name).ToListAsync();
            Assert.True(await db.LabRecords.AnyAsync(r => r.CountyId != county.OrgUnitId && r.Shown), "other counties have records to leak");
        }
        Assert.True(expected > 0, "the demo county has shown records");
        var opened = await portal.Service<ExportCentre>().OpenAsync(county.UserId, id);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        using var content = new MemoryStream();
        await using (var stream = opened.Value!.Stream)
        {
            await stream.CopyToAsync(content);
        }
        using var workbook = new XLWorkbook(new MemoryStream(content.ToArray()));
        var sheet = workbook.Worksheet("实验记录");
        Assert.Contains($"共 {expected} 条", sheet.Cell(1, 1).GetString());
        Assert.Contains(county.OrgUnitName, sheet.Cell(1, 1).GetString());
        Assert.Equal("实验", sheet.Cell(2, 1).GetString());
        Assert.Equal("学校", sheet.Cell(2, 2).GetString());
        var last = sheet.LastRowUsed()!.RowNumber();
        Assert.Equal(expected, last - 2);
        var schools = Enumerable.Range(3, last - 2).Select(r => sheet.Cell(r, 2).GetString()).Distinct().ToList();
        Assert.All(schools, s => Assert.Contains(s, countySchools));
        Assert.DoesNotContain(other.Name, schools);
    }

    [Fact]
    public async Task Requests_outside_the_callers_rights_or_of_unknown_kinds_are_refused()
    {
        var centre = portal.Service<ExportCentre>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var round = (await portal.Service<SurveyService>().GetRoundsAsync(county)).Single(r => r.Title == SurveyDemoSeeder.DemoRoundTitle(county.OrgUnitName, portal.Today));
        var otherCounty = await portal.OtherCountyAdminAsync();
        Assert.IsType<NotFoundError>((await centre.RequestAsync(otherCounty, SurveyRoundPdfsExport.KindKey, SurveyRoundPdfsExport.For(round.Id))).Error);
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.IsType<ForbiddenError>((await centre.RequestAsync(schoolAdmin, SurveyRoundPdfsExport.KindKey, SurveyRoundPdfsExport.For(round.Id))).Error);
        Assert.IsType<NotFoundError>((await centre.RequestAsync(county, "everything.of-the-city", ExportParameters.Empty)).Error);
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        Assert.IsType<ForbiddenError>((await centre.RequestAsync(teacher, LabRecordListExport.KindKey, LabRecordListExport.For(portal.Today.AddDays(-30), portal.Today))).Error);
        Assert.IsType<ValidationError>((await centre.RequestAsync(county, LabRecordListExport.KindKey, LabRecordListExport.For(portal.Today, portal.Today.AddDays(-1)))).Error);
    }

    [Fact]
    public async Task An_export_whose_owner_lost_the_right_before_it_ran_fails_with_a_clear_message()
    {
        // Queued while the owner was an admin; by the time the job runs the owner is a teacher (as here) and may no longer have it.
        string teacherId;
        await using (var db = await portal.DbAsync())
        {
            var school = await portal.DemoSchoolAsync();
            teacherId = await PortalFactory.ServingTeachers(db, school.Id).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }
        var id = await InsertQueuedAsync(teacherId, LabRecordListExport.KindKey, LabRecordListExport.For(portal.Today.AddDays(-30), portal.Today));
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExportRunner>().RunAsync(id, CancellationToken.None);
        }
        var job = await JobAsync(id);
        Assert.Equal(ExportStatus.Failed, job.Status);
        Assert.Contains("您已无权导出该内容", job.Message);
        Assert.Null(job.FileKey);
    }

    [Fact]
    public async Task A_user_with_three_exports_queued_or_running_is_told_to_wait()
    {
        string userId;
        await using (var db = await portal.DbAsync())
        {
            userId = await db.Users.ActiveServing().Where(u => u.Level == AdminLevel.School && u.UserName != DemoAccounts.SchoolAdmin && u.UserName != DemoAccounts.OtherSchoolAdmin)
                .OrderByDescending(u => u.Id).Select(u => u.Id).FirstAsync();
        }
        var caller = (await CallerLoad(userId))!;
        var parameters = LabRecordListExport.For(portal.Today.AddDays(-30), portal.Today);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await InsertQueuedAsync(userId, LabRecordListExport.KindKey, parameters));
        }
        try
        {
            var refused = await portal.Service<ExportCentre>().RequestAsync(caller, LabRecordListExport.KindKey, parameters);
            Assert.IsType<ConflictError>(refused.Error);
            Assert.Contains("每人最多 3 个", refused.Error!.Message);
            // One finishes (here: fails): the next request is accepted.
            await using (var db = await portal.DbAsync())
            {
                var job = await db.ExportJobs.SingleAsync(j => j.Id == ids[0]);
                job.Fail("test", portal.Now);
                await db.SaveChangesAsync();
            }
            var accepted = await portal.Service<ExportCentre>().RequestAsync(caller, LabRecordListExport.KindKey, parameters);
            Assert.True(accepted.Succeeded, accepted.Error?.Message);
            ids.Add(accepted.Value);
            await WaitAsync(accepted.Value);
        }
        finally
        {
            await using var db = await portal.DbAsync();
            await db.ExportJobs.Where(j => ids.Contains(j.Id) && j.Status == ExportStatus.Queued).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task A_request_the_job_store_refuses_is_failed_at_once_and_holds_none_of_the_owners_places()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var centre = ActivatorUtilities.CreateInstance<ExportCentre>(portal.Services, (Hangfire.IBackgroundJobClient)new RefusingJobClient());

        var refused = await centre.RequestAsync(county, LabRecordListExport.KindKey, LabRecordListExport.For(portal.Today.AddDays(-7), portal.Today));

        Assert.Equal("后台任务未能排队，请稍后重新申请。", Assert.IsType<ConflictError>(refused.Error).Message);
        await using var db = await portal.DbAsync();
        var job = await db.ExportJobs.Where(j => j.OwnerId == county.UserId).OrderByDescending(j => j.Id).FirstAsync();
        Assert.Equal((ExportStatus.Failed, "后台任务未能排队，请稍后重新申请。"), (job.Status, job.Message));
    }

    [Fact]
    public async Task Concurrent_requests_of_one_user_are_accepted_exactly_up_to_the_limit()
    {
        string userId;
        await using (var db = await portal.DbAsync())
        {
            // A school admin no other test requests exports for (the limit test takes the last one, this the second last).
            userId = await db.Users.ActiveServing().Where(u => u.Level == AdminLevel.School && u.UserName != DemoAccounts.SchoolAdmin && u.UserName != DemoAccounts.OtherSchoolAdmin)
                .OrderByDescending(u => u.Id).Skip(1).Select(u => u.Id).FirstAsync();
        }
        var caller = (await CallerLoad(userId))!;
        try
        {
            var results = await Races.RequestExportsAtOnceAsync(portal, caller);

            Assert.Equal(3, results.Count(r => r.Succeeded));
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("每人最多 3 个", Assert.IsType<ConflictError>(r.Error).Message));
            await using var db = await portal.DbAsync();
            Assert.Equal(3, await db.ExportJobs.CountAsync(j => j.OwnerId == userId && j.Status == ExportStatus.Queued));
            Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.ActorId == userId && a.Action == AuditActions.ExportRequested));
        }
        finally
        {
            await using var db = await portal.DbAsync();
            await db.ExportJobs.Where(j => j.OwnerId == userId && j.Status == ExportStatus.Queued).ExecuteDeleteAsync();
        }
    }

    private sealed class RefusingJobClient : Hangfire.IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) =>
            throw new Hangfire.BackgroundJobClientException("job storage unavailable", new InvalidOperationException());

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => false;
    }

    [Fact]
    public async Task The_expiry_job_deletes_a_file_whose_time_is_up_and_a_later_download_says_it_expired()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var id = await RequestAsync(county, LabRecordListExport.KindKey, LabRecordListExport.For(portal.Today.AddDays(-7), portal.Today));
        var job = await WaitAsync(id);
        Assert.Equal(ExportStatus.Completed, job.Status);
        var store = portal.Services.GetRequiredService<IFileStore>();
        await using (var stillThere = await store.OpenReadAsync(job.FileKey!))
        {
            Assert.NotNull(stillThere);
        }
        // The cleanup before the time is up leaves it alone.
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExportCentre>().ExpireAsync();
        }
        Assert.Equal(ExportStatus.Completed, (await JobAsync(id)).Status);

        await using (var db = await portal.DbAsync())
        {
            var past = portal.Now.AddMinutes(-1);
            await db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ExpiresAt, past));
        }
        var (owner, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        // Due but not yet cleaned up: already refused.
        Assert.Equal(HttpStatusCode.Gone, (await owner.GetAsync($"/exports/{id}/file")).StatusCode);
        using (var scope = portal.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExportCentre>().ExpireAsync() >= 1);
        }
        var expired = await JobAsync(id);
        Assert.Equal(ExportStatus.Expired, expired.Status);
        Assert.Null(expired.FileKey);
        Assert.Null(await store.OpenReadAsync(job.FileKey!));
        var response = await owner.GetAsync($"/exports/{id}/file");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("已过期", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_published_award_rounds_certificates_come_as_one_pdf_with_a_page_per_winner()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        int roundId;
        await using (var db = await portal.DbAsync())
        {
            roundId = await db.AwardRounds.Where(r => r.PublishedAt != null).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        var found = await portal.Service<AwardRoundService>().CertificatesAsync(county, roundId, null);
        Assert.True(found.Succeeded, found.Error?.Message);
        var (round, winners) = found.Value;
        var id = await RequestAsync(county, AwardCertificatesExport.KindKey, AwardCertificatesExport.For(roundId));
        var job = await WaitAsync(id);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.Contains($"{winners.Count}份", job.FileName);
        var opened = await portal.Service<ExportCentre>().OpenAsync(county.UserId, id);
        using var content = new MemoryStream();
        await using (var stream = opened.Value!.Stream)
        {
            await stream.CopyToAsync(content);
        }
        var text = await PdfText.ExtractAsync(content.ToArray(), "export-award-certificates");
        // pdftotext drops the letter spacing of the title: compare without spaces.
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(winners.Count, pages.Count);
        Assert.All(pages, p => Assert.Contains("荣誉证书", p));
        var teacher = winners.First(w => w.TeacherName is not null);
        Assert.Contains(pages, p => p.Contains(teacher.TeacherName!, StringComparison.Ordinal) && p.Contains(teacher.SchoolName, StringComparison.Ordinal)
            && p.Contains(teacher.FinalTier.DisplayName(), StringComparison.Ordinal) && p.Contains(round.CountyName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_county_admins_teacher_points_list_has_the_rankings_teachers_of_their_county_only()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var rankings = (await portal.Service<Web.Features.Points.PointQueryService>().RankingsAsync(county, new Web.Features.Points.RankingQuery(portal.PointsYear))).Value!;
        Assert.True(rankings.ShowsTeachers && rankings.Teachers.Count > 10, "the demo county has ranked teachers");
        var id = await RequestAsync(county, Web.Features.Points.PointTeachersExport.KindKey,
            Web.Features.Points.PointTeachersExport.For(portal.PointsYear, null, null));
        var job = await WaitAsync(id);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.Contains(portal.PointsYear.ToString(System.Globalization.CultureInfo.InvariantCulture), job.FileName);
        var opened = await portal.Service<ExportCentre>().OpenAsync(county.UserId, id);
        using var content = new MemoryStream();
        await using (var stream = opened.Value!.Stream)
        {
            await stream.CopyToAsync(content);
        }
        using var workbook = new XLWorkbook(new MemoryStream(content.ToArray()));
        var sheet = workbook.Worksheet("教师积分排名");
        Assert.Contains(county.OrgUnitName, sheet.Cell(1, 1).GetString());
        Assert.Equal("姓名", sheet.Cell(2, 2).GetString());
        Assert.Equal(rankings.Teachers.Count, sheet.LastRowUsed()!.RowNumber() - 2);
        Assert.All(Enumerable.Range(3, rankings.Teachers.Count), r => Assert.Equal(county.OrgUnitName, sheet.Cell(r, 4).GetString()));
        Assert.Equal(rankings.Teachers[0].RealName, sheet.Cell(3, 2).GetString());
    }

    private async Task<Caller?> CallerLoad(string userId)
    {
        await using var db = await portal.DbAsync();
        return await CallerAccessor.LoadAsync(db, userId);
    }

    private async Task<long> RequestAsync(Caller caller, string kind, ExportParameters parameters)
    {
        var requested = await portal.Service<ExportCentre>().RequestAsync(caller, kind, parameters);
        Assert.True(requested.Succeeded, requested.Error?.Message);
        return requested.Value;
    }

    /// <summary>A queued export written straight to the table (no Hangfire job), as if requested earlier.</summary>
    private async Task<long> InsertQueuedAsync(string ownerId, string kind, ExportParameters parameters)
    {
        await using var db = await portal.DbAsync();
        var job = ExportJob.Request(ownerId, "测试", kind, "测试导出", parameters.ToJson(), 0, 3, portal.Now).Value!;
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private async Task<ExportJob> JobAsync(long id)
    {
        await using var db = await portal.DbAsync();
        return await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    /// <summary>Waits for the Hangfire worker to finish the export (completed or failed).</summary>
    private async Task<ExportJob> WaitAsync(long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var job = await JobAsync(id);
            if (!job.Status.IsActive() || DateTime.UtcNow > deadline)
            {
                Assert.False(job.Status.IsActive(), $"export {id} still {job.Status} at {job.Percent}%");
                return job;
            }
            await Task.Delay(200);
        }
    }
}
