using EduPortal.Domain.Smartboards;

namespace EduPortal.Web.Features.Smartboards.Training;

public sealed record ArchiveDocumentRow(int Id, ArchiveKind Kind, string Title, DateOnly EntryDate, string? Content, string? FileName, bool HasFile,
    string RecordedByName, ArchiveDocumentPermissions Permissions);

/// <summary>One step of a repair ticket of the school's devices (the 维护维修记录).</summary>
public sealed record MaintenanceRow(long TicketId, DateTimeOffset At, string AssetTag, string DeviceName, string? ClassroomName, RepairStepKind Kind,
    string ActorName, string? Note, string? Parts, decimal? Cost);

/// <summary>One training attended by the school's staff (the 培训记录), with those of its attendees that are of the school.</summary>
public sealed record ArchiveTrainingRow(int TrainingId, DateOnly HeldOn, TrainingKind Kind, string Title, string Organiser, decimal Hours, IReadOnlyList<string> Attendees);

public sealed record SchoolArchive(int SchoolId, string SchoolName, int Year, bool MayFile, IReadOnlyList<ArchiveDocumentRow> TechnicalDocuments,
    IReadOnlyList<MaintenanceRow> Maintenance, IReadOnlyList<ArchiveTrainingRow> Trainings, IReadOnlyList<ArchiveDocumentRow> ResearchLog);
