using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Circulars;

/// <summary>A unit of the issuer's subtree that may receive a circular, with what the kind filters need.</summary>
public sealed record RecipientCandidate(int Id, string Name, string Path, OrgUnitKind Kind, SchoolStage Stage, OrgUnitKind? ParentKind);
