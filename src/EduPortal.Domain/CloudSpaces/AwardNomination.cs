namespace EduPortal.Domain.CloudSpaces;

/// <summary>A school's nomination: which award, which of its teachers (优秀教师空间 only), the space's address and a note.</summary>
public sealed record AwardNomination(AwardKind Kind, string? TeacherId, string? SpaceUrl, string? Note);
