namespace EduPortal.Data.Points;

/// <summary>
/// Progress of a full-year recompute: teachers and events done so far, and the time spent so far reading and
/// grouping the raw events, running the engine and writing (delete + insert), and of the writing the part spent on the
/// per-event award rows. The last report holds the totals.
/// </summary>
public readonly record struct RecomputeProgress(int TeachersDone, int TeachersTotal, long EventsDone, TimeSpan Reading, TimeSpan Awarding, TimeSpan Writing,
    TimeSpan WritingAwards = default);
