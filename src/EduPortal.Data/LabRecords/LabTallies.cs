using EduPortal.Domain.LabRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EduPortal.Data.LabRecords;

/// <summary>
/// Keeps the lab statistics' roll-ups (<see cref="LabDayTally"/>, <see cref="LabTeacherTermTally"/>,
/// <see cref="LabExperimentTermTally"/>) current: before any save that adds, changes or deletes lab records, the
/// tallies those records touch (before and after the change) are recounted from the database, leaving out the
/// records being saved, plus the saved records' new values, and written by the same SaveChanges, so a record and
/// its tallies commit or fail together. Each touched tally covers one teacher's term, one school's experiment or
/// one county's day: a few rows to recount.
/// </summary>
public sealed class LabTallyInterceptor : SaveChangesInterceptor
{
    public static readonly LabTallyInterceptor Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is EduPortalDbContext db && !LabTallies.InBulkSave(db))
        {
            await LabTallies.ApplyAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is EduPortalDbContext db && !LabTallies.InBulkSave(db))
        {
            LabTallies.ApplyAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }
}

public static class LabTallies
{
    /// <summary>The contexts saving a bulk load (<see cref="SaveBulkAsync"/>): their save leaves the tallies to the rebuild after it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EduPortalDbContext, object> BulkSaves = [];

    internal static bool InBulkSave(EduPortalDbContext db) => BulkSaves.TryGetValue(db, out _);

    /// <summary>
    /// Saves a bulk load of records (the demo city's term, ~3,000 records) without recounting the tallies each record
    /// touches — thousands of small reads — and then rebuilds every tally from the records at once
    /// (<see cref="RebuildAsync"/>: a few grouped reads): the same roll-ups. Should the rebuild not run (the process
    /// stopped in between), the next start rebuilds them (<see cref="RebuildIfMissingAsync"/>: records but no tallies).
    /// </summary>
    public static async Task SaveBulkAsync(EduPortalDbContext db, CancellationToken cancellationToken = default)
    {
        BulkSaves.AddOrUpdate(db, BulkSaves);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            BulkSaves.Remove(db);
        }
        await RebuildAsync(db, cancellationToken);
    }

    private sealed record Snapshot(bool Shown, int SchoolId, int CountyId, string TeacherId, DateOnly? LessonDate, int? ExperimentId, LabSubject? Subject);

    internal static async Task ApplyAsync(EduPortalDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries<LabRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0)
        {
            return;
        }
        var excluded = entries.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        var after = entries.Where(e => e.State != EntityState.Deleted).Select(e => Take(e.CurrentValues)).Where(s => s.Shown && s.LessonDate is not null).ToList();
        var touched = entries.Where(e => e.State != EntityState.Added).Select(e => Take(e.OriginalValues))
            .Concat(entries.Where(e => e.State != EntityState.Deleted).Select(e => Take(e.CurrentValues)))
            .Where(s => s.LessonDate is not null).ToList();

        foreach (var (countyId, day) in touched.Select(s => (s.CountyId, s.LessonDate!.Value)).Distinct())
        {
            var subjects = await db.LabRecords.AsNoTracking()
                .Where(r => r.Shown && r.CountyId == countyId && r.LessonDate == day && !excluded.Contains(r.Id)).Select(r => r.Subject).ToListAsync(cancellationToken);
            subjects.AddRange(after.Where(s => s.CountyId == countyId && s.LessonDate == day).Select(s => s.Subject));
            var counts = subjects.GroupBy(s => s is { } subject ? (int)subject : LabDayTally.NoSubject).ToDictionary(g => g.Key, g => g.Count());
            var existing = await db.LabDayTallies.Where(t => t.CountyId == countyId && t.Day == day).ToListAsync(cancellationToken);
            foreach (var tally in existing.Where(t => !counts.ContainsKey(t.Subject)))
            {
                db.LabDayTallies.Remove(tally);
            }
            foreach (var (subject, count) in counts)
            {
                var tally = existing.FirstOrDefault(t => t.Subject == subject);
                if (tally is null)
                {
                    tally = new LabDayTally(countyId, day, subject);
                    db.LabDayTallies.Add(tally);
                }
                tally.Records = count;
            }
        }

        foreach (var (term, schoolId, countyId, teacherId) in touched.Select(s => (SchoolTerm.Containing(s.LessonDate!.Value), s.SchoolId, s.CountyId, s.TeacherId)).Distinct())
        {
            var dates = await db.LabRecords.AsNoTracking()
                .Where(r => r.Shown && r.SchoolId == schoolId && r.TeacherId == teacherId && r.LessonDate >= term.Start && r.LessonDate <= term.End
                    && !excluded.Contains(r.Id))
                .Select(r => r.LessonDate!.Value).ToListAsync(cancellationToken);
            dates.AddRange(after.Where(s => s.SchoolId == schoolId && s.TeacherId == teacherId && term.Contains(s.LessonDate!.Value)).Select(s => s.LessonDate!.Value));
            var tally = await db.LabTeacherTermTallies.FindAsync([term.Start, schoolId, teacherId], cancellationToken);
            if (dates.Count == 0)
            {
                if (tally is not null)
                {
                    db.LabTeacherTermTallies.Remove(tally);
                }
                continue;
            }
            if (tally is null)
            {
                tally = new LabTeacherTermTally(term.Start, schoolId, teacherId, countyId);
                db.LabTeacherTermTallies.Add(tally);
            }
            tally.Records = dates.Count;
            tally.LastLessonDate = dates.Max();
        }

        foreach (var (term, schoolId, countyId, experimentId) in touched.Where(s => s.ExperimentId is not null)
            .Select(s => (SchoolTerm.Containing(s.LessonDate!.Value), s.SchoolId, s.CountyId, s.ExperimentId!.Value)).Distinct())
        {
            var count = await db.LabRecords.AsNoTracking()
                .CountAsync(r => r.Shown && r.SchoolId == schoolId && r.ExperimentId == experimentId && r.LessonDate >= term.Start && r.LessonDate <= term.End
                    && !excluded.Contains(r.Id), cancellationToken);
            count += after.Count(s => s.SchoolId == schoolId && s.ExperimentId == experimentId && term.Contains(s.LessonDate!.Value));
            var tally = await db.LabExperimentTermTallies.FindAsync([term.Start, schoolId, experimentId], cancellationToken);
            if (count == 0)
            {
                if (tally is not null)
                {
                    db.LabExperimentTermTallies.Remove(tally);
                }
                continue;
            }
            if (tally is null)
            {
                tally = new LabExperimentTermTally(term.Start, schoolId, experimentId, countyId);
                db.LabExperimentTermTallies.Add(tally);
            }
            tally.Records = count;
        }
    }

    private static Snapshot Take(PropertyValues values) => new(
        values.GetValue<bool>(nameof(LabRecord.Shown)), values.GetValue<int>(nameof(LabRecord.SchoolId)), values.GetValue<int>(nameof(LabRecord.CountyId)),
        values.GetValue<string>(nameof(LabRecord.TeacherId)), values.GetValue<DateOnly?>(nameof(LabRecord.LessonDate)),
        values.GetValue<int?>(nameof(LabRecord.ExperimentId)), values.GetValue<LabSubject?>(nameof(LabRecord.Subject)));

    /// <summary>
    /// Recounts every tally from the shown records: after a bulk load that bypassed SaveChanges (the benchmark's
    /// SQL inserts) and at start-up when the tables are empty but records exist (a database older than the roll-ups).
    /// </summary>
    public static async Task RebuildAsync(EduPortalDbContext db, CancellationToken cancellationToken = default)
    {
        await db.LabDayTallies.ExecuteDeleteAsync(cancellationToken);
        await db.LabTeacherTermTallies.ExecuteDeleteAsync(cancellationToken);
        await db.LabExperimentTermTallies.ExecuteDeleteAsync(cancellationToken);
        var shown = db.LabRecords.AsNoTracking().Where(r => r.Shown && r.LessonDate != null);
        var days = await shown.GroupBy(r => new { r.CountyId, Day = r.LessonDate!.Value, r.Subject })
            .Select(g => new { g.Key.CountyId, g.Key.Day, g.Key.Subject, Count = g.Count() }).ToListAsync(cancellationToken);
        db.LabDayTallies.AddRange(days.GroupBy(d => (d.CountyId, d.Day, Subject: d.Subject is { } s ? (int)s : LabDayTally.NoSubject))
            .Select(g => new LabDayTally(g.Key.CountyId, g.Key.Day, g.Key.Subject) { Records = g.Sum(d => d.Count) }));
        foreach (var term in days.Select(d => SchoolTerm.Containing(d.Day)).Distinct())
        {
            var inTerm = shown.Where(r => r.LessonDate >= term.Start && r.LessonDate <= term.End);
            var teachers = await inTerm.GroupBy(r => new { r.SchoolId, r.CountyId, r.TeacherId })
                .Select(g => new { g.Key.SchoolId, g.Key.CountyId, g.Key.TeacherId, Count = g.Count(), Last = g.Max(r => r.LessonDate!.Value) })
                .ToListAsync(cancellationToken);
            db.LabTeacherTermTallies.AddRange(teachers.Select(t => new LabTeacherTermTally(term.Start, t.SchoolId, t.TeacherId, t.CountyId)
            {
                Records = t.Count,
                LastLessonDate = t.Last,
            }));
            var experiments = await inTerm.Where(r => r.ExperimentId != null).GroupBy(r => new { r.SchoolId, r.CountyId, ExperimentId = r.ExperimentId!.Value })
                .Select(g => new { g.Key.SchoolId, g.Key.CountyId, g.Key.ExperimentId, Count = g.Count() }).ToListAsync(cancellationToken);
            db.LabExperimentTermTallies.AddRange(experiments.Select(e => new LabExperimentTermTally(term.Start, e.SchoolId, e.ExperimentId, e.CountyId) { Records = e.Count }));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Rebuilds the tallies when there are shown records but no tallies (the roll-ups were added after them).</summary>
    public static async Task RebuildIfMissingAsync(EduPortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.LabDayTallies.AnyAsync(cancellationToken) && await db.LabRecords.AnyAsync(r => r.Shown && r.LessonDate != null, cancellationToken))
        {
            await RebuildAsync(db, cancellationToken);
        }
    }
}
