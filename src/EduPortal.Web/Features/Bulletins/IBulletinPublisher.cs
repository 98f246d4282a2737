using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;

namespace EduPortal.Web.Features.Bulletins;

/// <summary>The PDF and workbook of a bulletin being published, as attachments.</summary>
public sealed record BulletinFiles(byte[] Pdf, string PdfName, byte[] Workbook, string WorkbookName);

/// <summary>
/// Publishes a bulletin as a circular to the issuing unit's subtree. The seam lets the bulletins module publish without
/// depending on how circulars are stored (<see cref="CircularBulletinPublisher"/>), and lets a test refuse a publication.
/// </summary>
public interface IBulletinPublisher
{
    /// <summary>The circular's id, or the reason the circular was refused (the bulletin then goes back to a draft marked 发布失败).</summary>
    Task<Result<int>> PublishAsync(Bulletin bulletin, BulletinFiles files, CancellationToken cancellationToken);
}
