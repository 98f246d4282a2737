namespace EduPortal.Domain.Smartboards;

/// <summary>One school's entry to a county competition: a teacher's lesson, and the award the county recorded for it.</summary>
public sealed class CompetitionEntry
{
    public const int MaxLessonTitleLength = 100;

    private CompetitionEntry()
    {
    }

    internal CompetitionEntry(int schoolId, string schoolName, string schoolPath, DemoLessonTeacher teacher, string subject, string lessonTitle, string enteredByName,
        DateTimeOffset enteredAt)
    {
        SchoolId = schoolId;
        SchoolName = schoolName;
        SchoolPath = schoolPath;
        TeacherId = teacher.UserId;
        TeacherName = teacher.Name;
        Subject = subject;
        LessonTitle = lessonTitle;
        EnteredByName = enteredByName;
        EnteredAt = enteredAt;
    }

    public int Id { get; private set; }
    public int CompetitionId { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public string SchoolPath { get; private set; } = "";
    public string TeacherId { get; private set; } = "";
    public string TeacherName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string LessonTitle { get; private set; } = "";
    public string EnteredByName { get; private set; } = "";
    public DateTimeOffset EnteredAt { get; private set; }
    public CompetitionAward? Award { get; private set; }

    internal void SetAward(CompetitionAward award) => Award = award;
}
