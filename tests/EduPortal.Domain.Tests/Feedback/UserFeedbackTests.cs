using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Feedback;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Tests.Feedback;

public sealed class UserFeedbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly Caller Teacher = new("t1", "王老师", AdminLevel.Teacher, 30, "东溪区第一初级中学", "/1/2/20/30/", OrgUnitKind.School, Capability.None);
    private static readonly Caller CountyEditor = new("c1", "县编辑", AdminLevel.County, 2, "东溪区教育局", "/1/2/", OrgUnitKind.County, Capability.BureauEditor);
    private static readonly Caller CountyAdmin = new("c3", "县管理员", AdminLevel.County, 2, "东溪区教育局", "/1/2/", OrgUnitKind.County, Capability.None);
    private static readonly Caller OtherCountyEditor = new("c2", "外县编辑", AdminLevel.County, 5, "西岭县教育局", "/1/5/", OrgUnitKind.County, Capability.BureauEditor);
    private static readonly Caller CityEditor = new("m1", "市编辑", AdminLevel.City, 1, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.BureauEditor);
    private static readonly Caller CityAdmin = new("m2", "市管理员", AdminLevel.City, 1, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.None);

    private static UserFeedback Sent() => UserFeedback.Send(Teacher, FeedbackCategory.Problem, "上传照片很慢", 0, Now).Value!;

    [Fact]
    public void Feedback_goes_to_the_senders_county_or_for_the_citys_own_users_to_the_city()
    {
        Assert.Equal("/1/2/", Sent().BureauPath);
        Assert.Equal("/1/", UserFeedback.Send(CityAdmin, FeedbackCategory.Other, "建议", 0, Now).Value!.BureauPath);
        Assert.Equal("/1/5/", UserFeedback.Send(OtherCountyEditor, FeedbackCategory.Other, "建议", 0, Now).Value!.BureauPath);
    }

    [Fact]
    public void Empty_text_and_the_eleventh_feedback_of_the_day_are_refused()
    {
        Assert.Equal("请填写意见建议的内容", Assert.IsType<ValidationError>(UserFeedback.Send(Teacher, FeedbackCategory.Problem, " ", 0, Now).Error).Fields["Text"]);
        Assert.True(UserFeedback.Send(Teacher, FeedbackCategory.Problem, "内容", UserFeedback.DailyLimit - 1, Now).Succeeded);
        var refused = Assert.IsType<ValidationError>(UserFeedback.Send(Teacher, FeedbackCategory.Problem, "内容", UserFeedback.DailyLimit, Now).Error);
        Assert.Contains("每天最多提交 10 条", refused.Fields["Text"]);
    }

    [Fact]
    public void Only_editors_of_the_senders_county_or_the_city_reply_and_never_another_countys()
    {
        var feedback = Sent();
        Assert.IsType<ForbiddenError>(feedback.Answer(OtherCountyEditor, "回复", Now).Error);
        Assert.IsType<ForbiddenError>(feedback.Answer(CountyAdmin, "回复", Now).Error);
        Assert.IsType<ForbiddenError>(feedback.Answer(Teacher, "回复", Now).Error);
        Assert.False(feedback.PermissionsFor(OtherCountyEditor).CanView);
        Assert.True(feedback.PermissionsFor(CityEditor).CanReply);
        Assert.Equal("请填写回复内容", Assert.IsType<ValidationError>(feedback.Answer(CountyEditor, " ", Now).Error).Fields["Reply"]);
        Assert.True(feedback.Answer(CountyEditor, "建议在无线网络下上传", Now).Succeeded);
        Assert.Equal(FeedbackStatus.Answered, feedback.Status);
        Assert.Equal("县编辑", feedback.RepliedByName);
    }

    [Fact]
    public void A_closed_feedback_takes_no_more_replies_and_is_not_closed_twice()
    {
        var feedback = Sent();
        Assert.IsType<ForbiddenError>(feedback.Close(Teacher, Now).Error);
        Assert.True(feedback.Close(CityEditor, Now).Succeeded);
        Assert.Equal(FeedbackStatus.Closed, feedback.Status);
        Assert.IsType<ConflictError>(feedback.Answer(CountyEditor, "迟到的回复", Now).Error);
        Assert.IsType<ConflictError>(feedback.Close(CountyEditor, Now).Error);
        Assert.False(feedback.PermissionsFor(CountyEditor).CanReply);
    }

    [Fact]
    public void A_reply_is_unread_until_the_sender_opens_it_and_a_newer_reply_is_unread_again()
    {
        var feedback = Sent();
        Assert.False(feedback.HasUnreadReply);
        feedback.Answer(CountyEditor, "第一次回复", Now);
        Assert.True(feedback.HasUnreadReply);
        Assert.False(feedback.MarkReadBySender(CountyEditor, Now.AddHours(1)));
        Assert.True(feedback.MarkReadBySender(Teacher, Now.AddHours(1)));
        Assert.False(feedback.HasUnreadReply);
        feedback.Answer(CountyEditor, "补充回复", Now.AddHours(2));
        Assert.True(feedback.HasUnreadReply);
    }
}
