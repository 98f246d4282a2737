namespace EduPortal.Domain.Organization;

/// <summary>
/// A row that belongs to one school and keeps the school's id, path and county id, so that jurisdiction filters a
/// school or a county on an indexed id (Data/Jurisdiction/SchoolScopedJurisdiction).
/// </summary>
public interface ISchoolScoped
{
    int SchoolId { get; }
    string SchoolPath { get; }
    int CountyId { get; }
}
