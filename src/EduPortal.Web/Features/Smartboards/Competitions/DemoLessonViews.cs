using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Web.Features.Smartboards.Competitions;

public sealed record DemoTeacherOption(string UserId, string Name);

public sealed record DemoRoomOption(int Id, string Name);

/// <summary>What the school admin's form offers: the school's teachers, rooms and subjects.</summary>
public sealed record DemoLessonForm(int SchoolId, string SchoolName, IReadOnlyList<DemoTeacherOption> Teachers, IReadOnlyList<DemoRoomOption> Rooms,
    IReadOnlyList<string> Subjects);

public sealed record DemoLessonInput(DemoLessonKind? Kind, string? TeacherId, string? Subject, string? Topic, DateOnly? HeldOn, int? ClassroomId, string? Notes,
    string? EvidenceLink);

public sealed record DemoLessonRow(int Id, string SchoolName, DateOnly HeldOn, DemoLessonKind Kind, string TeacherName, string Subject, string Topic,
    string ClassroomName, string? Notes, string? EvidenceLink, DemoLessonPermissions Permissions);

/// <summary>One school's demo lessons in a year against the rule of at least two (circular 003 §三.2).</summary>
public sealed record SchoolDemoLessonRow(int SchoolId, string Name, string Path, string CountyName, string? TownshipName, int Observation, int Model) : IReportSchoolRow
{
    public int Total => Observation + Model;
    public bool Meets => DemoLessonRule.Meets(Total);
    public int Missing => DemoLessonRule.Missing(Total);
}

/// <summary>A unit's roll-up: its schools and how many meet the rule.</summary>
public sealed record UnitDemoLessonRow(int Id, string Name, OrgUnitKind Kind, int Schools, int SchoolsMeeting, int Lessons)
{
    public int SchoolsBelow => Schools - SchoolsMeeting;
}

public sealed record DemoLessonReport(int Year, UnitDemoLessonRow Scope, IReadOnlyList<UnitDemoLessonRow> Units, IReadOnlyList<SchoolDemoLessonRow> Schools);

public sealed record CompetitionInput(int? Year, CompetitionPeriod? Period, string? Title);

public sealed record CompetitionEntryInput(string? TeacherId, string? Subject, string? LessonTitle);

public sealed record CompetitionRow(int Id, string CountyName, int Year, CompetitionPeriod Period, string Title, int Entries, bool ResultsRecorded,
    CompetitionPermissions Permissions);

public sealed record CompetitionEntryRow(int Id, string SchoolName, string TeacherName, string Subject, string LessonTitle, CompetitionAward? Award, bool CanWithdraw);

public sealed record CompetitionView(int Id, string CountyName, int Year, CompetitionPeriod Period, string Title, string OpenedByName, DateTimeOffset OpenedAt,
    DateTimeOffset? ResultsRecordedAt, IReadOnlyList<CompetitionEntryRow> Entries, CompetitionPermissions Permissions, DemoLessonForm? EntryForm);
