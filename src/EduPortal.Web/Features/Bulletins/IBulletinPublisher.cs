using EduPortal.Domain.Bulletins;

namespace EduPortal.Web.Features.Bulletins;

/// <summary>The PDF and workbook of a bulletin being published, as attachments.</summary>
public sealed record BulletinFiles(byte[] Pdf, string PdfName, byte[] Workbook, string WorkbookName);

/// <summary>
/// Publishes a bulletin as a circular to the issuing unit's subtree. The seam lets the bulletins module publish without
/// depending on how circulars are stored; <see cref="ListOnlyBulletinPublisher"/> leaves the bulletin in the 通报 list only.
/// </summary>
public interface IBulletinPublisher
{
    /// <summary>The circular's id, or null when the bulletin is published in the 通报 list only.</summary>
    Task<int?> PublishAsync(Bulletin bulletin, BulletinFiles files, CancellationToken cancellationToken);
}

/// <summary>No circular: a published bulletin shows in the 通报 list of everyone under the issuing unit.</summary>
public sealed class ListOnlyBulletinPublisher : IBulletinPublisher
{
    public Task<int?> PublishAsync(Bulletin bulletin, BulletinFiles files, CancellationToken cancellationToken) => Task.FromResult<int?>(null);
}
