using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.News;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Tests.News;

public sealed class NewsItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly NewsSchool SchoolA = new(30, "东溪区第一初级中学", "/1/2/30/", 2);
    private const string CountyPath = "/1/2/";

    private static readonly Caller Teacher = new("t1", "王老师", AdminLevel.Teacher, 30, SchoolA.Name, "/1/2/30/", OrgUnitKind.School, Capability.None);
    private static readonly Caller Colleague = new("t2", "李老师", AdminLevel.Teacher, 30, SchoolA.Name, "/1/2/30/", OrgUnitKind.School, Capability.None);
    private static readonly Caller OtherSchoolTeacher = new("t3", "赵老师", AdminLevel.Teacher, 31, "东溪区第二初级中学", "/1/2/31/", OrgUnitKind.School, Capability.None);
    private static readonly Caller SchoolAdmin = new("s1", "校管理员", AdminLevel.School, 30, SchoolA.Name, "/1/2/30/", OrgUnitKind.School, Capability.None);
    private static readonly Caller OtherSchoolAdmin = new("s2", "邻校管理员", AdminLevel.School, 31, "东溪区第二初级中学", "/1/2/31/", OrgUnitKind.School, Capability.None);
    private static readonly Caller TownshipAdmin = new("w1", "中心校管理员", AdminLevel.School, 20, "桃源镇中心校", "/1/2/", OrgUnitKind.Township, Capability.None);
    private static readonly Caller County = new("c1", "县管理员", AdminLevel.County, 2, "东溪区教育局", CountyPath, OrgUnitKind.County, Capability.None);
    private static readonly Caller OtherCounty = new("c2", "外县管理员", AdminLevel.County, 5, "西岭县教育局", "/1/5/", OrgUnitKind.County, Capability.None);
    private static readonly Caller City = new("m1", "市管理员", AdminLevel.City, 1, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.None);

    private static NewsItem Submitted(Caller? author = null) =>
        NewsItem.Submit(author ?? Teacher, SchoolA, "科学实验开放周", "本周我校举办实验开放周。", 2, 0, Now).Value!;

    private static NewsItem Published()
    {
        var item = Submitted();
        Assert.True(item.Publish(SchoolAdmin, Now).Succeeded);
        return item;
    }

    private static NewsItem Recommended()
    {
        var item = Published();
        Assert.True(item.Recommend(SchoolAdmin, Now).Succeeded);
        return item;
    }

    [Fact]
    public void Only_a_teacher_of_the_school_submits_its_news_and_it_waits_for_the_space_admin()
    {
        Assert.IsType<ForbiddenError>(NewsItem.Submit(OtherSchoolTeacher, SchoolA, "标题", "正文", 0, 0, Now).Error);
        Assert.IsType<ForbiddenError>(NewsItem.Submit(County, SchoolA, "标题", "正文", 0, 0, Now).Error);
        var item = Submitted();
        Assert.Equal(NewsStatus.Pending, item.Status);
        Assert.Equal(NewsRecommendation.None, item.Recommendation);
        Assert.Equal(2, item.CountyId);
        Assert.Equal("王老师", item.AuthorName);
    }

    [Fact]
    public void Empty_or_too_long_fields_and_too_many_photos_are_refused_next_to_their_fields()
    {
        var error = Assert.IsType<ValidationError>(NewsItem.Submit(Teacher, SchoolA, " ", "", NewsItem.MaxPhotos + 1, 0, Now).Error);
        Assert.Equal("请填写新闻标题", error.Fields["Title"]);
        Assert.Equal("请填写新闻正文", error.Fields["Body"]);
        Assert.Equal("每篇新闻最多 6 张照片", error.Fields["Photos"]);
        var tooLong = Assert.IsType<ValidationError>(NewsItem.Submit(Teacher, SchoolA, new string('字', 61), "正文", 0, 0, Now).Error);
        Assert.Equal("标题不能超过 60 个字", tooLong.Fields["Title"]);
    }

    [Fact]
    public void The_daily_limit_refuses_the_twenty_first_submission_of_the_day()
    {
        Assert.True(NewsItem.Submit(Teacher, SchoolA, "标题", "正文", 0, NewsItem.DailyLimit - 1, Now).Succeeded);
        var refused = Assert.IsType<ValidationError>(NewsItem.Submit(Teacher, SchoolA, "标题", "正文", 0, NewsItem.DailyLimit, Now).Error);
        Assert.Equal("每天最多投稿 20 篇，请明天再投", refused.Fields["Title"]);
    }

    [Fact]
    public void Only_the_schools_space_admins_publish_or_return_a_waiting_item()
    {
        var item = Submitted();
        Assert.IsType<ForbiddenError>(item.Publish(Teacher, Now).Error);
        Assert.IsType<ForbiddenError>(item.Publish(OtherSchoolAdmin, Now).Error);
        Assert.IsType<ForbiddenError>(item.Publish(County, Now).Error);
        Assert.IsType<ForbiddenError>(item.Return(City, "不行", Now).Error);
        Assert.True(item.Publish(TownshipAdmin, Now).Succeeded);
        Assert.Equal(NewsStatus.Published, item.Status);
        Assert.Equal("中心校管理员", item.ReviewedByName);
        Assert.IsType<ConflictError>(item.Publish(SchoolAdmin, Now).Error);
        Assert.IsType<ConflictError>(item.Return(SchoolAdmin, "晚了", Now).Error);
    }

    [Fact]
    public void A_return_needs_a_reason_and_the_authors_edit_resubmits_it()
    {
        var item = Submitted();
        var error = Assert.IsType<ValidationError>(item.Return(SchoolAdmin, "  ", Now).Error);
        Assert.Equal("请填写退回原因", error.Fields["ReturnReason"]);
        Assert.Equal(NewsStatus.Pending, item.Status);
        Assert.True(item.Return(SchoolAdmin, "请补充照片", Now).Succeeded);
        Assert.Equal(NewsStatus.Returned, item.Status);
        Assert.Equal("请补充照片", item.ReturnReason);
        // Only the author edits a returned item; the admin and colleagues cannot.
        Assert.IsType<ConflictError>(item.Edit(SchoolAdmin, "改", "改", 0, Now).Error);
        Assert.IsType<ForbiddenError>(item.Edit(Colleague, "改", "改", 0, Now).Error);
        Assert.True(item.Edit(Teacher, "科学实验开放周（补充照片）", "本周……", 3, Now.AddHours(1)).Succeeded);
        Assert.Equal(NewsStatus.Pending, item.Status);
        Assert.Null(item.ReturnReason);
        Assert.Equal(Now.AddHours(1), item.SubmittedAt);
    }

    [Fact]
    public void The_space_admin_edits_a_waiting_item_but_nobody_edits_a_published_one()
    {
        var item = Submitted();
        Assert.True(item.Edit(SchoolAdmin, "改后的标题", "改后的正文", 2, Now).Succeeded);
        Assert.Equal(NewsStatus.Pending, item.Status);
        Assert.True(item.Publish(SchoolAdmin, Now).Succeeded);
        Assert.IsType<ConflictError>(item.Edit(Teacher, "再改", "再改", 0, Now).Error);
        Assert.IsType<ConflictError>(item.Edit(SchoolAdmin, "再改", "再改", 0, Now).Error);
        Assert.Equal("改后的标题", item.Title);
    }

    [Fact]
    public void Only_a_published_item_is_recommended_once_by_its_school()
    {
        var waiting = Submitted();
        Assert.IsType<ConflictError>(waiting.Recommend(SchoolAdmin, Now).Error);
        var item = Published();
        Assert.IsType<ForbiddenError>(item.Recommend(Teacher, Now).Error);
        Assert.IsType<ForbiddenError>(item.Recommend(OtherSchoolAdmin, Now).Error);
        Assert.True(item.Recommend(SchoolAdmin, Now).Succeeded);
        Assert.Equal(NewsRecommendation.Recommended, item.Recommendation);
        Assert.IsType<ConflictError>(item.Recommend(SchoolAdmin, Now).Error);
    }

    [Fact]
    public void Only_the_schools_county_features_or_declines_a_recommended_item()
    {
        Assert.IsType<ConflictError>(Published().Feature(County, Now).Error);
        var item = Recommended();
        Assert.IsType<ForbiddenError>(item.Feature(OtherCounty, Now).Error);
        Assert.IsType<ForbiddenError>(item.Feature(SchoolAdmin, Now).Error);
        Assert.IsType<ForbiddenError>(item.Feature(City, Now).Error);
        Assert.True(item.Feature(County, Now).Succeeded);
        Assert.Equal(NewsRecommendation.Featured, item.Recommendation);
        Assert.IsType<ConflictError>(item.Decline(County, "重复").Error);

        var declined = Recommended();
        Assert.IsType<ForbiddenError>(declined.Decline(OtherCounty, null).Error);
        Assert.True(declined.Decline(County, "内容与上周重复").Succeeded);
        Assert.Equal(NewsRecommendation.Declined, declined.Recommendation);
        Assert.Equal("内容与上周重复", declined.DeclineReason);
        Assert.IsType<ConflictError>(declined.Feature(County, Now).Error);
    }

    [Fact]
    public void Teachers_see_their_own_and_their_schools_published_news_and_the_countys_featured_news()
    {
        var waiting = Submitted();
        Assert.True(waiting.CanView(Teacher, CountyPath));
        Assert.False(waiting.CanView(Colleague, CountyPath));
        Assert.True(waiting.CanView(SchoolAdmin, CountyPath));
        Assert.False(waiting.CanView(OtherSchoolAdmin, CountyPath));
        var published = Published();
        Assert.True(published.CanView(Colleague, CountyPath));
        Assert.False(published.CanView(OtherSchoolTeacher, CountyPath));
        var featured = Recommended();
        featured.Feature(County, Now);
        Assert.True(featured.CanView(OtherSchoolTeacher, CountyPath));
        Assert.False(featured.CanView(OtherCounty, "/1/5/"));
        Assert.True(featured.CanView(City, null));
    }

    [Fact]
    public void Permissions_follow_the_transitions_rules()
    {
        var item = Submitted();
        var admin = item.PermissionsFor(SchoolAdmin, CountyPath);
        Assert.True(admin is { CanPublish: true, CanReturn: true, CanEdit: true, CanRecommend: false, CanFeature: false });
        var teacher = item.PermissionsFor(Teacher, CountyPath);
        Assert.True(teacher is { CanEdit: true, CanPublish: false, CanReturn: false });
        item.Publish(SchoolAdmin, Now);
        item.Recommend(SchoolAdmin, Now);
        Assert.True(item.PermissionsFor(County, CountyPath) is { CanFeature: true, CanDecline: true, CanEdit: false });
        Assert.True(item.PermissionsFor(OtherCounty, "/1/5/") is { CanView: false, CanFeature: false });
    }
}
