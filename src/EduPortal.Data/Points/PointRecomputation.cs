using System.Diagnostics;
using System.Threading.Channels;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Data.Points;

/// <summary>
/// Derives the awards and totals of teacher-years from their raw events with the pure <see cref="PointEngine"/>:
/// per teacher, per year (after a rule edit) and for the queue of teacher-years that received events. A recompute
/// writes the difference between the stored rows and the engine's (a teacher-year whose fingerprint is unchanged is not
/// even read back), so the stored rows are always exactly what the engine gives.
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
                await StreamAsync(db, rules, teachers.Order(StringComparer.Ordinal).ToList(), prior, TimeSpan.Zero, null, cancellationToken);
            }, cancellationToken);
            await RecomputeNextYearAsync(db, year, teachers, cancellationToken);
            return;
        }
        var tables = DerivedTables.For(db);
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
            await WriteAsync(db, Derive(rules, byTeacher, prior, tables, TimeSpan.Zero), cancellationToken);
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
    /// written (its difference in one transaction, so pages keep reading consistent teacher-years meanwhile); the next
    /// run is read and awarded on another connection while one is written (<see cref="OverlapRuns"/>). Memory holds two
    /// runs at most, never the year.
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
        var result = new RecomputeProgress(0, teachers.Count, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        await WithLargeCacheAsync(db, async () =>
        {
            var prior = await LoadPriorAsync(db, rules, null, cancellationToken);
            result = await StreamAsync(db, rules, teachers, prior, started.Elapsed, progress, cancellationToken);
        }, cancellationToken);
        await RecomputeNextYearAsync(db, year, null, cancellationToken);
        return result.EventsDone;
    }

    /// <summary>
    /// The streamed recompute of <paramref name="teachers"/> (ordinal order) in runs of <see cref="TeachersPerRun"/>
    /// consecutive teachers. With <see cref="OverlapRuns"/> the next run is read (on a connection of its own) and awarded
    /// while this one is compared and written on <paramref name="db"/>'s connection; at most two runs are held at once
    /// (the one written and the next), so memory stays bounded. Each run is still written in one transaction.
    /// </summary>
    private async Task<RecomputeProgress> StreamAsync(EduPortalDbContext db, PointRuleSet rules, List<string> teachers,
        IReadOnlyDictionary<string, List<PointPriorEvent>> prior, TimeSpan reading, IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken)
    {
        var tables = DerivedTables.For(db);
        var runs = teachers.Chunk(TeachersPerRun).ToList();
        var state = new RecomputeProgress(0, teachers.Count, 0, reading, TimeSpan.Zero, TimeSpan.Zero);
        progress?.Report(state);
        async Task<PreparedRun> PrepareAsync(EduPortalDbContext readDb, string[] run, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            var byTeacher = await ReadRunAsync(readDb, rules, run, ct);
            return Derive(rules, byTeacher, prior, tables, watch.Elapsed);
        }
        async Task WriteRunAsync(PreparedRun run, TimeSpan waited)
        {
            var (writing, writingAwards, unchanged) = await WriteAsync(db, run, cancellationToken);
            state = state with
            {
                TeachersDone = state.TeachersDone + run.Teachers.Count,
                EventsDone = state.EventsDone + run.Events,
                Reading = state.Reading + run.Reading,
                Awarding = state.Awarding + run.Awarding,
                Writing = state.Writing + writing,
                WritingAwards = state.WritingAwards + writingAwards,
                WaitingForRuns = state.WaitingForRuns + waited,
                TeachersUnchanged = state.TeachersUnchanged + unchanged,
            };
            progress?.Report(state);
        }

        if (!OverlapRuns || runs.Count < 2)
        {
            foreach (var run in runs)
            {
                await WriteRunAsync(await PrepareAsync(db, run, cancellationToken), TimeSpan.Zero);
            }
            return state;
        }
        var ready = Channel.CreateBounded<PreparedRun>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        // Two runs at most: the one being written and the next, read and awarded meanwhile.
        using var held = new SemaphoreSlim(2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await using var readDb = await dbFactory.CreateDbContextAsync(stop.Token);
                readDb.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                foreach (var run in runs)
                {
                    await held.WaitAsync(stop.Token);
                    await ready.Writer.WriteAsync(await PrepareAsync(readDb, run, stop.Token), stop.Token);
                }
                ready.Writer.Complete();
            }
            catch (Exception exception)
            {
                ready.Writer.Complete(exception);
            }
        }, CancellationToken.None);
        try
        {
            var wait = Stopwatch.StartNew();
            await foreach (var run in ready.Reader.ReadAllAsync(cancellationToken))
            {
                var waited = wait.Elapsed;
                await WriteRunAsync(run, waited);
                held.Release();
                wait.Restart();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
        return state;
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
    /// Teachers per streamed run (~200,000 events at the large district's 520 a teacher, one compare chunk; two runs are
    /// held while overlapped, so the 10 M year stays well under 1 GiB); a dirty batch of at least this many teachers, and
    /// half of the year's, takes the streaming path.
    /// </summary>
    public int TeachersPerRun { get; init; } = TeachersPerBatch;

    /// <summary>
    /// Whether a streamed recompute reads and awards the next run on a connection of its own while the current run is
    /// compared and written (two cores: the read and the engine overlap the writing). Off: one run after another.
    /// </summary>
    public bool OverlapRuns { get; init; } = true;

    /// <summary>
    /// Whether a teacher-year whose fresh rows have the fingerprint stored on its total row is left as it is without
    /// reading its stored rows back (<see cref="PointTeacherTotal.Fingerprint"/>). Off: every teacher-year is compared.
    /// The fingerprint is stored either way.
    /// </summary>
    public bool SkipUnchanged { get; init; } = true;

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

    /// <summary>What the day and month roll-ups keep: awards that earned or took points, and every sign-in.</summary>
    private static bool Kept(PointAwardResult award) => award.Points != 0 || award.Type == PointTypes.Login;

    /// <summary>
    /// Awards each teacher's events of a run and derives the rows stored for them (awards, weeks, day and month roll-ups,
    /// total), each table's rows in key order, with the fingerprint of each teacher-year's rows on its total.
    /// </summary>
    private static PreparedRun Derive(PointRuleSet rules, IReadOnlyDictionary<string, List<PointEventInput>> byTeacher,
        IReadOnlyDictionary<string, List<PointPriorEvent>> prior, DerivedTables tables, TimeSpan reading)
    {
        var watch = Stopwatch.StartNew();
        var year = rules.Year;
        // One string for each distinct explanation of the run (most awards share a handful), not one an award.
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(string? reason)
        {
            if (reason is null)
            {
                return null;
            }
            if (!reasons.TryGetValue(reason, out var shared))
            {
                reasons[reason] = shared = reason;
            }
            return shared;
        }
        var fingerprint = new FingerprintWriter();
        var teachers = new List<TeacherRows>(byTeacher.Count);
        long eventCount = 0;
        // Teacher by teacher in ordinal order, and each teacher's rows in key order: every table and the awards are
        // keyed (teacher, year, …), so a run's inserts append to one contiguous range of each key.
        foreach (var (teacherId, events) in byTeacher.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            eventCount += events.Count;
            var rows = new TeacherRows(teacherId);
            var (awards, weeks, days, months) = (rows.Awards, rows.Weeks, rows.Days, rows.Months);
            var result = PointEngine.Award(rules, events, prior.GetValueOrDefault(teacherId));
            foreach (var award in result.OrderBy(a => a.EventId))
            {
                awards.Add(new PointAward { EventId = award.EventId, TeacherId = teacherId, Year = year, Day = award.Day, Points = award.Points, Reason = Shared(award.Reason) });
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
                rows.Total = row;
                row.Fingerprint = tables.Fingerprint(rows, fingerprint);
            }
            teachers.Add(rows);
        }
        return new PreparedRun(year, teachers, eventCount, reading, watch.Elapsed);
    }

    /// <summary>
    /// Replaces the stored rows of a run's teachers by their fresh rows in one transaction (pages keep reading
    /// consistent teacher-years meanwhile); returns the time the writing took, of it the time the award rows took, and
    /// how many teacher-years were left as they were.
    /// </summary>
    private async Task<(TimeSpan Writing, TimeSpan WritingAwards, int Unchanged)> WriteAsync(EduPortalDbContext db, PreparedRun run, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var awardsWatch = new Stopwatch();
        var tables = DerivedTables.For(db);
        var year = run.Year;
        var unchanged = 0;
        await db.InTransactionAsync(async ct =>
        {
            awardsWatch.Reset();
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            IReadOnlyList<TeacherRows> changed = run.Teachers;
            if (SkipUnchanged)
            {
                // A teacher-year whose stored fingerprint is the fresh rows' one has exactly these rows stored (only the
                // recompute writes them, always with their fingerprint, in this same transaction): nothing to read or write.
                var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var chunk in run.Teachers.Where(t => t.Total is not null).Select(t => t.TeacherId).Chunk(TeachersPerBatch))
                {
                    foreach (var total in await db.PointTeacherTotals.AsNoTracking().Where(t => t.Year == year && chunk.Contains(t.TeacherId))
                        .Select(t => new { t.TeacherId, t.Fingerprint }).ToListAsync(ct))
                    {
                        stored[total.TeacherId] = total.Fingerprint;
                    }
                }
                changed = run.Teachers.Where(t => t.Total?.Fingerprint is not { } fresh || !stored.TryGetValue(t.TeacherId, out var old) || old != fresh).ToList();
            }
            unchanged = run.Teachers.Count - changed.Count;
            // Only what changed is written: the rows stored for these teachers are read (their value columns, one query a
            // table for 400 teachers) and compared with the new ones; a row that differs is deleted and inserted again,
            // one that is gone is deleted, one that is new inserted. A rule edit rewrites the rows it changes, not the
            // whole year. The day and month roll-ups are read by teacher alone, their year kept here: with the year in the
            // query SQLite would read them through their (year, start, …) covering index, every row of the year a chunk.
            foreach (var chunk in changed.Chunk(TeachersPerBatch))
            {
                var teachers = chunk.Select(t => t.TeacherId).ToArray();
                awardsWatch.Start();
                await tables.Awards.ReplaceChangedAsync(db, transaction, teachers, year, true, [.. chunk.SelectMany(t => t.Awards)], ct);
                awardsWatch.Stop();
                await tables.Totals.ReplaceChangedAsync(db, transaction, teachers, year, true, [.. chunk.Where(t => t.Total is not null).Select(t => t.Total!)], ct);
                await tables.Weeks.ReplaceChangedAsync(db, transaction, teachers, year, true, [.. chunk.SelectMany(t => t.Weeks)], ct);
                await tables.Days.ReplaceChangedAsync(db, transaction, teachers, year, false, [.. chunk.SelectMany(t => t.Days)], ct);
                await tables.Months.ReplaceChangedAsync(db, transaction, teachers, year, false, [.. chunk.SelectMany(t => t.Months)], ct);
            }
        }, cancellationToken);
        return (watch.Elapsed, awardsWatch.Elapsed, unchanged);
    }

    /// <summary>A teacher's derived rows of one year, each table's in key order (no total when nothing was awarded).</summary>
    private sealed class TeacherRows(string teacherId)
    {
        public string TeacherId { get; } = teacherId;
        public List<PointAward> Awards { get; } = [];
        public List<PointTeacherWeek> Weeks { get; } = [];
        public List<PointTeacherDay> Days { get; } = [];
        public List<PointTeacherMonth> Months { get; } = [];
        public PointTeacherTotal? Total { get; set; }
    }

    /// <summary>A run read and awarded, ready to be written (its raw events already dropped).</summary>
    private sealed record PreparedRun(int Year, List<TeacherRows> Teachers, long Events, TimeSpan Reading, TimeSpan Awarding);

    /// <summary>The five derived tables as the model maps them, and the fingerprint of a teacher-year's rows across them.</summary>
    private sealed class DerivedTables
    {
        private DerivedTables(EduPortalDbContext db)
        {
            Awards = DerivedTable<PointAward>.For(db);
            Totals = DerivedTable<PointTeacherTotal>.For(db);
            Weeks = DerivedTable<PointTeacherWeek>.For(db);
            Days = DerivedTable<PointTeacherDay>.For(db);
            Months = DerivedTable<PointTeacherMonth>.For(db);
            Shape = string.Join(";", Awards.Shape, Totals.Shape, Weeks.Shape, Days.Shape, Months.Shape);
        }

        public static DerivedTables For(EduPortalDbContext db) => new(db);

        public DerivedTable<PointAward> Awards { get; }
        public DerivedTable<PointTeacherTotal> Totals { get; }
        public DerivedTable<PointTeacherWeek> Weeks { get; }
        public DerivedTable<PointTeacherDay> Days { get; }
        public DerivedTable<PointTeacherMonth> Months { get; }

        /// <summary>Every table's name, columns and their types: a column added or changed changes every fingerprint.</summary>
        private string Shape { get; }

        /// <summary>The fingerprint of a teacher-year's rows (its total's fingerprint column aside).</summary>
        public string Fingerprint(TeacherRows rows, FingerprintWriter writer)
        {
            writer.Add(Shape);
            Add(writer, Awards, rows.Awards);
            Add(writer, Totals, [rows.Total!]);
            Add(writer, Weeks, rows.Weeks);
            Add(writer, Days, rows.Days);
            Add(writer, Months, rows.Months);
            return writer.Finish();
        }

        private static void Add<TRow>(FingerprintWriter writer, DerivedTable<TRow> table, List<TRow> rows) where TRow : class
        {
            writer.Add(rows.Count);
            foreach (var row in rows)
            {
                table.Hash(row, writer);
            }
        }
    }
}
