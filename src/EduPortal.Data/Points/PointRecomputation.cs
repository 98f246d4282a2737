using System.Data.Common;
using System.Diagnostics;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Data.Points;

/// <summary>
/// Derives the awards and totals of teacher-years from their raw events with the pure <see cref="PointEngine"/>:
/// per teacher, per year (after a rule edit) and for the queue of teacher-years that received events. Recomputing
/// is delete-and-insert per teacher-year, so the stored awards are always exactly what the engine gives.
/// </summary>
public sealed class PointRecomputation(IDbContextFactory<EduPortalDbContext> dbFactory)
{
    private const int TeachersPerBatch = 400;

    /// <summary>Recomputes every teacher-year marked by recorded events; returns how many teacher-years it rebuilt.</summary>
    public async Task<int> RecomputeDirtyAsync(CancellationToken cancellationToken = default)
    {
        var rebuilt = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Many marks name the same teacher-year (every batch that touched it): take them all at once and rebuild each once.
            var marks = await db.PointDirtyTeachers.AsNoTracking().OrderBy(d => d.Id).Take(200_000).ToListAsync(cancellationToken);
            if (marks.Count == 0)
            {
                return rebuilt;
            }
            // Earlier years first: a year's first week and login streaks read the last days of the year before.
            foreach (var year in marks.GroupBy(m => m.Year).OrderBy(g => g.Key))
            {
                var teachers = year.Select(m => m.TeacherId).Distinct().ToList();
                await RecomputeTeachersAsync(year.Key, teachers, cancellationToken);
                rebuilt += teachers.Count;
            }
            // Delete exactly the marks read: on server databases identity values may commit out of order,
            // so "every id up to the last one read" could drop a mark nobody has processed.
            foreach (var chunk in marks.Select(m => m.Id).Chunk(1000))
            {
                await db.PointDirtyTeachers.Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Rebuilds the awards and totals of some teachers' year from their raw events (and the last days of the year
    /// before, which its first week and login streaks continue); then the next year of those teachers, if it has
    /// points already, since its first week and streaks continue this one.
    /// </summary>
    public async Task RecomputeTeachersAsync(int year, IReadOnlyCollection<string> teacherIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await PointRuleSets.LoadAsync(db, year, cancellationToken);
        var teachers = teacherIds.Distinct().ToList();
        if (teachers.Count >= TeachersPerRun
            && teachers.Count * 2 >= await db.PointTeacherTotals.CountAsync(t => t.Year == year, cancellationToken))
        {
            // A batch spanning much of the district (a district-wide ingestion): stream it in runs of consecutive
            // teachers, as the full-year recompute does, instead of seeking each teacher's events.
            await WithLargeCacheAsync(db, async () =>
            {
                var prior = await LoadPriorAsync(db, rules, null, cancellationToken);
                foreach (var run in teachers.Order(StringComparer.Ordinal).Chunk(TeachersPerRun))
                {
                    await WriteAsync(db, rules, await ReadRunAsync(db, rules, run, cancellationToken), prior, cancellationToken);
                }
            }, cancellationToken);
            await RecomputeNextYearAsync(db, year, teachers, cancellationToken);
            return;
        }
        foreach (var chunk in teachers.Chunk(TeachersPerBatch))
        {
            var events = await db.PointEvents.AsNoTracking()
                .Where(e => chunk.Contains(e.TeacherId) && e.Day >= rules.StartDate && e.Day < rules.EndDateExclusive)
                .Select(e => new { e.TeacherId, e.Id, e.Type, e.OccurredAt, e.Source, e.ExternalId, e.Quantity, e.SecondaryQuantity })
                .ToListAsync(cancellationToken);
            var byTeacher = chunk.ToDictionary(t => t, _ => new List<PointEventInput>(), StringComparer.Ordinal);
            foreach (var e in events)
            {
                byTeacher[e.TeacherId].Add(new PointEventInput(e.Id, e.Type, e.OccurredAt, e.Source, e.ExternalId, e.Quantity, e.SecondaryQuantity));
            }
            var prior = await LoadPriorAsync(db, rules, chunk, cancellationToken);
            await WriteAsync(db, rules, byTeacher, prior, cancellationToken);
        }
        await RecomputeNextYearAsync(db, year, teachers, cancellationToken);
    }

    /// <summary>
    /// The teachers' next year continues this one (its first week's caps and its login streaks): rebuild it for
    /// the teachers that have events in the days it reads back and points there already. Later years follow in turn.
    /// </summary>
    private async Task RecomputeNextYearAsync(EduPortalDbContext db, int year, IReadOnlyCollection<string>? teacherIds, CancellationToken cancellationToken)
    {
        var next = await PointRuleSets.LoadAsync(db, year + 1, cancellationToken);
        var from = PointEngine.PriorWindowStart(next);
        var nextStart = next.StartDate;
        var withPoints = db.PointTeacherTotals.Where(t => t.Year == next.Year
            && db.PointEvents.Any(e => e.TeacherId == t.TeacherId && e.Day >= from && e.Day < nextStart));
        var affected = new List<string>();
        if (teacherIds is null)
        {
            affected.AddRange(await withPoints.Select(t => t.TeacherId).ToListAsync(cancellationToken));
        }
        else
        {
            foreach (var chunk in teacherIds.Chunk(TeachersPerBatch))
            {
                affected.AddRange(await withPoints.Where(t => chunk.Contains(t.TeacherId)).Select(t => t.TeacherId).ToListAsync(cancellationToken));
            }
        }
        if (affected.Count > 0)
        {
            await RecomputeTeachersAsync(next.Year, affected, cancellationToken);
        }
    }

    /// <summary>
    /// The teachers' events of the days before the year (from <see cref="PointEngine.PriorWindowStart"/>) with what
    /// they earned in their own year, for the engine's first week and login streaks; these are read, never awarded
    /// again. A teacher whose sign-ins fill that whole window has the run followed back further (up to a year), so
    /// "连续登录第 N 天" keeps counting across 1 January. <paramref name="teacherIds"/> null means every teacher.
    /// </summary>
    private static async Task<Dictionary<string, List<PointPriorEvent>>> LoadPriorAsync(EduPortalDbContext db, PointRuleSet rules,
        string[]? teacherIds, CancellationToken cancellationToken)
    {
        var from = PointEngine.PriorWindowStart(rules);
        var start = rules.StartDate;
        var events = db.PointEvents.AsNoTracking().Where(e => e.Day >= from && e.Day < start);
        if (teacherIds is not null)
        {
            events = events.Where(e => teacherIds.Contains(e.TeacherId));
        }
        // What they earned in the previous points year, looked up by the awards' key (teacher, year, event).
        var previousYear = rules.Year - 1;
        var rows = await (from e in events
                          join a in db.PointAwards.Where(a => a.Year == previousYear) on new { e.TeacherId, EventId = e.Id } equals new { a.TeacherId, a.EventId } into awarded
                          from a in awarded.DefaultIfEmpty()
                          select new { e.TeacherId, e.Type, e.Day, Points = (int?)a.Points }).ToListAsync(cancellationToken);
        var prior = new Dictionary<string, List<PointPriorEvent>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!prior.TryGetValue(row.TeacherId, out var list))
            {
                prior[row.TeacherId] = list = [];
            }
            list.Add(new PointPriorEvent(row.Type, row.Day, row.Points ?? 0));
        }

        var dailyTypes = rules.Rules.Where(r => r.IsDaily).Select(r => r.Type).ToArray();
        var windowDays = start.DayNumber - from.DayNumber;
        var longRuns = prior.Where(p => dailyTypes.Any(type => p.Value.Where(e => e.Type == type).Select(e => e.Day).Distinct().Count() == windowDays))
            .Select(p => p.Key).ToList();
        var yearBack = start.AddDays(-PointRule.MaxDaysPerYear);
        foreach (var chunk in longRuns.Chunk(TeachersPerBatch))
        {
            var earlier = await db.PointEvents.AsNoTracking()
                .Where(e => chunk.Contains(e.TeacherId) && dailyTypes.Contains(e.Type) && e.Day >= yearBack && e.Day < from)
                .Select(e => new { e.TeacherId, e.Type, e.Day }).Distinct().ToListAsync(cancellationToken);
            foreach (var e in earlier)
            {
                prior[e.TeacherId].Add(new PointPriorEvent(e.Type, e.Day, 0));
            }
        }
        return prior;
    }

    /// <summary>
    /// Rebuilds a whole year (after a rule edit), streaming teacher by teacher in (teacher, time) order: the teachers
    /// are cut into runs of consecutive ids, each run's events are read through the (teacher, time) index, awarded and
    /// written (delete-and-insert in one transaction, so pages keep reading consistent teacher-years meanwhile) before
    /// the next run is read. Memory holds one run, never the year; no reader stays open while a run is written.
    /// </summary>
    public async Task<long> RecomputeYearAsync(int year, IProgress<RecomputeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var rules = await PointRuleSets.LoadAsync(db, year, cancellationToken);
        var started = Stopwatch.StartNew();
        // Every teacher with events (an index-only scan of the teacher index) and those with points left from a
        // previous computation (the start date moved: they are cleared).
        var teachers = await db.PointEvents.AsNoTracking().Select(e => e.TeacherId).Distinct().ToListAsync(cancellationToken);
        teachers.AddRange(await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year).Select(t => t.TeacherId).ToListAsync(cancellationToken));
        teachers = teachers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        long eventCount = 0;
        await WithLargeCacheAsync(db, async () =>
        {
            var prior = await LoadPriorAsync(db, rules, null, cancellationToken);
            var reading = started.Elapsed;
            TimeSpan awarding = TimeSpan.Zero, writing = TimeSpan.Zero, writingAwards = TimeSpan.Zero;
            var done = 0;
            progress?.Report(new RecomputeProgress(0, teachers.Count, 0, reading, awarding, writing));
            foreach (var run in teachers.Chunk(TeachersPerRun))
            {
                var watch = Stopwatch.StartNew();
                var byTeacher = await ReadRunAsync(db, rules, run, cancellationToken);
                reading += watch.Elapsed;
                var runEvents = byTeacher.Values.Sum(l => (long)l.Count);
                var (award, write, writeAwards) = await WriteAsync(db, rules, byTeacher, prior, cancellationToken);
                awarding += award;
                writing += write;
                writingAwards += writeAwards;
                done += run.Length;
                eventCount += runEvents;
                progress?.Report(new RecomputeProgress(done, teachers.Count, eventCount, reading, awarding, writing, writingAwards));
            }
        }, cancellationToken);
        await RecomputeNextYearAsync(db, year, null, cancellationToken);
        return eventCount;
    }

    /// <summary>
    /// SQLite's page cache for the connection of a streamed recompute, in MiB (SQLite's default is 2 MB): the runs'
    /// inserts land on a few hundred hot pages of each table and index (a day roll-up's (year, day, …) index has one
    /// insertion point a day), which must stay cached between statements. Set back to the default afterwards, since
    /// the connection returns to the pool for pages. Ignored by server databases.
    /// </summary>
    public int SqliteCacheMiB { get; init; } = 256;

    private async Task WithLargeCacheAsync(EduPortalDbContext db, Func<Task> work, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            await work();
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await PragmaAsync(db, $"PRAGMA cache_size = -{SqliteCacheMiB * 1024}", cancellationToken);
            await work();
        }
        finally
        {
            await PragmaAsync(db, "PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task PragmaAsync(EduPortalDbContext db, string pragma, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Teachers per streamed run (~1 M events at the large district's 520 a teacher, a few hundred MB at most); a
    /// dirty batch of at least this many teachers, and half of the year's, takes the streaming path.
    /// </summary>
    public int TeachersPerRun { get; init; } = 2000;

    /// <summary>
    /// The year's events of a run of consecutive teacher ids (sorted ordinally, as the index orders them), read as one
    /// range of the (teacher, time) index; a teacher of the range outside <paramref name="run"/> is skipped.
    /// </summary>
    private static async Task<Dictionary<string, List<PointEventInput>>> ReadRunAsync(EduPortalDbContext db, PointRuleSet rules, string[] run,
        CancellationToken cancellationToken)
    {
        var byTeacher = run.ToDictionary(t => t, _ => new List<PointEventInput>(), StringComparer.Ordinal);
        var first = run[0];
        var last = run[^1];
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string value)
        {
            if (!types.TryGetValue(value, out var shared))
            {
                types[value] = shared = value;
            }
            return shared;
        }
        await foreach (var e in db.PointEvents.AsNoTracking()
            .Where(e => string.Compare(e.TeacherId, first) >= 0 && string.Compare(e.TeacherId, last) <= 0
                && e.Day >= rules.StartDate && e.Day < rules.EndDateExclusive)
            .OrderBy(e => e.TeacherId).ThenBy(e => e.OccurredAt)
            .Select(e => new { e.TeacherId, e.Id, e.Type, e.OccurredAt, e.Source, e.ExternalId, e.Quantity, e.SecondaryQuantity })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (byTeacher.TryGetValue(e.TeacherId, out var list))
            {
                list.Add(new PointEventInput(e.Id, Shared(e.Type), e.OccurredAt, Shared(e.Source), e.ExternalId, e.Quantity, e.SecondaryQuantity));
            }
        }
        return byTeacher;
    }

    /// <summary>
    /// Awards each teacher's events and replaces their stored awards and total for the year in one transaction;
    /// returns the time the engine took, the time the writing took and, of that, the time the award rows took.
    /// </summary>
    /// <summary>What the day and month roll-ups keep: awards that earned or took points, and every sign-in.</summary>
    private static bool Kept(PointAwardResult award) => award.Points != 0 || award.Type == PointTypes.Login;

    private static async Task<(TimeSpan Awarding, TimeSpan Writing, TimeSpan WritingAwards)> WriteAsync(EduPortalDbContext db, PointRuleSet rules, IReadOnlyDictionary<string, List<PointEventInput>> byTeacher,
        IReadOnlyDictionary<string, List<PointPriorEvent>> prior, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var year = rules.Year;
        var awards = new List<PointAward>();
        var totals = new List<PointTeacherTotal>(byTeacher.Count);
        var weeks = new List<PointTeacherWeek>(byTeacher.Count * 40);
        var days = new List<PointTeacherDay>(byTeacher.Count * 60);
        var months = new List<PointTeacherMonth>(byTeacher.Count * 12);
        // Teacher by teacher in ordinal order, and each teacher's rows in key order: every table and the awards are
        // keyed (teacher, year, …), so a run's inserts append to one contiguous range of each key.
        foreach (var (teacherId, events) in byTeacher.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var result = PointEngine.Award(rules, events, prior.GetValueOrDefault(teacherId));
            foreach (var award in result.OrderBy(a => a.EventId))
            {
                awards.Add(new PointAward { EventId = award.EventId, TeacherId = teacherId, Year = year, Day = award.Day, Points = award.Points, Reason = award.Reason });
            }
            foreach (var week in result.Where(a => a.Points != 0).GroupBy(a => PointEngine.WeekStart(a.Day)).OrderBy(g => g.Key))
            {
                weeks.Add(new PointTeacherWeek { TeacherId = teacherId, Year = year, WeekStart = week.Key, Points = week.Sum(a => a.Points) });
            }
            // The date-range roll-ups: per day and per calendar month, total and per category, and the sign-in days
            // (a day or month with a 空间登录 event has a row even when it earned nothing: compliance ⑦ counts it).
            // Day rows carry the year-to-date sums: a date range is two lookups a teacher (issue 16).
            days.AddRange(PointTeacherDay.ForYear(teacherId, year, result.Where(Kept)));
            foreach (var month in result.Where(Kept).GroupBy(a => PointTeacherMonth.MonthOf(a.Day)).OrderBy(g => g.Key))
            {
                months.Add(PointTeacherMonth.For(teacherId, year, month.Key, month));
            }
            if (result.Count > 0)
            {
                var (total, byCategory) = PointEngine.Summarize(result);
                var row = new PointTeacherTotal { TeacherId = teacherId, Year = year };
                row.Set(total, byCategory, result.Count);
                totals.Add(row);
            }
        }
        var awarding = watch.Elapsed;
        watch.Restart();
        var awardsWatch = new Stopwatch();
        var teachers = byTeacher.Keys.Order(StringComparer.Ordinal).ToArray();
        await db.InTransactionAsync(async ct =>
        {
            awardsWatch.Reset();
            var dbTransaction = db.Database.CurrentTransaction!.GetDbTransaction();
            // Only what changed is written: the rows stored for these teachers are read (one range of each key) and
            // compared with the new ones; a row that differs is deleted and inserted again, one that is gone is
            // deleted, one that is new inserted. A rule edit rewrites the rows it changes, not the whole year. The day and
            // month roll-ups are read by teacher alone, their year kept here: with the year in the query SQLite would
            // read them through their (year, start, …) covering index, every row of the year for each chunk.
            awardsWatch.Start();
            await ReplaceChangedAsync(db, dbTransaction, teachers, chunk => db.PointAwards.Where(a => a.Year == year && chunk.Contains(a.TeacherId)), awards,
                a => $"{a.TeacherId}\u0001{a.EventId}\u0001{a.Day.DayNumber}\u0001{a.Points}\u0001{a.Reason}", PointBulkInsert.AwardKey, PointBulkInsert.AwardsAsync, ct);
            awardsWatch.Stop();
            await ReplaceChangedAsync(db, dbTransaction, teachers, chunk => db.PointTeacherTotals.Where(t => t.Year == year && chunk.Contains(t.TeacherId)), totals,
                t => $"{t.TeacherId}\u0001{t.Total}\u0001{t.SpaceBuilding}\u0001{t.TeachingApplication}\u0001{t.Interaction}\u0001{t.TeacherTraining}\u0001{t.CampusManagement}\u0001{t.EventCount}",
                PointBulkInsert.TotalKey, PointBulkInsert.TotalsAsync, ct);
            await ReplaceChangedAsync(db, dbTransaction, teachers, chunk => db.PointTeacherWeeks.Where(w => w.Year == year && chunk.Contains(w.TeacherId)), weeks,
                w => $"{w.TeacherId}\u0001{w.WeekStart.DayNumber}\u0001{w.Points}", PointBulkInsert.WeekKey, PointBulkInsert.WeeksAsync, ct);
            await ReplaceChangedAsync(db, dbTransaction, teachers, chunk => db.PointTeacherDays.Where(d => chunk.Contains(d.TeacherId)), days,
                Signature, PointBulkInsert.PeriodKey<PointTeacherDay>(), PointBulkInsert.PeriodsAsync, ct, d => d.Year == year);
            await ReplaceChangedAsync(db, dbTransaction, teachers, chunk => db.PointTeacherMonths.Where(m => chunk.Contains(m.TeacherId)), months,
                Signature, PointBulkInsert.PeriodKey<PointTeacherMonth>(), PointBulkInsert.PeriodsAsync, ct, m => m.Year == year);
        }, cancellationToken);
        return (awarding, watch.Elapsed, awardsWatch.Elapsed);
    }

    private static string Signature(PointTeacherPeriod p) =>
        $"{p.TeacherId}\u0001{p.Start.DayNumber}\u0001{p.Points}\u0001{p.SpaceBuilding}\u0001{p.TeachingApplication}\u0001{p.Interaction}\u0001{p.TeacherTraining}\u0001{p.CampusManagement}\u0001{p.SignInDays}"
        + (p is PointTeacherDay d
            ? $"\u0001{d.CumPoints}\u0001{d.CumSpaceBuilding}\u0001{d.CumTeachingApplication}\u0001{d.CumInteraction}\u0001{d.CumTeacherTraining}\u0001{d.CumCampusManagement}\u0001{d.CumSignInDays}"
            : "");

    /// <summary>
    /// Replaces the stored rows of <paramref name="teachers"/> (read <see cref="TeachersPerBatch"/> teachers a query)
    /// by <paramref name="fresh"/>, writing only the difference: rows whose every column (<paramref name="signature"/>)
    /// is unchanged stay as they are.
    /// </summary>
    private static async Task ReplaceChangedAsync<TRow>(EduPortalDbContext db, DbTransaction transaction, string[] teachers,
        Func<string[], IQueryable<TRow>> stored, List<TRow> fresh, Func<TRow, string> signature, string[] key,
        Func<EduPortalDbContext, DbTransaction?, IReadOnlyList<TRow>, CancellationToken, Task> insert, CancellationToken cancellationToken,
        Func<TRow, bool>? ofYear = null)
        where TRow : class
    {
        var freshSignatures = new HashSet<string>(fresh.Count, StringComparer.Ordinal);
        foreach (var row in fresh)
        {
            freshSignatures.Add(signature(row));
        }
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var gone = new List<TRow>();
        foreach (var chunk in teachers.Chunk(TeachersPerBatch))
        {
            await foreach (var row in stored(chunk).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (ofYear is not null && !ofYear(row))
                {
                    continue;
                }
                var s = signature(row);
                if (freshSignatures.Contains(s))
                {
                    kept.Add(s);
                }
                else
                {
                    gone.Add(row);
                }
            }
        }
        await PointBulkInsert.DeleteByKeyAsync(db, transaction, key, gone, cancellationToken);
        await insert(db, transaction, kept.Count == 0 ? fresh : fresh.Where(r => !kept.Contains(signature(r))).ToList(), cancellationToken);
    }
}
