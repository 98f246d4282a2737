namespace EduPortal.Domain.CloudSpaces;

/// <summary>The seven basic targets of a teacher's cloud space in a term (circular 001 §四(二)2 教师教育云空间建设要求 ①–⑦).</summary>
public enum CloudSpaceTarget
{
    /// <summary>① 发布文章.</summary>
    Articles = 1,

    /// <summary>② 个人信息.</summary>
    Profile = 2,

    /// <summary>③ 上传资源.</summary>
    Resources = 3,

    /// <summary>④ 相册栏目.</summary>
    Album = 4,

    /// <summary>⑤ 个人主页.</summary>
    Homepage = 5,

    /// <summary>⑥ 软件应用.</summary>
    Apps = 6,

    /// <summary>⑦ 空间互动.</summary>
    Interaction = 7,
}

public static class CloudSpaceTargets
{
    public static IReadOnlyList<CloudSpaceTarget> All { get; } = Enum.GetValues<CloudSpaceTarget>();

    public static string DisplayName(this CloudSpaceTarget target) => target switch
    {
        CloudSpaceTarget.Articles => "①发布文章",
        CloudSpaceTarget.Profile => "②个人信息",
        CloudSpaceTarget.Resources => "③上传资源",
        CloudSpaceTarget.Album => "④相册栏目",
        CloudSpaceTarget.Homepage => "⑤个人主页",
        CloudSpaceTarget.Apps => "⑥软件应用",
        CloudSpaceTarget.Interaction => "⑦空间互动",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>Targets a school admin may enter by hand; ⑦ comes from the deep-application ledger only (circular 001 ⑦ 积分 … 深度应用指数).</summary>
    public static bool AcceptsManualEntry(this CloudSpaceTarget target) => target != CloudSpaceTarget.Interaction;
}
