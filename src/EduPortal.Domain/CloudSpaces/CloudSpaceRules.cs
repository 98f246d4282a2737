using System.Globalization;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// The seven targets of circular 001 §四(二)2 (教师教育云空间建设要求), each a pure function of a teacher's inputs and the
/// term's thresholds. Missing input is not met (未提供数据). Shares compare exactly in integers, so 35% of the articles
/// being original meets a 35% threshold.
/// </summary>
public static class CloudSpaceRules
{
    /// <summary>
    /// The seven target functions in the circular's order (①–⑦): the one list both <see cref="Evaluate"/> and
    /// <see cref="Qualified"/> walk, so a target added, removed or reordered changes both alike.
    /// </summary>
    private static readonly Func<CloudSpaceInputs, CloudSpaceThresholds, CloudSpaceTargetResult>[] Targets =
    [
        Articles, (inputs, _) => Profile(inputs), Resources, Album, Homepage, Apps, Interaction,
    ];

    public static CloudSpaceChecklist Evaluate(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds) =>
        new([.. Targets.Select(target => target(inputs, thresholds))]);

    /// <summary>
    /// 合格 (all seven met, circular 001 §四(二)2) without the checklist: the same target functions as <see cref="Evaluate"/>,
    /// in order, stopping at the first not met (the compliance figures of a whole city need only this).
    /// </summary>
    public static bool Qualified(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds)
    {
        foreach (var target in Targets)
        {
            if (!target(inputs, thresholds).Met)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>① 原创文章要占有一定比例，不能低于35%，低于35%视为没有达到基本标准.</summary>
    public static CloudSpaceTargetResult Articles(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds)
    {
        const CloudSpaceTarget target = CloudSpaceTarget.Articles;
        if (inputs.Articles is not { } articles || inputs.OriginalArticles is not { } original)
        {
            return Missing(target);
        }
        if (articles == 0)
        {
            return new(target, false, "未发布文章");
        }
        var met = AtLeastShare(original, articles, thresholds.ArticleOriginalPercent);
        var share = Percent(original, articles);
        return met
            ? new(target, true, $"原创文章 {share}（{original}/{articles} 篇）", Exceeded: original * 100 > thresholds.ArticleOriginalPercent * articles)
            : new(target, false, $"原创文章 {share}，低于 {thresholds.ArticleOriginalPercent}%");
    }

    /// <summary>② 个人信息要填写完整（学校、班级、学科，绑定邮箱、手机号或微信号），还要设置头像.</summary>
    public static CloudSpaceTargetResult Profile(CloudSpaceInputs inputs)
    {
        const CloudSpaceTarget target = CloudSpaceTarget.Profile;
        if (inputs.ProfileGaps is not { } gaps)
        {
            return Missing(target);
        }
        return gaps.Count == 0 ? new(target, true, "个人信息完整") : new(target, false, $"个人信息不完整：缺{string.Join("、", gaps)}");
    }

    /// <summary>③ 课件5个，教学案4个，教学视频2个，其他资源3个，原创资源30%以上；有一项没达到视为不合格.</summary>
    public static CloudSpaceTargetResult Resources(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds)
    {
        const CloudSpaceTarget target = CloudSpaceTarget.Resources;
        if (inputs.Courseware is not { } courseware || inputs.LessonPlans is not { } plans || inputs.Videos is not { } videos
            || inputs.OtherResources is not { } other || inputs.OriginalResources is not { } original)
        {
            return Missing(target);
        }
        var total = courseware + plans + videos + other;
        var gaps = new List<string>();
        Short(gaps, "课件", courseware, thresholds.Courseware, "个");
        Short(gaps, "教学案", plans, thresholds.LessonPlans, "个");
        Short(gaps, "教学视频", videos, thresholds.Videos, "个");
        Short(gaps, "其他资源", other, thresholds.OtherResources, "个");
        if (total == 0)
        {
            gaps.Add("未上传资源");
        }
        else if (!AtLeastShare(original, total, thresholds.ResourceOriginalPercent))
        {
            gaps.Add($"原创资源 {Percent(original, total)}，低于 {thresholds.ResourceOriginalPercent}%");
        }
        if (gaps.Count > 0)
        {
            return new(target, false, string.Join("；", gaps));
        }
        var exceeded = courseware > thresholds.Courseware && plans > thresholds.LessonPlans && videos > thresholds.Videos && other > thresholds.OtherResources
            && original * 100 > thresholds.ResourceOriginalPercent * total;
        return new(target, true, $"课件 {courseware}、教学案 {plans}、视频 {videos}、其他 {other}，原创 {Percent(original, total)}", exceeded);
    }

    /// <summary>④ 15张以上照片，且要有三个以上相册；相片与相册数量都达标.</summary>
    public static CloudSpaceTargetResult Album(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds)
    {
        const CloudSpaceTarget target = CloudSpaceTarget.Album;
        if (inputs.Photos is not { } photos || inputs.Albums is not { } albums)
        {
            return Missing(target);
        }
        var gaps = new List<string>();
        Short(gaps, "照片", photos, thresholds.Photos, "张");
        Short(gaps, "相册", albums, thresholds.Albums, "个");
        return gaps.Count > 0
            ? new(target, false, string.Join("；", gaps))
            : new(target, true, $"照片 {photos} 张，相册 {albums} 个", photos > thresholds.Photos && albums > thresholds.Albums);
    }

    /// <summary>⑤ 页头和背景要设置，自定义模块要达到4个以上.</summary>
    public static CloudSpaceTargetResult Homepage(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds)
    {
        const CloudSpaceTarget target = CloudSpaceTarget.Homepage;
        if (inputs.HeaderSet is not { } header || inputs.BackgroundSet is not { } background || inputs.HomepageModules is not { } modules)
        {
            return Missing(target);
        }
        var gaps = new List<string>();
        if (!header)
        {
            gaps.Add("未设置页头");
        }
        if (!background)
        {
            gaps.Add("未设置背景");
        }
        Short(gaps, "自定义模块", modules, thresholds.HomepageModules, "个");
        return gaps.Count > 0
            ? new(target, false, string.Join("；", gaps))
            : new(target, true, $"页头、背景已设置，自定义模块 {modules} 个", modules > thresholds.HomepageModules);
    }

    /// <summary>⑥ 经常使用其中的三个以上（一师一优课、互动课堂、在线作业等）.</summary>
    public static CloudSpaceTargetResult Apps(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds)
    {
        const CloudSpaceTarget target = CloudSpaceTarget.Apps;
        if (inputs.Apps is not { } apps)
        {
            return Missing(target);
        }
        var gaps = new List<string>();
        Short(gaps, "常用应用", apps, thresholds.Apps, "个");
        return gaps.Count > 0 ? new(target, false, gaps[0]) : new(target, true, $"常用应用 {apps} 个", apps > thresholds.Apps);
    }

    /// <summary>⑦ 每周至少登陆2次以上，积分达到500分以上：both must hold.</summary>
    public static CloudSpaceTargetResult Interaction(CloudSpaceInputs inputs, CloudSpaceThresholds thresholds)
    {
        const CloudSpaceTarget target = CloudSpaceTarget.Interaction;
        if (inputs.LoginsPerWeek is not { } logins || inputs.Points is not { } points)
        {
            return Missing(target);
        }
        var gaps = new List<string>();
        if (logins < thresholds.LoginsPerWeek)
        {
            gaps.Add($"每周登录 {OneDecimal(logins)} 次，低于 {thresholds.LoginsPerWeek} 次");
        }
        Short(gaps, "积分", points, thresholds.Points, "分");
        return gaps.Count > 0
            ? new(target, false, string.Join("；", gaps))
            : new(target, true, $"每周登录 {OneDecimal(logins)} 次，积分 {points}", logins > thresholds.LoginsPerWeek && points > thresholds.Points);
    }

    /// <summary><paramref name="part"/>/<paramref name="whole"/> ≥ <paramref name="percent"/>%, exactly (no rounding).</summary>
    public static bool AtLeastShare(int part, int whole, int percent) => whole > 0 && (long)part * 100 >= (long)percent * whole;

    /// <summary>A share for display, cut (not rounded) to one decimal so a share below the threshold never reads as the threshold.</summary>
    public static string Percent(int part, int whole)
    {
        var tenths = (long)part * 1000 / whole;
        return tenths % 10 == 0
            ? $"{(tenths / 10).ToString(CultureInfo.InvariantCulture)}%"
            : $"{(tenths / 10).ToString(CultureInfo.InvariantCulture)}.{(tenths % 10).ToString(CultureInfo.InvariantCulture)}%";
    }

    /// <summary>One decimal, cut and never rounded up (1.75 sign-ins a week is "1.7", below 2 as the verdict says).</summary>
    public static string OneDecimal(decimal value) => Math.Round(value, 1, MidpointRounding.ToZero).ToString("0.#", CultureInfo.InvariantCulture);

    private static void Short(List<string> gaps, string label, int value, int threshold, string unit)
    {
        if (value < threshold)
        {
            gaps.Add($"{label} {value.ToString(CultureInfo.InvariantCulture)} {unit}，差 {(threshold - value).ToString(CultureInfo.InvariantCulture)} {unit}");
        }
    }

    private static CloudSpaceTargetResult Missing(CloudSpaceTarget target) => new(target, false, CloudSpaceTargetResult.NoData, MissingData: true);
}
