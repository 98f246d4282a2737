using System.Globalization;
using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Feedback;
using EduPortal.Web.Features.Feedback;
using EduPortal.Web.Features.News;
using EduPortal.Web.Tests.Infrastructure;
using EduPortal.Web.Tests.News;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EduPortal.Web.Tests.Feedback;

/// <summary>Users' feedback (意见建议, circular 000 §三.3) through the service and the screenshot endpoint.</summary>
[Collection(PortalCollection.Name)]
public sealed class UserFeedbackServiceTests(PortalFactory portal)
{
    private UserFeedbackService Feedback => portal.Service<UserFeedbackService>();

    private static PhotoUpload Screenshot()
    {
        var bytes = TestImages.Encode(640, 400, SKEncodedImageFormat.Png, new SKColor(230, 230, 230));
        return new PhotoUpload("截图.png", bytes.Length, bytes);
    }

    [Fact]
    public async Task The_county_editor_replies_and_closes_the_sender_sees_the_answer_and_another_countys_editor_never_sees_it()
    {
        var school = await portal.DemoSchoolAsync();
        var teacher = await portal.TeacherAsync(school.Id, 4);
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var cityEditor = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var stranger = await portal.OtherCountyEditorAsync();
        var sent = await Feedback.SendAsync(teacher, new UserFeedbackInput { Category = FeedbackCategory.Problem, Text = "导出的 Excel 打不开" }, Screenshot());
        Assert.True(sent.Succeeded, sent.Error?.Message);
        var id = sent.Value;

        Assert.Contains(await Feedback.InboxAsync(editor), r => r.Id == id);
        Assert.Contains(await Feedback.InboxAsync(cityEditor), r => r.Id == id);
        Assert.DoesNotContain(await Feedback.InboxAsync(stranger), r => r.Id == id);
        Assert.IsType<NotFoundError>((await Feedback.GetAsync(stranger, id)).Error);
        Assert.IsType<NotFoundError>((await Feedback.AnswerAsync(stranger, id, "外县回复")).Error);
        Assert.Null(await Feedback.FindScreenshotAsync(stranger, id, true));

        Assert.True((await Feedback.AnswerAsync(editor, id, "请用 Excel 2010 以上版本打开")).Succeeded);
        Assert.Equal(1, (await Feedback.HomeAsync(teacher)).UnreadReplies);
        var seen = (await Feedback.GetAsync(teacher, id)).Value!;
        Assert.Equal("请用 Excel 2010 以上版本打开", seen.Feedback.Reply);
        Assert.False(seen.Permissions.CanReply);
        Assert.Equal(0, (await Feedback.HomeAsync(teacher)).UnreadReplies);
        Assert.True((await Feedback.CloseAsync(editor, id)).Succeeded);
        Assert.IsType<ConflictError>((await Feedback.AnswerAsync(editor, id, "再回复")).Error);

        await using var db = await portal.DbAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(UserFeedback) && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.UserFeedbackSent, AuditActions.UserFeedbackAnswered, AuditActions.UserFeedbackClosed], actions);
    }

    [Fact]
    public async Task The_screenshot_is_served_to_the_sender_and_editor_and_answers_not_found_to_another_school()
    {
        var (teacherClient, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var id = (await Feedback.SendAsync(teacher, new UserFeedbackInput { Category = FeedbackCategory.Suggestion, Text = "建议增加夜间模式" }, Screenshot())).Value;
        Assert.Equal(HttpStatusCode.OK, (await teacherClient.GetAsync($"/suggestions/{id}/screenshot?thumb=1")).StatusCode);
        var (editorClient, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        Assert.Equal(HttpStatusCode.OK, (await editorClient.GetAsync($"/suggestions/{id}/screenshot")).StatusCode);
        var (otherClient, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/suggestions/{id}/screenshot")).StatusCode);
    }

    [Fact]
    public async Task The_eleventh_feedback_of_a_day_and_a_screenshot_that_is_not_an_image_are_refused_and_nothing_is_saved()
    {
        var school = await portal.SchoolOfOtherCountyAsync(3);
        var teacher = await portal.TeacherAsync(school.Id, 0);
        await using var db = await portal.DbAsync();
        var fake = "%PDF-1.4 not an image"u8.ToArray();
        var badShot = await Feedback.SendAsync(teacher, new UserFeedbackInput { Text = "附了错误的文件" }, new PhotoUpload("截图.png", fake.Length, fake));
        Assert.True(Assert.IsType<ValidationError>(badShot.Error).Fields.ContainsKey("Screenshot"));
        Assert.Equal(0, await db.UserFeedback.CountAsync(f => f.SenderId == teacher.UserId));
        for (var i = 0; i < UserFeedback.DailyLimit; i++)
        {
            Assert.True((await Feedback.SendAsync(teacher, new UserFeedbackInput { Text = $"第 {i + 1} 条" }, null)).Succeeded);
        }
        var refused = await Feedback.SendAsync(teacher, new UserFeedbackInput { Text = "第 11 条" }, null);
        Assert.Contains("每天最多提交 10 条", Assert.IsType<ValidationError>(refused.Error).Fields["Text"]);
        Assert.Equal(UserFeedback.DailyLimit, await db.UserFeedback.CountAsync(f => f.SenderId == teacher.UserId));
    }

    [Fact]
    public async Task An_admin_without_the_editor_capability_has_no_inbox()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.Empty(await Feedback.InboxAsync(admin));
        Assert.False(UserFeedbackService.IsEditor(admin));
    }
}
