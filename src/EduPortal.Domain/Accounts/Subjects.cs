namespace EduPortal.Domain.Accounts;

/// <summary>The subjects a teacher may declare (任教学科).</summary>
public static class Subjects
{
    public static readonly IReadOnlyList<string> All =
    [
        "语文", "数学", "英语", "物理", "化学", "生物", "科学", "信息技术", "通用技术",
        "道德与法治", "思想政治", "历史", "地理", "音乐", "美术", "体育与健康", "劳动", "综合实践", "心理健康",
    ];

    public static bool IsKnown(string subject) => All.Contains(subject);

    /// <summary>Splits a list typed as "物理、化学" or "物理,化学" into known names; unknown names are returned separately.</summary>
    public static (IReadOnlyList<string> Known, IReadOnlyList<string> Unknown) Parse(string? text)
    {
        var parts = (text ?? "")
            .Split(['、', ',', '，', ';', '；', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToList();
        return (parts.Where(IsKnown).ToList(), parts.Where(p => !IsKnown(p)).ToList());
    }

    public static string Join(IEnumerable<string> subjects) => string.Join("、", subjects);
}
