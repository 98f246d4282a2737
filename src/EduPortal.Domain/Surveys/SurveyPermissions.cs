namespace EduPortal.Domain.Surveys;

/// <summary>What a caller may do with a school's survey form (<see cref="SchoolSurvey.PermissionsFor"/>; the transitions check again).</summary>
public sealed record SurveyPermissions(bool Edit, bool Return);
