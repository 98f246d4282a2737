using EduPortal.Data;
using EduPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>The one save of a lab-record change, shared by the teacher's and the reviewers' services.</summary>
internal static class LabRecordSaving
{
    /// <summary>Saves; a concurrent change or a second draft created in another tab comes back as a conflict.</summary>
    public static async Task<Error?> SaveLabRecordAsync(this EduPortalDbContext db, long recordId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("该记录已被其他人处理或修改，请刷新后查看最新状态。");
        }
        catch (DbUpdateException) when (recordId == 0)
        {
            return new ConflictError("您已有一条未发布的实验记录，请先发布或删除它。");
        }
    }
}
