using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;

namespace EduPortal.Web.Features.Surveys;

public sealed class RoundInput
{
    public string Title { get; set; } = "";
    public DateTime? Deadline { get; set; }
}

/// <summary>A round as listed: for bureaus with completion counts, for a school with its own form's state.</summary>
public sealed record RoundSummary(int Id, string Title, string OrgName, DateOnly Deadline, bool IsClosed, string OpenedByName,
    DateTimeOffset OpenedAt, int Schools, int Submitted, SurveyStatus OwnStatus);

/// <summary>One school on a round's board.</summary>
public sealed record BoardRow(
    int SchoolId, string SchoolName, int CountyId, string CountyName, SchoolStage Stage, SurveyStatus Status, int Version,
    DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt, SurveyForm? Form, int Registered, int Surveyed,
    IReadOnlyList<string> Flags, DateTimeOffset? LastReminderAt)
{
    public double? Rate => Status == SurveyStatus.Submitted ? RegistrationRate.Of(Registered, Surveyed) : null;
    /// <summary>Figures count only once submitted: drafts and returned forms are not final.</summary>
    public SurveyForm? SubmittedForm => Status == SurveyStatus.Submitted ? Form : null;
}

/// <summary>Totals over the submitted forms of a set of schools (a county, or the whole round).</summary>
public sealed record SurveyTotals(
    string Name, int Schools, int Submitted, int Drafts, int Returned, int NotStarted, int Students, int Classes,
    IReadOnlyDictionary<string, (int Teachers, int FullTime, int LabRooms)> Subjects, int Registered, int Surveyed)
{
    public int Teachers => Subjects.Values.Sum(s => s.Teachers);
    public int FullTime => Subjects.Values.Sum(s => s.FullTime);
    public int LabRooms => Subjects.Values.Sum(s => s.LabRooms);
    public double? Rate => RegistrationRate.Of(Registered, Surveyed);

    public static SurveyTotals Of(string name, IReadOnlyCollection<BoardRow> rows)
    {
        var submitted = rows.Where(r => r.SubmittedForm is not null).ToList();
        var subjects = SurveySubjects.All.ToDictionary(s => s, subject =>
        {
            var entries = submitted.Select(r => r.SubmittedForm!.For(subject)).Where(e => e is not null).ToList();
            return (entries.Sum(e => e!.Teachers ?? 0), entries.Sum(e => e!.FullTime ?? 0), entries.Sum(e => e!.LabRooms ?? 0));
        });
        return new SurveyTotals(name, rows.Count, submitted.Count,
            rows.Count(r => r.Status == SurveyStatus.Draft), rows.Count(r => r.Status == SurveyStatus.Returned),
            rows.Count(r => r.Status == SurveyStatus.NotStarted),
            submitted.Sum(r => r.SubmittedForm!.StudentCount ?? 0), submitted.Sum(r => r.SubmittedForm!.ClassCount ?? 0),
            subjects, submitted.Sum(r => r.Registered), submitted.Sum(r => r.Surveyed));
    }
}

public sealed record SurveyBoard(int RoundId, string Title, string OrgName, DateOnly Deadline, bool IsClosed, bool CanClose,
    IReadOnlyList<BoardRow> Rows, IReadOnlyList<SurveyTotals> Counties, SurveyTotals Total);

public sealed record HistoryRow(SurveyHistoryAction Action, int Version, DateTimeOffset At, string ActorName, string Note);

/// <summary>A school's form as a page shows it.</summary>
public sealed record SurveyFormView(
    int RoundId, string RoundTitle, DateOnly Deadline, bool RoundClosed, int SchoolId, string OrgSchoolName, SchoolStage Stage,
    IReadOnlyList<string> Subjects, SurveyForm Form, SurveyStatus Status, int Version, Guid? Revision, DateTimeOffset? UpdatedAt,
    string? UpdatedByName, string? ReturnComment, IReadOnlyList<HistoryRow> History, IReadOnlyList<string> Flags,
    bool CanEdit, bool CanReturn, int? SurveyId, RegisteredFigures Registered);

/// <summary>What a school admin sees on the home page: rounds waiting for its form, with reminders and return comments.</summary>
public sealed record SurveyNotice(int RoundId, string Title, string OrgName, DateOnly Deadline, SurveyStatus Status,
    string? ReturnComment, DateTimeOffset? RemindedAt, string? RemindedBy);
