using EduPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Auditing;

/// <summary>
/// The two audited-change shapes the services share, so each service states only its own rule, row and audit text.
/// </summary>
public static class AuditedChanges
{
    /// <summary>
    /// Saves new rows and then their audit entry in one transaction: the entry names the ids the first save generated.
    /// When <paramref name="refused"/> is given, a first save that fails (a unique index, a row changed meanwhile) is
    /// answered by it and nothing is saved.
    /// </summary>
    public static async Task<Error?> SaveThenAuditAsync(this EduPortalDbContext db, Action audit, CancellationToken cancellationToken,
        Func<DbUpdateException, Error>? refused = null)
    {
        // A retry rewinds the change tracker (Transactions), so the audit entry is added again with the new ids.
        return await db.InTransactionAsync(ct => db.SaveThenAuditInTransactionAsync(audit, ct, refused), cancellationToken,
            commitWhen: error => error is null);
    }

    /// <summary>
    /// As <see cref="SaveThenAuditAsync"/>, inside the transaction the caller opened with
    /// <see cref="Transactions.InTransactionAsync{T}"/> (a check that must stay atomic with the insert, such as a per-user
    /// limit): saves the rows, then their audit entry, and opens no transaction of its own. The caller's transaction
    /// commits both or neither; a refusal answered here must make the caller's <c>commitWhen</c> say no.
    /// </summary>
    public static async Task<Error?> SaveThenAuditInTransactionAsync(this EduPortalDbContext db, Action audit, CancellationToken cancellationToken,
        Func<DbUpdateException, Error>? refused = null)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("SaveThenAuditInTransactionAsync runs inside the caller's InTransactionAsync; use SaveThenAuditAsync otherwise.");
        }
        if (refused is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (await db.TrySaveAsync(refused, cancellationToken) is { } error)
        {
            return error;
        }
        audit();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// As <see cref="AddAuditedAsync"/>, inside the transaction the caller opened (see
    /// <see cref="SaveThenAuditInTransactionAsync"/>): adds the row a domain factory created (or answers with its refusal,
    /// adding nothing), saves it and then its audit entry, and answers with the saved row.
    /// </summary>
    public static async Task<Result<T>> AddAuditedInTransactionAsync<T>(this EduPortalDbContext db, Result<T> created, Action<T> audit,
        CancellationToken cancellationToken) where T : class
    {
        if (!created.Succeeded)
        {
            return created;
        }
        var row = created.Value!;
        db.Add(row);
        await db.SaveThenAuditInTransactionAsync(() => audit(row), cancellationToken);
        return row;
    }

    /// <summary>
    /// Adds the row a domain factory created (or answers with its refusal, saving nothing), saves it and then its audit
    /// entry as <see cref="SaveThenAuditAsync"/> does, and answers with the row's generated key.
    /// </summary>
    public static async Task<Result<TKey>> AddAuditedAsync<T, TKey>(this EduPortalDbContext db, Result<T> created, Func<T, TKey> key, Action<T> audit,
        CancellationToken cancellationToken) where T : class
    {
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var row = created.Value!;
        db.Add(row);
        await db.SaveThenAuditAsync(() => audit(row), cancellationToken);
        return key(row);
    }

    /// <summary>Saves, turning a failed save (a unique index, a row changed meanwhile) into the caller's error.</summary>
    public static async Task<Error?> TrySaveAsync(this EduPortalDbContext db, Func<DbUpdateException, Error> refused, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex)
        {
            return refused(ex);
        }
    }

    /// <summary>
    /// Removes the one row <paramref name="found"/> yields (already filtered by the caller's jurisdiction: none is "not
    /// found", the same as an id that does not exist) when <paramref name="mayRemove"/> allows it, with its audit entry.
    /// </summary>
    public static async Task<Result> RemoveAuditedAsync<T>(this EduPortalDbContext db, IQueryable<T> found, Func<T, bool> mayRemove, string forbidden,
        Action<T> audit, CancellationToken cancellationToken) where T : class
    {
        var row = await found.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return new NotFoundError();
        }
        if (!mayRemove(row))
        {
            return new ForbiddenError(forbidden);
        }
        db.Remove(row);
        audit(row);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
