using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// Circular 003 §三.2: 组织学校、教师应用“班班通”开展观摩课、示范课等教学比赛……各学校全年不少于2次. A school's year is
/// the calendar year in China time; a lesson counts in the year of the day it was held.
/// </summary>
public static class DemoLessonRule
{
    /// <summary>At least this many demo lessons per school and year (circular 003 §三.2: 全年不少于2次).</summary>
    public const int MinPerYear = 2;

    /// <summary>The year an instant falls in, in China time (2026-12-31T16:30Z is already 2027).</summary>
    public static int YearOf(DateTimeOffset instant) => ChinaTime.ToChina(instant).Year;

    public static int CurrentYear(TimeProvider clock) => ChinaTime.Today(clock).Year;

    /// <summary>The lessons held in <paramref name="year"/>.</summary>
    public static int CountInYear(IEnumerable<DateOnly> heldOn, int year) => heldOn.Count(d => d.Year == year);

    public static bool Meets(int lessonsInYear) => lessonsInYear >= MinPerYear;

    /// <summary>Lessons still missing to reach the rule (0 when met).</summary>
    public static int Missing(int lessonsInYear) => Math.Max(0, MinPerYear - lessonsInYear);
}
