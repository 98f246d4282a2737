namespace EduPortal.Domain.CloudSpaces;

/// <summary>The school (and teacher, for a personal award) an entry is for, as loaded by the caller's query.</summary>
public sealed record AwardNominee(int SchoolId, string SchoolPath, string SchoolName, string? TeacherId = null, string? TeacherName = null);
