using EduPortal.Domain.LabRecords;

namespace EduPortal.Web.Features.LabRecords;

public sealed record LabMediaView(long Id, LabMediaSlot Slot, string Url, string? ThumbnailUrl, string ContentType, double? DurationSeconds)
{
    public static LabMediaView From(LabMedia media) => new(media.Id, media.Slot, $"/labs/media/{media.Id}",
        media.ThumbnailKey is null ? null : ThumbnailUrlOf(media.Id), media.ContentType, media.DurationSeconds);

    /// <summary>The thumbnail of a stored photo, served by <c>/labs/media/{id}</c> after the visibility check.</summary>
    public static string? ThumbnailUrlOf(long? mediaId) => mediaId is { } id ? $"/labs/media/{id}?thumb=1" : null;
}

public sealed record LabTransitionView(DateTimeOffset At, string ActorName, LabRecordState? From, LabRecordState To, string Action, string? Reason);

/// <summary>A record as its detail page shows it.</summary>
public sealed record LabRecordView(
    long Id, string TeacherName, int SchoolId, string SchoolName, string? CountyName,
    LabRecordDetails Details, string ExperimentName, string? ExperimentCode,
    LabRecordState State, DateTimeOffset? PublishedAt, string? ReviewerName, string? ReviewComment, DateTimeOffset? ReviewedAt,
    string? ReportReason, int Version,
    IReadOnlyList<LabMediaView> Media, IReadOnlyList<LabTransitionView> History,
    LabRecordPermissions Can);

/// <summary>A row of 我的实验 and of the review queue.</summary>
public sealed record LabRecordRow(
    long Id, string TeacherName, string SchoolName, LabSubject? Subject, LabKind? Kind, string? Title, string? ClassName,
    DateOnly? LessonDate, int? Period, LabRecordState State, DateTimeOffset UpdatedAt, string? ReviewerName, string? ReportReason,
    string? ReportedByName, DateTimeOffset? ReportedAt, string? ThumbnailUrl, int Version);

/// <summary>
/// What the capture form offers: the teacher's classes, the catalogue that applies to the school, and the subjects
/// not yet open for recording there (circular 000 §二.3).
/// </summary>
public sealed record CaptureOptions(IReadOnlyList<ClassOption> Classes, IReadOnlyList<ExperimentOption> Experiments, IReadOnlySet<LabSubject>? ClosedSubjects = null)
{
    public bool IsClosed(LabSubject? subject) => subject is { } s && ClosedSubjects?.Contains(s) == true;
}

public sealed record ClassOption(int Id, int Grade, string Name);

public sealed record ExperimentOption(int Id, LabSubject Subject, int Grade, string Code, string Name, LabKind Kind);

/// <summary>The teacher's current draft, for the capture form.</summary>
public sealed record DraftView(long Id, LabRecordDetails Details, IReadOnlyList<LabMediaView> Media, bool WasPublishedBefore);

/// <summary>The home page's lab card: the teacher's own records and the weekly job's flags (the admin's queue count comes from <see cref="LabReviewService.PendingCountAsync"/>).</summary>
public sealed record LabHomeSummary(int MyShownThisTerm, long? MyDraftId, int MyReturned, int QuietSchools, int? OwnSchoolQuietWeeks);
