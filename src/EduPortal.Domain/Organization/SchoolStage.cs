namespace EduPortal.Domain.Organization;

/// <summary>School stage (学段). Combined stages are unions: 九年一贯制 = primary + junior, 完全中学 = junior + senior.</summary>
[Flags]
public enum SchoolStage
{
    None = 0,
    Primary = 1,
    Junior = 2,
    Senior = 4,
    NineYear = Primary | Junior,
    Complete = Junior | Senior,
    TwelveYear = Primary | Junior | Senior,
}

public static class SchoolStages
{
    public static readonly IReadOnlyList<SchoolStage> All =
        [SchoolStage.Primary, SchoolStage.Junior, SchoolStage.Senior, SchoolStage.NineYear, SchoolStage.Complete, SchoolStage.TwelveYear];

    public static string DisplayName(this SchoolStage stage) => stage switch
    {
        SchoolStage.Primary => "小学",
        SchoolStage.Junior => "初中",
        SchoolStage.Senior => "高中",
        SchoolStage.NineYear => "九年一贯制",
        SchoolStage.Complete => "完全中学",
        SchoolStage.TwelveYear => "十二年一贯制",
        SchoolStage.None => "未设置",
        _ => "未设置",
    };

    /// <summary>Grades 1–6 are primary, 7–9 junior, 10–12 senior.</summary>
    public static SchoolStage StageOfGrade(int grade) => grade switch
    {
        >= 1 and <= 6 => SchoolStage.Primary,
        >= 7 and <= 9 => SchoolStage.Junior,
        >= 10 and <= 12 => SchoolStage.Senior,
        _ => SchoolStage.None,
    };

    public static bool AllowsGrade(this SchoolStage stage, int grade)
    {
        var gradeStage = StageOfGrade(grade);
        return gradeStage != SchoolStage.None && (stage & gradeStage) == gradeStage;
    }

    public static IEnumerable<int> Grades(this SchoolStage stage) => Enumerable.Range(1, 12).Where(grade => stage.AllowsGrade(grade));
}
