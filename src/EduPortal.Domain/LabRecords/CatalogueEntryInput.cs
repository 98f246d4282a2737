namespace EduPortal.Domain.LabRecords;

/// <summary>A catalogue entry as the maintaining admin types it (checked by <see cref="LabCatalogueRules.Validate"/>).</summary>
public sealed record CatalogueEntryInput(LabSubject? Subject, int? Grade, string? Code, string? Name, LabKind? Kind, bool Active = true);
