namespace EduPortal.Domain.Smartboards;

/// <summary>What one caller may do with one archive document now.</summary>
public sealed record ArchiveDocumentPermissions(bool CanView, bool CanDelete)
{
    public static ArchiveDocumentPermissions None { get; } = new(false, false);
}
