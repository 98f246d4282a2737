using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Data.Points;

/// <summary>
/// The ledger's raw events: stores them idempotently and queues the teacher-years they touch for
/// <see cref="PointRecomputation.RecomputeDirtyAsync"/>; takes one back and has its year rebuilt at once.
/// </summary>
public sealed class PointEventStore(IDbContextFactory<EduPortalDbContext> dbFactory, PointRecomputation recomputation, TimeProvider clock)
{
    /// <summary>
    /// Records events of one source. Each row is created, recognised as a duplicate, updated (new numbers
    /// for the same event) or rejected on its own; the teacher-years touched are marked for recompute.
    /// A row another request records at the same moment (32 simultaneous sign-ins of one account) is "already
    /// recorded": the insert skips it without touching the unique index's error path, and this call is redone
    /// so the row is judged as a resent copy (a duplicate, or an update of its numbers).
    /// </summary>
    public async Task<IReadOnlyList<PointRowOutcome>> RecordAsync(string source, IReadOnlyList<IncomingPointEvent> rows, CancellationToken cancellationToken = default)
    {
        // Each redo sees at least one more row of the call stored, so there are at most as many redos as rows.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (await TryRecordAsync(source, rows, cancellationToken) is { } outcomes)
                {
                    return outcomes;
                }
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex) && attempt <= rows.Count)
            {
                // A unique clash on a provider or path that still raised one: the same "already recorded", read again.
            }
            if (attempt > rows.Count)
            {
                throw new InvalidOperationException($"Point events of {source} kept clashing with concurrent requests");
            }
        }
    }

    /// <summary>The rows' outcomes, or null when a concurrent request recorded one of the new rows first (nothing was saved).</summary>
    private async Task<IReadOnlyList<PointRowOutcome>?> TryRecordAsync(string source, IReadOnlyList<IncomingPointEvent> rows, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var externalIds = rows.Select(r => r.ExternalId).Distinct().ToList();
        var known = new Dictionary<string, PointEvent>(StringComparer.Ordinal);
        foreach (var chunk in externalIds.Chunk(500))
        {
            foreach (var existing in await db.PointEvents.Where(e => e.Source == source && chunk.Contains(e.ExternalId)).ToListAsync(cancellationToken))
            {
                known[existing.ExternalId] = existing;
            }
        }
        var now = clock.GetUtcNow();
        var years = new Dictionary<int, PointRuleSet>();
        var dirty = new HashSet<(string TeacherId, int Year)>();
        var created = new List<PointEvent>();
        var outcomes = new List<(PointRowStatus Status, string? Error, PointEvent? Event)>(rows.Count);
        foreach (var row in rows)
        {
            if (known.TryGetValue(row.ExternalId, out var existing))
            {
                if (!existing.IsSameEvent(row.TeacherId, row.Type, row.OccurredAt))
                {
                    outcomes.Add((PointRowStatus.Rejected, $"外部编号“{row.ExternalId}”已用于另一事件（教师、类型或时间不同）", existing));
                    continue;
                }
                var updated = existing.UpdateQuantities(row.Quantity, row.SecondaryQuantity);
                if (!updated.Succeeded)
                {
                    // A resent event may only raise its numbers (a class resent with 30 then 10 must not fall to 0).
                    outcomes.Add((PointRowStatus.Rejected, updated.Error!.Message, existing));
                    continue;
                }
                if (updated.Value)
                {
                    outcomes.Add((PointRowStatus.Updated, null, existing));
                    dirty.Add((existing.TeacherId, await YearOfAsync(db, years, existing.Day, cancellationToken)));
                }
                else
                {
                    outcomes.Add((PointRowStatus.Duplicate, null, existing));
                }
                continue;
            }
            var fresh = PointEvent.Create(row.TeacherId, row.Type, row.OccurredAt, source, row.ExternalId, row.Quantity, row.SecondaryQuantity, now);
            created.Add(fresh);
            known[row.ExternalId] = fresh;
            outcomes.Add((PointRowStatus.Created, null, fresh));
            dirty.Add((fresh.TeacherId, await YearOfAsync(db, years, fresh.Day, cancellationToken)));
        }
        foreach (var (teacherId, year) in dirty)
        {
            db.PointDirtyTeachers.Add(new PointDirtyTeacher { TeacherId = teacherId, Year = year });
        }
        var ids = await db.InTransactionAsync(async ct =>
        {
            // New events first: on SQLite this takes the write lock before anything is decided from the reads above.
            var inserted = await PointBulkInsert.EventsIfAbsentAsync(db, db.Database.CurrentTransaction!.GetDbTransaction(), created, ct);
            if (inserted.Any(id => id is null))
            {
                return null;
            }
            await db.SaveChangesAsync(ct);
            return inserted;
        }, cancellationToken, commitWhen: inserted => inserted is not null);
        if (ids is null)
        {
            return null;
        }
        var newIds = new Dictionary<PointEvent, long>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < created.Count; i++)
        {
            newIds[created[i]] = ids[i]!.Value;
        }
        return outcomes.Select(o => new PointRowOutcome(o.Status, o.Error,
            o.Status == PointRowStatus.Rejected || o.Event is null ? null : newIds.TryGetValue(o.Event, out var id) ? id : o.Event.Id)).ToList();
    }

    private static async Task<int> YearOfAsync(EduPortalDbContext db, Dictionary<int, PointRuleSet> years, DateOnly day, CancellationToken cancellationToken)
    {
        if (!years.TryGetValue(day.Year, out var set))
        {
            set = await PointRuleSets.LoadAsync(db, day.Year, cancellationToken);
            years[day.Year] = set;
        }
        return set.Contains(day) ? day.Year : day.Year - 1;
    }

    /// <summary>
    /// Takes back one event (a portal event whose cause was undone, e.g. a lab record withdrawn or returned): the
    /// raw event and its award go, and the teacher's year is rebuilt so caps and streaks are recounted. Returns
    /// whether there was anything to remove.
    /// </summary>
    public async Task<bool> RemoveAsync(string source, string teacherId, string externalId, CancellationToken cancellationToken = default)
    {
        int year;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var found = await db.PointEvents.Where(e => e.Source == source && e.ExternalId == externalId && e.TeacherId == teacherId)
                .Select(e => new { e.Id, e.Day }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return false;
            }
            year = (await PointRuleSets.ForDayAsync(db, found.Day, cancellationToken)).Year;
            await db.InTransactionAsync(async ct =>
            {
                await db.PointAwards.Where(a => a.TeacherId == teacherId && a.EventId == found.Id).ExecuteDeleteAsync(ct);
                await db.PointEvents.Where(e => e.Id == found.Id).ExecuteDeleteAsync(ct);
            }, cancellationToken);
        }
        await recomputation.RecomputeTeachersAsync(year, [teacherId], cancellationToken);
        return true;
    }
}
