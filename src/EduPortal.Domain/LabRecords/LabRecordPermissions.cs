namespace EduPortal.Domain.LabRecords;

/// <summary>The actions a caller may take on a record (<see cref="LabRecord.PermissionsFor"/>; the transitions check again).</summary>
public sealed record LabRecordPermissions(bool Edit, bool Publish, bool Withdraw, bool Delete, bool Report, bool Review, bool Revoke, bool SeeHistory);
