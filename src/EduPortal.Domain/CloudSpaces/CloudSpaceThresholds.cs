using EduPortal.Domain.Common;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// A term's thresholds for the seven targets, prefilled from circular 001 §四(二)2 (教师教育云空间建设要求) and editable per term.
/// </summary>
public sealed class CloudSpaceThresholds
{
    public const int MaxCount = 10_000;
    public const int MaxLoginsPerWeek = 50;
    public const int MaxPoints = 1_000_000;

    /// <summary>① 原创文章不能低于35%.</summary>
    public int ArticleOriginalPercent { get; set; } = 35;

    /// <summary>③ 课件5个.</summary>
    public int Courseware { get; set; } = 5;

    /// <summary>③ 教学案4个.</summary>
    public int LessonPlans { get; set; } = 4;

    /// <summary>③ 教学视频2个.</summary>
    public int Videos { get; set; } = 2;

    /// <summary>③ 其他资源3个.</summary>
    public int OtherResources { get; set; } = 3;

    /// <summary>③ 原创资源要达到30%以上.</summary>
    public int ResourceOriginalPercent { get; set; } = 30;

    /// <summary>④ 15张以上照片.</summary>
    public int Photos { get; set; } = 15;

    /// <summary>④ 三个以上相册.</summary>
    public int Albums { get; set; } = 3;

    /// <summary>⑤ 自定义模块要达到4个以上.</summary>
    public int HomepageModules { get; set; } = 4;

    /// <summary>⑥ 经常使用其中的三个以上.</summary>
    public int Apps { get; set; } = 3;

    /// <summary>⑦ 每周至少登陆2次以上.</summary>
    public int LoginsPerWeek { get; set; } = 2;

    /// <summary>⑦ 积分达到500分以上.</summary>
    public int Points { get; set; } = 500;

    public static CloudSpaceThresholds Circular001() => new();

    public CloudSpaceThresholds Copy() => (CloudSpaceThresholds)MemberwiseClone();

    /// <summary>Each threshold within its bounds; the message sits next to its field.</summary>
    public ValidationError? Validate()
    {
        var check = new ValidationBuilder();
        Percent(check, ArticleOriginalPercent, nameof(ArticleOriginalPercent), "原创文章比例");
        Percent(check, ResourceOriginalPercent, nameof(ResourceOriginalPercent), "原创资源比例");
        Count(check, Courseware, nameof(Courseware), "课件数");
        Count(check, LessonPlans, nameof(LessonPlans), "教学案数");
        Count(check, Videos, nameof(Videos), "教学视频数");
        Count(check, OtherResources, nameof(OtherResources), "其他资源数");
        Count(check, Photos, nameof(Photos), "照片数");
        Count(check, Albums, nameof(Albums), "相册数");
        Count(check, HomepageModules, nameof(HomepageModules), "自定义模块数");
        Count(check, Apps, nameof(Apps), "常用应用数");
        check.Check(LoginsPerWeek is >= 0 and <= MaxLoginsPerWeek, nameof(LoginsPerWeek), $"每周登录次数应在 0 到 {MaxLoginsPerWeek} 之间");
        check.Check(Points is >= 0 and <= MaxPoints, nameof(Points), $"积分应在 0 到 {MaxPoints} 之间");
        return check.Build();
    }

    private static void Percent(ValidationBuilder check, int value, string field, string label) =>
        check.Check(value is >= 0 and <= 100, field, $"{label}应在 0% 到 100% 之间");

    private static void Count(ValidationBuilder check, int value, string field, string label) =>
        check.Check(value is >= 0 and <= MaxCount, field, $"{label}应在 0 到 {MaxCount} 之间");
}
