using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// The subjects a school teaches and their weekly periods per class, by the stage of the class's grade. The portal has
/// no timetable, so the national curriculum plan (义务教育课程方案 2022, rounded to whole periods a week) stands in for
/// it: it is the denominator of 学科覆盖率 (circular 003 §三.4) and of 多媒体课时覆盖率 (circular 004 §三(五)3).
/// Senior classes use the junior list (no senior timetable is kept).
/// </summary>
public static class LessonSubjects
{
    public static readonly IReadOnlyList<(string Subject, int WeeklyPeriods)> Primary =
    [
        ("语文", 7), ("数学", 4), ("英语", 2), ("道德与法治", 2), ("科学", 2), ("音乐", 2), ("美术", 2), ("体育与健康", 4), ("信息科技", 1), ("综合实践活动", 1),
    ];

    public static readonly IReadOnlyList<(string Subject, int WeeklyPeriods)> Junior =
    [
        ("语文", 5), ("数学", 5), ("英语", 4), ("道德与法治", 2), ("历史", 2), ("地理", 2), ("物理", 3), ("化学", 3), ("生物学", 2), ("音乐", 1), ("美术", 1),
        ("体育与健康", 3), ("信息科技", 1), ("综合实践活动", 1),
    ];

    /// <summary>Every subject a lesson may be recorded for, primary first.</summary>
    public static readonly IReadOnlyList<string> All = Primary.Select(s => s.Subject).Concat(Junior.Select(s => s.Subject)).Distinct().ToList();

    public static bool IsKnown(string? subject) => subject is not null && All.Contains(subject);

    /// <summary>The plan of a class in <paramref name="grade"/>.</summary>
    public static IReadOnlyList<(string Subject, int WeeklyPeriods)> ForGrade(int grade) =>
        SchoolStages.StageOfGrade(grade) == SchoolStage.Primary ? Primary : Junior;

    /// <summary>The plan of a school without classes on record, by its stage.</summary>
    public static IReadOnlyList<(string Subject, int WeeklyPeriods)> ForStage(SchoolStage stage) =>
        (stage & SchoolStage.Primary) != 0 && (stage & ~SchoolStage.Primary) == 0 ? Primary
        : (stage & SchoolStage.Primary) != 0 ? Primary.Concat(Junior).DistinctBy(s => s.Subject).ToList()
        : Junior;

    /// <summary>Subjects taught at a school: those of its classes' grades (its stage's when it has no classes).</summary>
    public static IReadOnlyList<string> TaughtAt(SchoolStage stage, IEnumerable<int> classGrades)
    {
        var grades = classGrades.ToList();
        var plans = grades.Count == 0 ? ForStage(stage) : grades.SelectMany(ForGrade).DistinctBy(s => s.Subject).ToList();
        return plans.Select(s => s.Subject).ToList();
    }

    /// <summary>Scheduled periods a week: the sum of every class's weekly plan.</summary>
    public static int WeeklyPeriods(IEnumerable<int> classGrades) => classGrades.Sum(grade => ForGrade(grade).Sum(s => s.WeeklyPeriods));
}
