using EduPortal.Data;

namespace EduPortal.Web.Features.Plans;

/// <summary>How the plans module saves a new row with its audit entry.</summary>
internal static class PlanSaves
{
    /// <summary>
    /// Saves the added row and then its audit entry (which names the row's generated id) in one transaction, as the other
    /// modules do: both land or neither does, so nothing is half-saved.
    /// </summary>
    public static async Task SaveNewAsync(this EduPortalDbContext db, Action audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
