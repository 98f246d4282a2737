using EduPortal.Domain.Smartboards;

namespace EduPortal.Web.Features.Smartboards.Training;

public sealed record TrainingSchoolOption(int Id, string Name);

public sealed record TrainingTeacherOption(string UserId, string Name, int SchoolId, string SchoolName);

/// <summary>The form's input; attendees are account ids, their schools are read from the database.</summary>
public sealed record TrainingInput(TrainingKind? Kind, string? Title, string? Organiser, DateOnly? HeldOn, decimal? Hours, IReadOnlyList<string> AttendeeIds);

/// <summary>A training as the caller sees it: attendees limited to the caller's subtree.</summary>
public sealed record TrainingRow(int Id, TrainingKind Kind, string Title, string Organiser, DateOnly HeldOn, decimal Hours, string RecordedByName,
    IReadOnlyList<string> Attendees, int AllAttendees, TrainingPermissions Permissions);

/// <summary>One teacher's 班班通 training hours in a year (the continuing-education list).</summary>
public sealed record TeacherHoursRow(string UserId, string Name, string SchoolName, int Trainings, decimal Principal, decimal KeyTeacher, decimal Technician,
    decimal AllStaff, decimal Total);

/// <summary>One school's share of teachers trained in a year.</summary>
public sealed record SchoolTrainingShareRow(int SchoolId, string SchoolName, int Teachers, int Trained, decimal Hours)
{
    public double? Share => Teachers == 0 ? null : (double)Trained / Teachers;
}

public sealed record TrainingShareReport(string ScopeName, int Year, IReadOnlyList<SchoolTrainingShareRow> Schools, int Teachers, int Trained, decimal Hours)
{
    public double? Share => Teachers == 0 ? null : (double)Trained / Teachers;
}
