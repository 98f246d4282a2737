namespace EduPortal.Data.Points;

/// <summary>
/// Progress of a full-year recompute: teachers and events done so far, and the time spent so far reading and
/// grouping the raw events, running the engine and writing (compare + delete + insert), and of the writing the part spent
/// on the per-event award rows. With overlapped runs the reading and the engine run beside the writing, so the three add
/// up to more than the elapsed time; <see cref="WaitingForRuns"/> is the time the writer waited for the next run.
/// <see cref="TeachersUnchanged"/> counts the teacher-years whose fingerprint showed them unchanged (not read back).
/// The last report holds the totals.
/// </summary>
public readonly record struct RecomputeProgress(int TeachersDone, int TeachersTotal, long EventsDone, TimeSpan Reading, TimeSpan Awarding, TimeSpan Writing,
    TimeSpan WritingAwards = default, TimeSpan WaitingForRuns = default, int TeachersUnchanged = 0);
