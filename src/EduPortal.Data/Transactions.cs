using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EduPortal.Data;

/// <summary>
/// The one way to run a user transaction. PostgreSQL and SQL Server run a retrying execution strategy
/// (<c>EnableRetryOnFailure</c>, <see cref="DatabaseSetup"/>) that refuses a transaction opened outside it, and on a
/// transient failure runs the whole unit again; SQLite runs it once.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction inside the provider's execution strategy and commits it.
    /// A retry first puts the change tracker back as it was before the first attempt (rows the failed attempt saved
    /// are pending again with fresh keys, rows it added are dropped), so the work adds its rows again and nothing is
    /// inserted twice or lost.
    /// </summary>
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// As <see cref="InTransactionAsync(DbContext, Func{CancellationToken, Task}, CancellationToken)"/>, answering the
    /// work's result. When <paramref name="commitWhen"/> says no (a refusal found part-way), or the work rolled the
    /// transaction back itself, nothing is committed and the change tracker is put back as it was.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken,
        Func<T, bool>? commitWhen = null)
    {
        var mark = TrackerMark.Take(db);
        var attempts = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempts++ > 0)
            {
                mark.Rewind(db);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            if (db.Database.CurrentTransaction == transaction && (commitWhen?.Invoke(result) ?? true))
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.DisposeAsync();
                mark.Rewind(db);
            }
            return result;
        }, cancellationToken);
    }

    /// <summary>What the change tracker held before the first attempt: each entry's state, original values and modified properties.</summary>
    private sealed class TrackerMark
    {
        private sealed record Entry(object Entity, EntityState State, PropertyValues Original, string[] Modified);

        private readonly List<Entry> _entries;

        private TrackerMark(List<Entry> entries) => _entries = entries;

        public static TrackerMark Take(DbContext db) =>
            new(db.ChangeTracker.Entries().Select(e => new Entry(e.Entity, e.State, e.OriginalValues.Clone(),
                e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray())).ToList());

        public void Rewind(DbContext db)
        {
            var marked = new HashSet<object>(_entries.Select(e => e.Entity), ReferenceEqualityComparer.Instance);
            foreach (var added in db.ChangeTracker.Entries().Where(e => !marked.Contains(e.Entity)).ToList())
            {
                added.State = EntityState.Detached;
            }
            foreach (var mark in _entries)
            {
                var entry = db.Entry(mark.Entity);
                switch (mark.State)
                {
                    case EntityState.Added when entry.State != EntityState.Added:
                        // Saved by the failed attempt: its store-generated key goes back to unset, so the next insert gets a new one.
                        entry.State = EntityState.Detached;
                        foreach (var key in entry.Metadata.FindPrimaryKey()?.Properties.Where(p => p.ValueGenerated.HasFlag(ValueGenerated.OnAdd)) ?? [])
                        {
                            Reset(mark.Entity, key);
                        }
                        db.Entry(mark.Entity).State = EntityState.Added;
                        break;
                    case EntityState.Unchanged or EntityState.Modified or EntityState.Deleted:
                        if (entry.State == EntityState.Detached)
                        {
                            entry.State = EntityState.Unchanged;
                        }
                        entry.OriginalValues.SetValues(mark.Original);
                        if (mark.State == EntityState.Deleted)
                        {
                            entry.State = EntityState.Deleted;
                            break;
                        }
                        entry.DetectChanges();
                        foreach (var name in mark.Modified)
                        {
                            entry.Property(name).IsModified = true;
                        }
                        break;
                }
            }
        }

        private static void Reset(object entity, IProperty key)
        {
            var value = key.ClrType.IsValueType ? Activator.CreateInstance(key.ClrType) : null;
            if (key.FieldInfo is { } field)
            {
                field.SetValue(entity, value);
            }
            else
            {
                key.PropertyInfo?.SetValue(entity, value);
            }
        }
    }
}
