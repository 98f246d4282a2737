using EduPortal.Domain.Common;
using EduPortal.Domain.Plans;
using static EduPortal.Domain.Tests.Plans.PlanFixtures;

namespace EduPortal.Domain.Tests.Plans;

public sealed class CountyFeedbackTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly FeedbackMonth March = new(2026, 3);

    private static CountyFeedback Draft() => CountyFeedback.Start(County, CountyUnit, March, Today).Value!;

    private static CountyFeedback Submitted()
    {
        var feedback = Draft();
        Assert.True(feedback.Edit(County, "每周开展一次线上教研", null, null, "部分学校带宽不足").Succeeded);
        Assert.True(feedback.Submit(County, Now).Succeeded);
        return feedback;
    }

    [Fact]
    public void Only_a_countys_own_admins_start_its_feedback_and_not_for_a_future_month()
    {
        Assert.IsType<ForbiddenError>(CountyFeedback.Start(City, CountyUnit, March, Today).Error);
        Assert.IsType<ForbiddenError>(CountyFeedback.Start(OtherCounty, CountyUnit, March, Today).Error);
        Assert.IsType<ForbiddenError>(CountyFeedback.Start(SchoolAdminA, CountyUnit, March, Today).Error);
        var future = CountyFeedback.Start(County, CountyUnit, new FeedbackMonth(2026, 4), Today);
        Assert.Equal("只能填写本月或以前月份的反馈", Assert.IsType<ValidationError>(future.Error).Fields["Period"]);
        var started = CountyFeedback.Start(County, CountyUnit, new FeedbackMonth(2026, 2), Today);
        Assert.True(started.Succeeded);
        Assert.Equal(CountyFeedbackStatus.Draft, started.Value!.Status);
        Assert.Equal("2026年2月", started.Value.Period.Label);
    }

    [Fact]
    public void An_empty_submission_is_refused_next_to_the_first_section_and_stays_a_draft()
    {
        var feedback = Draft();
        Assert.True(feedback.Edit(County, "  ", "", null, " ").Succeeded);
        var error = Assert.IsType<ValidationError>(feedback.Submit(County, Now).Error);
        Assert.Contains("请至少填写一项反馈内容", error.Fields[nameof(CountyFeedback.Practices)]);
        Assert.Equal(CountyFeedbackStatus.Draft, feedback.Status);
        Assert.Null(feedback.SubmittedAt);
    }

    [Fact]
    public void A_submitted_feedback_can_no_longer_be_edited_or_given_files_by_the_county()
    {
        var feedback = Submitted();
        Assert.Equal(CountyFeedbackStatus.Submitted, feedback.Status);
        Assert.Equal("县管理员", feedback.SubmittedByName);
        Assert.IsType<ConflictError>(feedback.Edit(County, "改", null, null, null).Error);
        Assert.IsType<ConflictError>(feedback.AddAttachment(County, "k", "a.pdf", "application/pdf", Now).Error);
        Assert.Equal("每周开展一次线上教研", feedback.Practices);
    }

    [Fact]
    public void A_section_longer_than_the_limit_is_refused_with_its_own_message()
    {
        var feedback = Draft();
        var error = Assert.IsType<ValidationError>(feedback.Edit(County, null, null, null, new string('难', CountyFeedback.MaxSectionLength + 1)).Error);
        Assert.Equal($"困难和问题不能超过 {CountyFeedback.MaxSectionLength} 个字", error.Fields[nameof(CountyFeedback.Problems)]);
        Assert.Equal("", feedback.Problems);
    }

    [Fact]
    public void Only_the_city_replies_and_marks_handled_and_only_once_submitted()
    {
        var draft = Draft();
        Assert.IsType<ConflictError>(draft.ReplyTo(City, "收到", Now).Error);
        Assert.IsType<ForbiddenError>(draft.MarkHandled(City, Now).Error);

        var feedback = Submitted();
        Assert.IsType<ForbiddenError>(feedback.ReplyTo(County, "收到", Now).Error);
        Assert.IsType<ForbiddenError>(feedback.MarkHandled(OtherCounty, Now).Error);
        Assert.Equal("请填写回复内容", Assert.IsType<ValidationError>(feedback.ReplyTo(City, " ", Now).Error).Fields["Reply"]);
        Assert.True(feedback.ReplyTo(City, "带宽问题已转电教馆协调", Now).Succeeded);
        Assert.True(feedback.PermissionsFor(City).CanMarkHandled);
        Assert.True(feedback.MarkHandled(City, Now).Succeeded);
        Assert.Equal(CountyFeedbackStatus.Handled, feedback.Status);
        Assert.Equal("市管理员", feedback.HandledByName);
        Assert.IsType<ConflictError>(feedback.MarkHandled(City, Now).Error);
        Assert.False(feedback.PermissionsFor(City).CanMarkHandled);
    }

    [Fact]
    public void The_county_and_the_city_see_the_feedback_schools_and_other_counties_do_not()
    {
        var feedback = Submitted();
        Assert.Equal(new CountyFeedbackPermissions(true, false, false, false), feedback.PermissionsFor(County));
        Assert.Equal(new CountyFeedbackPermissions(true, false, true, true), feedback.PermissionsFor(City));
        Assert.False(feedback.CanView(OtherCounty));
        Assert.False(feedback.CanView(SchoolAdminA));
        Assert.False(feedback.CanView(TeacherA));
        Assert.True(Draft().PermissionsFor(County).CanEdit);
    }

    [Fact]
    public void At_most_ten_attachments_on_a_draft()
    {
        var feedback = Draft();
        for (var i = 0; i < CountyFeedback.MaxAttachments; i++)
        {
            Assert.True(feedback.AddAttachment(County, $"k{i}", $"材料{i}.pdf", "application/pdf", Now).Succeeded);
        }
        Assert.Equal("每份反馈最多上传 10 个附件", Assert.IsType<ValidationError>(feedback.AddAttachment(County, "k", "x.pdf", "application/pdf", Now).Error).Fields["File"]);
        Assert.IsType<ForbiddenError>(Draft().AddAttachment(City, "k", "x.pdf", "application/pdf", Now).Error);
    }

    [Fact]
    public void A_feedback_month_is_labelled_and_keyed_the_chinese_way()
    {
        Assert.Equal("2027年1月", FeedbackMonth.Of(new DateOnly(2027, 1, 2)).Label);
        Assert.Equal(new FeedbackMonth(2026, 12), new FeedbackMonth(2027, 1).Previous);
        Assert.True(FeedbackMonth.TryParse("2026-03", out var month));
        Assert.Equal(March, month);
        Assert.Equal("2026-03", month.Key);
        Assert.False(FeedbackMonth.TryParse("2026-13", out _));
        Assert.False(FeedbackMonth.TryParse("x", out _));
    }
}
