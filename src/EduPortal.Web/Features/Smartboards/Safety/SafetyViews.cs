using EduPortal.Domain.Smartboards;

namespace EduPortal.Web.Features.Smartboards.Safety;

public sealed record SafetySchoolOption(int Id, string Name);

public sealed record SafetyInspectionRow(int Id, string SchoolName, DateOnly InspectedOn, string InspectorName, int Findings, int OpenFindings, string? Notes);

public sealed record SafetyFindingRow(int Id, int InspectionId, string SchoolName, DateOnly InspectedOn, SafetyCheckItem Item, string Problem,
    DateOnly RectifyBy, string ResponsiblePerson, bool IsRectified, string? SignOffNote, string? SignedOffByName, DateTimeOffset? SignedOffAt,
    bool HasPhoto, bool Overdue, bool MaySignOff, int Version);

public sealed record SchoolPolicyView(SchoolPolicyKind Kind, string? Department, string? ResponsiblePerson, DateOnly? AdoptedOn, string? Summary,
    string? UpdatedByName);

public sealed record PolicyGapRow(int SchoolId, string SchoolName, IReadOnlyList<SchoolPolicyKind> Missing);

public sealed record SafetyHomeSummary(int OpenFindings, int OverdueFindings, int DueSoon, int SchoolsMissingPolicies, int OwnMissingPolicies);
