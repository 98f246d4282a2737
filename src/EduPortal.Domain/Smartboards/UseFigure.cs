namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A unit's use of the equipment in a term: 学科覆盖率 = subjects that used it ÷ subjects taught (circular 003 §三.4:
/// 各学校“班班通”应用要达到学科覆盖率100%), and 多媒体课时覆盖率 = periods taught with it ÷ scheduled periods
/// (circular 004 §三(五)3: 逐步提高多媒体课时覆盖率). Scheduled periods are the classes' weekly plan
/// (<see cref="LessonSubjects"/>) times the term's teaching weeks so far.
/// </summary>
public readonly record struct UseFigure(int SubjectsTaught, int SubjectsUsed, int ScheduledPeriods, int PeriodsWithEquipment)
{
    /// <summary>Target of 学科覆盖率: every subject.</summary>
    public const double SubjectTarget = 1.0;

    /// <summary>Share in [0, 1]; a unit teaching no subjects has none to cover and counts as 1.</summary>
    public double SubjectRate => SubjectsTaught == 0 ? 1d : (double)Math.Min(SubjectsUsed, SubjectsTaught) / SubjectsTaught;

    /// <summary>Share in [0, 1] (more recorded periods than scheduled count as all); no scheduled periods: 0.</summary>
    public double LessonRate => ScheduledPeriods == 0 ? 0d : Math.Min(1d, (double)PeriodsWithEquipment / ScheduledPeriods);

    public bool MeetsSubjectTarget => SubjectsUsed >= SubjectsTaught;

    public static UseFigure operator +(UseFigure a, UseFigure b) => new(a.SubjectsTaught + b.SubjectsTaught, a.SubjectsUsed + b.SubjectsUsed,
        a.ScheduledPeriods + b.ScheduledPeriods, a.PeriodsWithEquipment + b.PeriodsWithEquipment);

    /// <summary>
    /// One school's figure: <paramref name="usedSubjects"/> are the subjects of its lessons this term (only subjects the
    /// school teaches count), <paramref name="periods"/> the periods recorded this term.
    /// </summary>
    public static UseFigure ForSchool(IReadOnlyCollection<string> taughtSubjects, IEnumerable<string> usedSubjects, int weeklyPeriods, int weeks, int periods) =>
        new(taughtSubjects.Count, usedSubjects.Distinct().Count(taughtSubjects.Contains), weeklyPeriods * weeks, periods);
}
