using EduPortal.Domain.CloudSpaces;

namespace EduPortal.Domain.Tests.CloudSpaces;

public class CloudSpaceRulesTests
{
    private static readonly CloudSpaceThresholds Circular = CloudSpaceThresholds.Circular001();

    /// <summary>Every target met exactly at the circular's thresholds.</summary>
    private static CloudSpaceInputs AllMet() => new()
    {
        Articles = 20,
        OriginalArticles = 7,
        ProfileGaps = [],
        Courseware = 5,
        LessonPlans = 4,
        Videos = 2,
        OtherResources = 3,
        OriginalResources = 5,
        Photos = 15,
        Albums = 3,
        HeaderSet = true,
        BackgroundSet = true,
        HomepageModules = 4,
        Apps = 3,
        LoginsPerWeek = 2m,
        Points = 500,
    };

    [Fact]
    public void Thresholds_are_prefilled_from_circular_001()
    {
        Assert.Equal((35, 5, 4, 2, 3, 30), (Circular.ArticleOriginalPercent, Circular.Courseware, Circular.LessonPlans, Circular.Videos, Circular.OtherResources, Circular.ResourceOriginalPercent));
        Assert.Equal((15, 3, 4, 3, 2, 500), (Circular.Photos, Circular.Albums, Circular.HomepageModules, Circular.Apps, Circular.LoginsPerWeek, Circular.Points));
    }

    [Fact]
    public void The_checklist_lists_each_of_the_seven_targets_once_in_the_circulars_order()
    {
        // circular 001 §四(二)2 ①–⑦: the one target list Evaluate and Qualified share.
        var checklist = CloudSpaceRules.Evaluate(new CloudSpaceInputs(), Circular);
        Assert.Equal(Enum.GetValues<CloudSpaceTarget>(), checklist.Results.Select(r => r.Target));
        Assert.Equal(7, checklist.Results.Count);
    }

    [Fact]
    public void Every_target_met_exactly_at_its_threshold_is_qualified()
    {
        var checklist = CloudSpaceRules.Evaluate(AllMet(), Circular);

        Assert.True(checklist.Qualified);
        Assert.Equal(7, checklist.MetCount);
        Assert.Equal(0, checklist.ExceededCount);
    }

    [Fact]
    public void Exactly_35_percent_original_articles_is_met()
    {
        var result = CloudSpaceRules.Articles(AllMet() with { Articles = 20, OriginalArticles = 7 }, Circular);

        Assert.True(result.Met);
        Assert.Equal("原创文章 35%（7/20 篇）", result.Reason);
    }

    [Fact]
    public void Thirty_percent_original_articles_is_not_met_with_the_share_and_the_threshold()
    {
        var result = CloudSpaceRules.Articles(AllMet() with { Articles = 10, OriginalArticles = 3 }, Circular);

        Assert.False(result.Met);
        Assert.Equal("原创文章 30%，低于 35%", result.Reason);
    }

    [Fact]
    public void A_share_just_below_the_threshold_never_reads_as_the_threshold()
    {
        // 349/1000 = 34.9%; rounding would print 35%.
        var result = CloudSpaceRules.Articles(AllMet() with { Articles = 1000, OriginalArticles = 349 }, Circular);

        Assert.False(result.Met);
        Assert.Equal("原创文章 34.9%，低于 35%", result.Reason);
    }

    [Fact]
    public void Zero_articles_is_not_met()
    {
        var result = CloudSpaceRules.Articles(AllMet() with { Articles = 0, OriginalArticles = 0 }, Circular);

        Assert.False(result.Met);
        Assert.Equal("未发布文章", result.Reason);
    }

    [Fact]
    public void Missing_input_is_not_met_for_every_target()
    {
        var checklist = CloudSpaceRules.Evaluate(new CloudSpaceInputs(), Circular);

        Assert.All(checklist.Results, r =>
        {
            Assert.False(r.Met);
            Assert.Equal("未提供数据", r.Reason);
        });
        Assert.False(checklist.Qualified);
    }

    [Fact]
    public void One_missing_figure_of_a_target_is_missing_input()
    {
        Assert.Equal("未提供数据", CloudSpaceRules.Articles(AllMet() with { OriginalArticles = null }, Circular).Reason);
        Assert.Equal("未提供数据", CloudSpaceRules.Album(AllMet() with { Albums = null }, Circular).Reason);
        Assert.Equal("未提供数据", CloudSpaceRules.Interaction(AllMet() with { Points = null }, Circular).Reason);
    }

    [Theory]
    [InlineData(4, 4, 2, 3, "课件 4 个，差 1 个")]
    [InlineData(5, 3, 2, 3, "教学案 3 个，差 1 个")]
    [InlineData(5, 4, 1, 3, "教学视频 1 个，差 1 个")]
    [InlineData(5, 4, 2, 2, "其他资源 2 个，差 1 个")]
    public void Every_resource_count_must_be_met(int courseware, int plans, int videos, int other, string reason)
    {
        var result = CloudSpaceRules.Resources(AllMet() with { Courseware = courseware, LessonPlans = plans, Videos = videos, OtherResources = other, OriginalResources = 100 },
            Circular);

        Assert.False(result.Met);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Resources_original_share_below_30_percent_is_not_met_even_with_every_count()
    {
        // 14 resources, 4 original = 28.5%.
        var result = CloudSpaceRules.Resources(AllMet() with { OriginalResources = 4 }, Circular);

        Assert.False(result.Met);
        Assert.Equal("原创资源 28.5%，低于 30%", result.Reason);
    }

    [Fact]
    public void Several_resource_gaps_are_all_named()
    {
        var result = CloudSpaceRules.Resources(AllMet() with { Courseware = 0, LessonPlans = 0, Videos = 0, OtherResources = 0, OriginalResources = 0 }, Circular);

        Assert.Equal("课件 0 个，差 5 个；教学案 0 个，差 4 个；教学视频 0 个，差 2 个；其他资源 0 个，差 3 个；未上传资源", result.Reason);
    }

    [Theory]
    [InlineData(14, 3, false, "照片 14 张，差 1 张")]
    [InlineData(40, 2, false, "相册 2 个，差 1 个")]
    [InlineData(15, 3, true, "照片 15 张，相册 3 个")]
    public void Album_needs_both_photos_and_albums(int photos, int albums, bool met, string reason)
    {
        var result = CloudSpaceRules.Album(AllMet() with { Photos = photos, Albums = albums }, Circular);

        Assert.Equal(met, result.Met);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Homepage_needs_header_background_and_modules()
    {
        var result = CloudSpaceRules.Homepage(AllMet() with { HeaderSet = false, BackgroundSet = true, HomepageModules = 2 }, Circular);

        Assert.False(result.Met);
        Assert.Equal("未设置页头；自定义模块 2 个，差 2 个", result.Reason);
    }

    [Fact]
    public void Apps_below_three_is_not_met()
    {
        Assert.Equal("常用应用 2 个，差 1 个", CloudSpaceRules.Apps(AllMet() with { Apps = 2 }, Circular).Reason);
        Assert.True(CloudSpaceRules.Apps(AllMet() with { Apps = 3 }, Circular).Met);
    }

    [Theory]
    [InlineData(1.9, 800, false, "每周登录 1.9 次，低于 2 次")]
    [InlineData(3, 499, false, "积分 499 分，差 1 分")]
    [InlineData(2, 500, true, "每周登录 2 次，积分 500")]
    public void Interaction_needs_both_logins_a_week_and_points(double logins, int points, bool met, string reason)
    {
        var result = CloudSpaceRules.Interaction(AllMet() with { LoginsPerWeek = (decimal)logins, Points = points }, Circular);

        Assert.Equal(met, result.Met);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Incomplete_profile_names_what_is_missing()
    {
        var result = CloudSpaceRules.Profile(AllMet() with { ProfileGaps = ["头像", "联系方式"] });

        Assert.False(result.Met);
        Assert.Equal("个人信息不完整：缺头像、联系方式", result.Reason);
    }

    [Fact]
    public void One_unmet_target_makes_the_teacher_not_qualified()
    {
        var checklist = CloudSpaceRules.Evaluate(AllMet() with { Apps = 2 }, Circular);

        Assert.False(checklist.Qualified);
        Assert.Equal(6, checklist.MetCount);
        Assert.Equal(CloudSpaceTarget.Apps, Assert.Single(checklist.Unmet).Target);
    }

    [Fact]
    public void Edited_thresholds_apply_to_the_term()
    {
        var stricter = Circular.Copy();
        stricter.ArticleOriginalPercent = 50;

        Assert.True(CloudSpaceRules.Articles(AllMet(), Circular).Met);
        Assert.Equal("原创文章 35%，低于 50%", CloudSpaceRules.Articles(AllMet(), stricter).Reason);
    }

    [Fact]
    public void Figures_above_every_threshold_count_as_exceeded()
    {
        var checklist = CloudSpaceRules.Evaluate(AllMet() with { OriginalArticles = 10, Photos = 16, Albums = 4, Apps = 5 }, Circular);

        Assert.Equal(3, checklist.ExceededCount);
    }

    [Fact]
    public void Thresholds_outside_their_bounds_are_refused_next_to_the_field()
    {
        var bad = Circular.Copy();
        bad.ArticleOriginalPercent = 101;
        bad.Photos = -1;

        var error = bad.Validate();

        Assert.NotNull(error);
        Assert.Equal("原创文章比例应在 0% 到 100% 之间", error.Fields[nameof(CloudSpaceThresholds.ArticleOriginalPercent)]);
        Assert.Contains(nameof(CloudSpaceThresholds.Photos), error.Fields.Keys);
    }

    [Fact]
    public void Qualified_alone_agrees_with_the_full_checklist_for_inputs_around_every_threshold()
    {
        var random = new Random(16);
        int? Around(int threshold) => random.Next(12) == 0 ? null : Math.Max(0, threshold + random.Next(-2, 3));
        var qualified = 0;
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly at or above every threshold, so the seventh target decides often and every target fails sometimes.
            var inputs = new CloudSpaceInputs
            {
                Articles = Around(10),
                OriginalArticles = Around(5),
                ProfileGaps = random.Next(10) switch { 0 => null, 1 => ["头像"], _ => [] },
                Courseware = Around(Circular.Courseware + 1),
                LessonPlans = Around(Circular.LessonPlans + 1),
                Videos = Around(Circular.Videos + 1),
                OtherResources = Around(Circular.OtherResources + 1),
                OriginalResources = Around(6),
                Photos = Around(Circular.Photos + 1),
                Albums = Around(Circular.Albums + 1),
                HeaderSet = random.Next(15) != 0,
                BackgroundSet = random.Next(15) != 0,
                HomepageModules = Around(Circular.HomepageModules + 1),
                Apps = Around(Circular.Apps + 1),
                LoginsPerWeek = random.Next(12) == 0 ? null : Circular.LoginsPerWeek + random.Next(-2, 4) / 2m,
                Points = Around(Circular.Points + 1),
            };
            var full = CloudSpaceRules.Evaluate(inputs, Circular).Qualified;
            Assert.Equal(full, CloudSpaceRules.Qualified(inputs, Circular));
            qualified += full ? 1 : 0;
        }
        Assert.InRange(qualified, 100, 19_900);
    }
}
