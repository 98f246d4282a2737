namespace EduPortal.Domain.Organization;

/// <summary>A school's row that also keeps its township centre's id (null for a school directly under the county).</summary>
public interface ITownshipScoped : ISchoolScoped
{
    int? TownshipId { get; }
}
