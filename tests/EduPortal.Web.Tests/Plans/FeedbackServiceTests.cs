using System.Text;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Plans;

/// <summary>County feedback (circular 002 五(六)) through the service against the real SQLite schema: jurisdiction, audit, validation, the missing list.</summary>
[Collection(PortalCollection.Name)]
public sealed class FeedbackServiceTests(PortalFactory portal)
{
    private FeedbackService Feedback => portal.Service<FeedbackService>();

    /// <summary>Each test works on its own month, counted back from today, so the shared database never collides.</summary>
    private FeedbackMonth MonthsAgo(int months)
    {
        var month = FeedbackMonth.Of(portal.Today);
        for (var i = 0; i < months; i++)
        {
            month = month.Previous;
        }
        return month;
    }

    /// <summary>An admin of a county that is not the demo county admin's (the service only sees the caller).</summary>
    private async Task<Caller> OtherCountyAdminAsync()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var other = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County && o.Id != county.OrgUnitId).OrderBy(o => o.Id).FirstAsync();
        return county with { UserId = "other-county", RealName = "外县管理员", OrgUnitId = other.Id, OrgUnitName = other.Name, OrgPath = other.Path };
    }

    private static FeedbackInput Filled() => new() { Practices = "各校每周开展一次国省平台集体教研", Problems = "山区学校带宽不足 100M" };

    [Fact]
    public async Task A_county_submits_its_months_feedback_and_the_city_replies_and_marks_it_handled_every_step_audited()
    {
        var month = MonthsAgo(1);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var id = (await Feedback.StartAsync(county, month)).Value;
        Assert.Equal(id, (await Feedback.StartAsync(county, month)).Value);
        await using var pdf = PlanTestFiles.Pdf();
        var uploaded = await Feedback.UploadAsync(county, id, pdf, pdf.Length, "经验材料.pdf");
        Assert.True(uploaded.Succeeded, uploaded.Error?.Message);
        Assert.True((await Feedback.SaveAsync(county, id, Filled(), submit: true)).Succeeded);
        // The city does not see a draft as sent, but sees this one now.
        var view = await Feedback.ForMonthAsync(city, month);
        Assert.Contains(view.Rows, r => r.Id == id && r.Status == CountyFeedbackStatus.Submitted && r.Attachments == 1);
        Assert.DoesNotContain(view.Missing, m => m.Id == county.OrgUnitId);
        Assert.True((await Feedback.ReplyAsync(city, id, "带宽问题已转电教馆协调")).Succeeded);
        Assert.True((await Feedback.MarkHandledAsync(city, id)).Succeeded);
        var done = (await Feedback.GetAsync(county, id)).Value!.Feedback;
        Assert.Equal((CountyFeedbackStatus.Handled, "带宽问题已转电教馆协调"), (done.Status, done.Reply));

        await using var db = await portal.DbAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(CountyFeedback) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.FeedbackSaved, AuditActions.FeedbackSaved, AuditActions.FeedbackSubmitted, AuditActions.FeedbackReplied, AuditActions.FeedbackHandled], actions);
        Assert.Equal("处理县区工作反馈", AuditActions.DisplayName(AuditActions.FeedbackHandled));
    }

    [Fact]
    public async Task An_empty_submission_is_refused_with_a_message_on_the_first_section_and_nothing_is_audited()
    {
        var month = MonthsAgo(2);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var id = (await Feedback.StartAsync(county, month)).Value;
        var refused = await Feedback.SaveAsync(county, id, new FeedbackInput { Practices = " " }, submit: true);
        Assert.Contains("请至少填写一项反馈内容", Assert.IsType<ValidationError>(refused.Error).Fields["Practices"]);
        await using var db = await portal.DbAsync();
        Assert.Equal(CountyFeedbackStatus.Draft, (await db.CountyFeedback.SingleAsync(f => f.Id == id)).Status);
        Assert.DoesNotContain(await db.AuditEntries.Where(a => a.EntityType == nameof(CountyFeedback) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync(),
            a => a == AuditActions.FeedbackSubmitted);
    }

    [Fact]
    public async Task Another_countys_feedback_id_is_not_found_and_a_school_sees_none()
    {
        var month = MonthsAgo(3);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var id = (await Feedback.StartAsync(county, month)).Value;
        await using (var pdf = PlanTestFiles.Pdf())
        {
            Assert.True((await Feedback.UploadAsync(county, id, pdf, pdf.Length, "a.pdf")).Succeeded);
        }
        var other = await OtherCountyAdminAsync();
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        foreach (var outsider in new[] { other, school })
        {
            Assert.IsType<NotFoundError>((await Feedback.GetAsync(outsider, id)).Error);
            Assert.IsType<NotFoundError>((await Feedback.SaveAsync(outsider, id, Filled(), submit: true)).Error);
            Assert.IsType<NotFoundError>((await Feedback.ReplyAsync(outsider, id, "越权")).Error);
            Assert.IsType<NotFoundError>((await Feedback.MarkHandledAsync(outsider, id)).Error);
            await using var pdf = PlanTestFiles.Pdf();
            Assert.IsType<NotFoundError>((await Feedback.UploadAsync(outsider, id, pdf, pdf.Length, "x.pdf")).Error);
            Assert.DoesNotContain((await Feedback.ForMonthAsync(outsider, month)).Rows, r => r.Id == id);
        }
        await using var db = await portal.DbAsync();
        var attachmentId = (await db.CountyFeedback.Include(f => f.Attachments).SingleAsync(f => f.Id == id)).Attachments.Single().Id;
        Assert.Null(await Feedback.FindAttachmentAsync(other, id, attachmentId));
        Assert.NotNull(await Feedback.FindAttachmentAsync(county, id, attachmentId));
        // The city does not open a county's draft: it is not sent yet.
        Assert.IsType<NotFoundError>((await Feedback.GetAsync(await portal.CallerAsync(DemoAccounts.CityAdmin), id)).Error);
        Assert.Equal("", (await db.CountyFeedback.SingleAsync(f => f.Id == id)).Practices);
    }

    [Fact]
    public async Task The_attachment_address_serves_the_county_and_answers_404_to_a_school_admin()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var id = (await Feedback.StartAsync(county, MonthsAgo(6))).Value;
        await using (var pdf = PlanTestFiles.Pdf())
        {
            Assert.True((await Feedback.UploadAsync(county, id, pdf, pdf.Length, "材料.pdf")).Succeeded);
        }
        await using var db = await portal.DbAsync();
        var attachmentId = (await db.CountyFeedback.Include(f => f.Attachments).SingleAsync(f => f.Id == id)).Attachments.Single().Id;
        var path = $"/feedback/{id}/files/{attachmentId}";
        var (own, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await own.GetAsync(path)).StatusCode);
        var (school, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await school.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_what_it_claims_is_refused_and_nothing_attached()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var id = (await Feedback.StartAsync(county, MonthsAgo(4))).Value;
        await using var fake = new MemoryStream(Encoding.UTF8.GetBytes("not a pdf at all"));
        Assert.False((await Feedback.UploadAsync(county, id, fake, fake.Length, "伪装.pdf")).Succeeded);
        await using var db = await portal.DbAsync();
        Assert.Empty((await db.CountyFeedback.Include(f => f.Attachments).SingleAsync(f => f.Id == id)).Attachments);
    }

    [Fact]
    public async Task The_city_sees_which_counties_have_not_sent_feedback_and_exports_the_list_naming_the_month()
    {
        var month = MonthsAgo(5);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        await using var db = await portal.DbAsync();
        var counties = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County && o.Path.StartsWith(city.OrgPath)).CountAsync();
        var id = (await Feedback.StartAsync(county, month)).Value;
        // A draft is not feedback sent.
        Assert.Contains((await Feedback.ForMonthAsync(city, month)).Missing, m => m.Id == county.OrgUnitId);
        Assert.True((await Feedback.SaveAsync(county, id, Filled(), submit: true)).Succeeded);
        var view = await Feedback.ForMonthAsync(city, month);
        Assert.Equal(counties - 1, view.Missing.Count);
        Assert.DoesNotContain(view.Missing, m => m.Id == county.OrgUnitId);
        Assert.Empty((await Feedback.ForMonthAsync(county, month)).Missing);

        var workbook = FeedbackService.ExportMissing(view, portal.Clock.GetUtcNow());
        using var excel = new ClosedXML.Excel.XLWorkbook(new MemoryStream(workbook));
        var sheet = excel.Worksheet(1);
        Assert.Contains(month.Label, sheet.Cell(1, 1).GetString());
        Assert.Contains("导出时间", sheet.Cell(1, 1).GetString());
        Assert.Equal(view.Missing[0].Name, sheet.Cell(3, 2).GetString());
    }
}
