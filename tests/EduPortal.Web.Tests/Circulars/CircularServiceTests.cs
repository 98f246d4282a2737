using System.Globalization;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Circulars;
using EduPortal.Web.Infrastructure.Html;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Circulars;

/// <summary>Circulars through the service against the real SQLite schema: numbering, jurisdiction, acknowledgement, reminders, exports.</summary>
[Collection(PortalCollection.Name)]
public sealed class CircularServiceTests(PortalFactory portal)
{
    private CircularService Circulars => portal.Service<CircularService>();

    private static CircularContent Content(RecipientSelection recipients, string title = "关于做好实验教学记录工作的通知", string? phone = "0913-2663755",
        ReplyMode reply = ReplyMode.None, DateOnly? replyDue = null) => new(
        title, "东教发", "请各校认真组织，按时完成。\n\n<script>alert('x')</script>", "刘冰峰", phone,
        [new MilestoneInput("注册", new DateOnly(2030, 4, 21), true)], recipients, ForTeachers: false, reply, replyDue);

    /// <summary>The demo school admin's school and the second demo school admin's (both in the demo county).</summary>
    private async Task<(int Own, int Other)> TwoSchoolsAsync()
    {
        await using var db = await portal.DbAsync();
        var own = await db.Users.Where(u => u.UserName == DemoAccounts.SchoolAdmin).Select(u => u.OrgUnitId).SingleAsync();
        var other = await db.Users.Where(u => u.UserName == DemoAccounts.OtherSchoolAdmin).Select(u => u.OrgUnitId).SingleAsync();
        return (own, other);
    }

    /// <summary>An editor of a county that is not the demo county (the service only sees the caller).</summary>
    private async Task<Caller> OtherCountyEditorAsync()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var other = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County && o.Id != county.OrgUnitId).OrderBy(o => o.Id).FirstAsync();
        return county with { UserId = "other-county", RealName = "外县编辑", OrgUnitId = other.Id, OrgUnitName = other.Name, OrgPath = other.Path };
    }

    private async Task<int> PublishToTwoSchoolsAsync(string title, ReplyMode reply = ReplyMode.None, DateOnly? replyDue = null)
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var (own, other) = await TwoSchoolsAsync();
        var id = (await Circulars.StartDraftAsync(editor)).Value;
        var published = await Circulars.SaveAsync(editor, id, Content(new RecipientSelection([own, other], RecipientKinds.None), title, reply: reply, replyDue: replyDue), publish: true);
        Assert.True(published.Succeeded, published.Error?.Message);
        return id;
    }

    [Fact]
    public async Task Concurrent_publishers_of_one_bureau_get_distinct_consecutive_numbers()
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var (own, _) = await TwoSchoolsAsync();

        // Six editors' clicks and two bulletin jobs at once, each through its own service scope and DbContext.
        var (numbers, generated) = await Races.PublishCircularsAtOnceAsync(portal, editor, own);

        Assert.Equal(8, numbers.Distinct().Count());
        Assert.Equal(7, numbers.Max() - numbers.Min());
        var year = portal.Today.Year;
        await using var db = await portal.DbAsync();
        var counter = await db.CircularNumberCounters.SingleAsync(c => c.IssuerUnitId == editor.OrgUnitId && c.Year == year);
        Assert.Equal(numbers.Max(), counter.LastNumber);
        Assert.Equal($"东教发〔{year}〕", generated.DocumentNumber[..(generated.DocumentNumber.IndexOf('〕') + 1)]);
    }

    [Fact]
    public async Task A_county_editor_publishes_to_two_schools_one_acknowledges_and_the_receipts_show_who_has_not()
    {
        var id = await PublishToTwoSchoolsAsync("关于签收测试的通知");
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var otherAdmin = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);

        Assert.Contains(await Circulars.HomeAsync(schoolAdmin), h => h.Id == id && h.Countdowns.Single().StartsWith("距注册截止还有", StringComparison.Ordinal));
        Assert.True((await Circulars.AcknowledgeAsync(schoolAdmin, id)).Succeeded);
        Assert.IsType<ConflictError>((await Circulars.AcknowledgeAsync(schoolAdmin, id)).Error);
        Assert.DoesNotContain(await Circulars.HomeAsync(schoolAdmin), h => h.Id == id);

        var receipts = (await Circulars.ReceiptsAsync(editor, id)).Value!;
        Assert.Equal((1, 1), (receipts.Acknowledged, receipts.Pending));
        Assert.Equal(otherAdmin.OrgUnitId, receipts.Rows.Single(r => r.AcknowledgedAt is null).UnitId);
        Assert.Equal(schoolAdmin.RealName, receipts.Rows.Single(r => r.AcknowledgedAt is not null).AcknowledgedByName);

        // 催办 reaches the one that has not acknowledged, once a day.
        Assert.True((await Circulars.RemindAsync(editor, id)).Succeeded);
        Assert.IsType<ConflictError>((await Circulars.RemindAsync(editor, id)).Error);
        Assert.Contains(await Circulars.HomeAsync(otherAdmin), h => h.Id == id && h.Reminded);

        await using var db = await portal.DbAsync();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(Circular) && a.EntityId == key).OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorName }).ToListAsync();
        Assert.Equal([AuditActions.CircularSaved, AuditActions.CircularPublished, AuditActions.CircularAcknowledged, AuditActions.CircularReminded],
            actions.Select(a => a.Action));
        Assert.Equal(schoolAdmin.RealName, actions[2].ActorName);
    }

    [Fact]
    public async Task The_receipt_workbook_names_the_document_number_and_export_time_in_its_file_and_sheet()
    {
        var id = await PublishToTwoSchoolsAsync("关于导出测试的通知");
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var circular = (await Circulars.GetAsync(editor, id)).Value!.Circular;

        var export = await Circulars.ExportReceiptsAsync(editor, id);

        Assert.True(export.Succeeded);
        var stamp = ChinaTime.ToChina(portal.Now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.StartsWith($"签收情况-{circular.DocumentNumber}-{stamp}", export.Value.FileName);
        using var workbook = new XLWorkbook(new MemoryStream(export.Value.Bytes));
        var sheet = workbook.Worksheets.Single();
        Assert.StartsWith($"{circular.DocumentNumber} {stamp}", sheet.Name);
        var text = string.Join("|", sheet.CellsUsed().Select(c => c.GetString()));
        Assert.Contains("未签收", text);
        Assert.Contains("导出时间", text);
    }

    [Fact]
    public async Task Another_countys_editor_cannot_see_acknowledge_export_or_remind_and_a_school_admin_cannot_publish()
    {
        var id = await PublishToTwoSchoolsAsync("关于越权测试的通知");
        var stranger = await OtherCountyEditorAsync();
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);

        Assert.IsType<NotFoundError>((await Circulars.GetAsync(stranger, id)).Error);
        Assert.IsType<NotFoundError>((await Circulars.AcknowledgeAsync(stranger, id)).Error);
        Assert.IsType<NotFoundError>((await Circulars.ExportReceiptsAsync(stranger, id)).Error);
        Assert.IsType<NotFoundError>((await Circulars.RemindAsync(stranger, id)).Error);
        Assert.DoesNotContain((await Circulars.ListAsync(stranger)).Received, r => r.Id == id);

        Assert.IsType<ForbiddenError>((await Circulars.StartDraftAsync(schoolAdmin)).Error);
        Assert.IsType<NotFoundError>((await Circulars.ReceiptsAsync(schoolAdmin, id)).Error);
        Assert.IsType<ForbiddenError>((await Circulars.WithdrawAsync(schoolAdmin, id)).Error);

        // A draft of the county is not the school's or the other county's business at all.
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var draft = (await Circulars.StartDraftAsync(editor)).Value;
        Assert.IsType<NotFoundError>((await Circulars.SaveAsync(schoolAdmin, draft, Content(RecipientSelection.Empty), publish: true)).Error);
        Assert.IsType<NotFoundError>((await Circulars.SaveAsync(stranger, draft, Content(RecipientSelection.Empty), publish: true)).Error);
    }

    [Fact]
    public async Task Download_endpoints_answer_404_to_a_school_the_circular_was_not_sent_to()
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var (_, other) = await TwoSchoolsAsync();
        var id = (await Circulars.StartDraftAsync(editor)).Value;
        await using (var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")))
        {
            Assert.True((await Circulars.UploadAttachmentAsync(editor, id, pdf, pdf.Length, "名单.pdf")).Succeeded);
        }
        Assert.True((await Circulars.SaveAsync(editor, id, Content(new RecipientSelection([other], RecipientKinds.None), "关于附件权限测试的通知"), publish: true)).Succeeded);
        var attachmentId = (await Circulars.GetAsync(editor, id)).Value!.Circular.Attachments.Single().Id;

        var (notRecipient, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await notRecipient.GetAsync($"/circulars/{id}/files/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notRecipient.GetAsync($"/circulars/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notRecipient.GetAsync($"/circulars/{id}/receipts.xlsx")).StatusCode);

        var (recipient, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.Equal(HttpStatusCode.OK, (await recipient.GetAsync($"/circulars/{id}/files/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recipient.GetAsync($"/circulars/{id}/receipts.xlsx")).StatusCode);

        var (issuer, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        var workbook = await issuer.GetAsync($"/circulars/{id}/receipts.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
    }

    [Fact]
    public async Task An_xlsx_attachment_downloads_as_a_spreadsheet_under_its_chinese_name()
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var (_, other) = await TwoSchoolsAsync();
        var id = (await Circulars.StartDraftAsync(editor)).Value;
        using (var workbook = new XLWorkbook())
        {
            workbook.AddWorksheet("名单").Cell(1, 1).Value = "学校";
            await using var xlsx = new MemoryStream();
            workbook.SaveAs(xlsx);
            xlsx.Position = 0;
            Assert.True((await Circulars.UploadAttachmentAsync(editor, id, xlsx, xlsx.Length, "参赛名单.xlsx")).Succeeded);
        }
        Assert.True((await Circulars.SaveAsync(editor, id, Content(new RecipientSelection([other], RecipientKinds.None), "关于报送参赛名单的通知"), publish: true)).Succeeded);
        var attachment = (await Circulars.GetAsync(editor, id)).Value!.Circular.Attachments.Single();
        Assert.Equal(Web.Infrastructure.Excel.ExcelExport.ContentType, attachment.ContentType);

        var (recipient, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        var response = await recipient.GetAsync($"/circulars/{id}/files/{attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("参赛名单.xlsx", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E5%8F%82%E8%B5%9B%E5%90%8D%E5%8D%95.xlsx", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_phone_or_a_unit_of_another_county_is_refused_and_the_draft_is_not_changed()
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var (own, _) = await TwoSchoolsAsync();
        var otherCountySchool = await portal.OtherCountySchoolAsync();
        var id = (await Circulars.StartDraftAsync(editor)).Value;
        Assert.True((await Circulars.SaveAsync(editor, id, Content(new RecipientSelection([own], RecipientKinds.None), "原标题"), publish: false)).Succeeded);

        var badPhone = await Circulars.SaveAsync(editor, id, Content(new RecipientSelection([own], RecipientKinds.None), "新标题", phone: "电话"), publish: true);
        Assert.Contains("联系电话", Assert.IsType<ValidationError>(badPhone.Error).Fields["ContactPhone"]);
        var outside = await Circulars.SaveAsync(editor, id, Content(new RecipientSelection([otherCountySchool.Id], RecipientKinds.None), "新标题"), publish: true);
        Assert.Equal("所选接收单位不在本单位管辖范围内", Assert.IsType<ValidationError>(outside.Error).Fields["Recipients"]);

        var stored = (await Circulars.GetAsync(editor, id)).Value!.Circular;
        Assert.Equal(("原标题", CircularStatus.Draft, (string?)null), (stored.Title, stored.Status, stored.DocumentNumber));
    }

    [Fact]
    public async Task The_body_is_rendered_from_markdown_and_scripts_handlers_and_javascript_links_are_stripped()
    {
        var html = portal.Service<MarkdownHtml>().ToHtml("**请按时完成**\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[点我](javascript:alert(1)) <a href=\"https://example.org\" onclick=\"x()\">链接</a>");

        Assert.Contains("<strong>请按时完成</strong>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org\"", html);
        Assert.Contains("rel=\"noopener noreferrer\"", html);
    }

    [Fact]
    public async Task A_late_file_reply_is_flagged_for_the_issuer()
    {
        var id = await PublishToTwoSchoolsAsync("关于回复测试的通知", ReplyMode.Text, portal.Today.AddDays(-1));
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);

        Assert.True((await Circulars.ReplyAsync(schoolAdmin, id, "本校管理员：张三", null, 0, null)).Succeeded);

        var row = (await Circulars.ReceiptsAsync(editor, id)).Value!.Rows.Single(r => r.UnitId == schoolAdmin.OrgUnitId);
        Assert.Equal(("本校管理员：张三", true), (row.ReplyText, row.ReplyLate));
    }

    [Fact]
    public async Task A_generated_circular_goes_to_every_unit_of_the_subtree_with_its_attachment_and_teachers_see_it()
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

        var published = await Circulars.PublishGeneratedAsync(new GeneratedCircular(editor.OrgUnitId, "东溪区教育信息化工作周通报", "## 本周概况\n\n注册率 80%。",
            ForTeachers: true, Attachments: [new GeneratedAttachment("周通报.pdf", pdf)]), CancellationToken.None);

        Assert.True(published.Succeeded, published.Error?.Message);
        await using var db = await portal.DbAsync();
        var units = await db.OrgUnits.CountAsync(o => o.Path.StartsWith(editor.OrgPath) && o.Id != editor.OrgUnitId);
        var circular = (await Circulars.GetAsync(teacher, published.Value!.Id)).Value!.Circular;
        Assert.Equal(units, circular.Recipients.Count);
        Assert.Equal("周通报.pdf", circular.Attachments.Single().FileName);
        Assert.Equal(Circular.SystemPublisherName, circular.PublishedByName);
        Assert.False((await Circulars.GetAsync(teacher, published.Value.Id)).Value!.Permissions.CanAcknowledge);

        var refused = await Circulars.PublishGeneratedAsync(new GeneratedCircular(editor.OrgUnitId, "坏附件", "x",
            Attachments: [new GeneratedAttachment("伪装.pdf", Encoding.UTF8.GetBytes("<html>not a pdf</html>"))]), CancellationToken.None);
        Assert.IsType<ValidationError>(refused.Error);
        Assert.False(await db.Circulars.AnyAsync(c => c.Title == "坏附件"));
    }

    [Fact]
    public async Task The_official_pdf_carries_the_red_header_number_title_body_and_issuer_as_selectable_text()
    {
        var id = await PublishToTwoSchoolsAsync("关于红头文件测试的通知");
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var circular = (await Circulars.GetAsync(editor, id)).Value!.Circular;

        var pdf = await Circulars.PdfAsync(editor, id);

        Assert.True(pdf.Succeeded);
        var text = await PdfText.ExtractAsync(pdf.Value.Bytes, "circular-official");
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{circular.IssuerName}文件", lines[0]);
        Assert.Equal(circular.DocumentNumber, lines[1]);
        Assert.Equal("关于红头文件测试的通知", lines[2]);
        Assert.Contains("请各校认真组织，按时完成。", text);
        Assert.Contains("联系人：刘冰峰", text);
        Assert.Contains("联系电话：0913-2663755", text);
        Assert.Contains(circular.IssuerName, lines[^3]);
        Assert.Equal(ChinaTime.FormatDateLong(DateOnly.FromDateTime(ChinaTime.ToChina(circular.PublishedAt!.Value).DateTime)), lines[^2]);
        Assert.DoesNotContain("script", text);
    }

    [Fact]
    public async Task The_demo_circular_000_prints_its_salutation_timeline_contact_and_attachments()
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var id = await db.Circulars.Where(c => c.Title == "关于在全区中小学校使用“实验管理小程序”的通知").Select(c => c.Id).SingleAsync();

        var pdf = await Circulars.PdfAsync(editor, id);

        var text = await PdfText.ExtractAsync(pdf.Value.Bytes, "circular-000");
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^东电教发〔\d{4}〕9号$", lines[1]);
        Assert.Contains("各中心校、初中、区直学校：", lines);
        Assert.Contains("一、程序介绍", lines);
        Assert.Contains(lines, l => l.StartsWith("2.注册：", StringComparison.Ordinal) && l.EndsWith("4月21日前完成", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3.记录：", StringComparison.Ordinal) && l.EndsWith("4月23日起", StringComparison.Ordinal));
        Assert.Contains("联系人：刘冰峰", lines);
        Assert.Contains("联系电话：2663755 13759693597", lines);
        Assert.Contains(lines, l => l.StartsWith("附件：1.学校管理员名单", StringComparison.Ordinal));
    }
}
