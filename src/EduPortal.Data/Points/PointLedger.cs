using System.Data.Common;
using System.Text;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Data.Points;

/// <summary>A checked event on its way into the ledger; the source comes from who sent it.</summary>
public sealed record IncomingPointEvent(string TeacherId, string Type, DateTimeOffset OccurredAt, string ExternalId, int? Quantity = null, int? SecondaryQuantity = null);

public enum PointRowStatus
{
    /// <summary>新增.</summary>
    Created,
    /// <summary>Already recorded with the same numbers (重复，已忽略).</summary>
    Duplicate,
    /// <summary>Already recorded; its numbers were updated (已更新).</summary>
    Updated,
    /// <summary>Refused, with a reason (已拒绝).</summary>
    Rejected,
}

public sealed record PointRowOutcome(PointRowStatus Status, string? Error = null, long? EventId = null);

/// <summary>Where a full-year recompute spent its time (printed by the benchmark).</summary>
public sealed record RecomputeTimings(TimeSpan Read, TimeSpan Award, TimeSpan Write);

/// <summary>Progress of a full-year recompute.</summary>
public readonly record struct RecomputeProgress(int TeachersDone, int TeachersTotal, long EventsDone);

/// <summary>
/// The points ledger: stores raw events idempotently and derives the awards and totals of a teacher-year
/// with the pure <see cref="PointEngine"/>. Recomputing is delete-and-insert per teacher-year, so the stored
/// awards are always exactly what the engine gives for the raw events.
/// </summary>
public sealed class PointLedger(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    private const int TeachersPerBatch = 400;
    private TimeSpan _awardTime;
    private TimeSpan _writeTime;

    /// <summary>Phase times of the last <see cref="RecomputeYearAsync"/> on this instance.</summary>
    public RecomputeTimings? LastTimings { get; private set; }

    /// <summary>
    /// Records events of one source. Each row is created, recognised as a duplicate, updated (new numbers
    /// for the same event) or rejected on its own; the teacher-years touched are marked for recompute.
    /// </summary>
    public async Task<IReadOnlyList<PointRowOutcome>> RecordAsync(string source, IReadOnlyList<IncomingPointEvent> rows, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRecordAsync(source, rows, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request stored one of these external ids a moment ago: the retry sees it as a duplicate.
            }
        }
    }

    private async Task<IReadOnlyList<PointRowOutcome>> TryRecordAsync(string source, IReadOnlyList<IncomingPointEvent> rows, CancellationToken cancellationToken)
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
            var created = PointEvent.Create(row.TeacherId, row.Type, row.OccurredAt, source, row.ExternalId, row.Quantity, row.SecondaryQuantity, now);
            db.PointEvents.Add(created);
            known[row.ExternalId] = created;
            outcomes.Add((PointRowStatus.Created, null, created));
            dirty.Add((created.TeacherId, await YearOfAsync(db, years, created.Day, cancellationToken)));
        }
        foreach (var (teacherId, year) in dirty)
        {
            db.PointDirtyTeachers.Add(new PointDirtyTeacher { TeacherId = teacherId, Year = year });
        }
        await db.SaveChangesAsync(cancellationToken);
        return outcomes.Select(o => new PointRowOutcome(o.Status, o.Error, o.Status == PointRowStatus.Rejected ? null : o.Event?.Id)).ToList();
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
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.PointAwards.Where(a => a.EventId == found.Id).ExecuteDeleteAsync(cancellationToken);
            await db.PointEvents.Where(e => e.Id == found.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await RecomputeTeachersAsync(year, [teacherId], cancellationToken);
        return true;
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
        var rows = await (from e in events
                          join a in db.PointAwards on e.Id equals a.EventId into awarded
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
    /// Rebuilds a whole year (after a rule edit): one sequential read of the year's raw events, grouped by
    /// teacher in memory, then delete-and-insert per batch of teachers (each batch its own transaction, so
    /// pages keep reading consistent teacher-years meanwhile).
    /// </summary>
    public async Task<long> RecomputeYearAsync(int year, IProgress<RecomputeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var rules = await PointRuleSets.LoadAsync(db, year, cancellationToken);
        var started = System.Diagnostics.Stopwatch.StartNew();
        _awardTime = _writeTime = TimeSpan.Zero;
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string value)
        {
            if (!interned.TryGetValue(value, out var shared))
            {
                interned[value] = shared = value;
            }
            return shared;
        }
        var byTeacher = new Dictionary<string, List<PointEventInput>>(StringComparer.Ordinal);
        long eventCount = 0;
        await foreach (var e in db.PointEvents.AsNoTracking()
            .Where(e => e.Day >= rules.StartDate && e.Day < rules.EndDateExclusive)
            .Select(e => new { e.TeacherId, e.Id, e.Type, e.OccurredAt, e.Source, e.ExternalId, e.Quantity, e.SecondaryQuantity })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!byTeacher.TryGetValue(e.TeacherId, out var list))
            {
                byTeacher[e.TeacherId] = list = new List<PointEventInput>(64);
            }
            list.Add(new PointEventInput(e.Id, Intern(e.Type), e.OccurredAt, Intern(e.Source), e.ExternalId, e.Quantity, e.SecondaryQuantity));
            eventCount++;
        }
        // Teachers with awards but no events left in the year (the start date moved) are cleared too.
        foreach (var stale in await db.PointTeacherTotals.Where(t => t.Year == year).Select(t => t.TeacherId).ToListAsync(cancellationToken))
        {
            byTeacher.TryAdd(stale, []);
        }
        var prior = await LoadPriorAsync(db, rules, null, cancellationToken);
        var readTime = started.Elapsed;
        var teachers = byTeacher.Keys.Order(StringComparer.Ordinal).ToList();
        var done = 0;
        long eventsDone = 0;
        progress?.Report(new RecomputeProgress(0, teachers.Count, 0));
        foreach (var chunk in teachers.Chunk(TeachersPerBatch * 5))
        {
            var batch = chunk.ToDictionary(t => t, t => byTeacher[t], StringComparer.Ordinal);
            await WriteAsync(db, rules, batch, prior, cancellationToken);
            done += chunk.Length;
            eventsDone += batch.Values.Sum(l => (long)l.Count);
            foreach (var teacher in chunk)
            {
                byTeacher.Remove(teacher); // let the memory go as we move on
            }
            progress?.Report(new RecomputeProgress(done, teachers.Count, eventsDone));
        }
        LastTimings = new RecomputeTimings(readTime, _awardTime, _writeTime);
        await RecomputeNextYearAsync(db, year, null, cancellationToken);
        return eventCount;
    }

    /// <summary>Awards each teacher's events and replaces their stored awards and total for the year in one transaction.</summary>
    private async Task WriteAsync(EduPortalDbContext db, PointRuleSet rules, IReadOnlyDictionary<string, List<PointEventInput>> byTeacher,
        IReadOnlyDictionary<string, List<PointPriorEvent>> prior, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var year = rules.Year;
        var awards = new List<(string TeacherId, PointAwardResult Award)>();
        var totals = new List<PointTeacherTotal>(byTeacher.Count);
        var weeks = new List<PointTeacherWeek>(byTeacher.Count * 40);
        foreach (var (teacherId, events) in byTeacher)
        {
            var result = PointEngine.Award(rules, events, prior.GetValueOrDefault(teacherId));
            foreach (var award in result)
            {
                awards.Add((teacherId, award));
            }
            foreach (var week in result.Where(a => a.Points != 0).GroupBy(a => PointEngine.WeekStart(a.Day)))
            {
                weeks.Add(new PointTeacherWeek { TeacherId = teacherId, Year = year, WeekStart = week.Key, Points = week.Sum(a => a.Points) });
            }
            if (result.Count > 0)
            {
                var (total, byCategory) = PointEngine.Summarize(result);
                var row = new PointTeacherTotal { TeacherId = teacherId, Year = year };
                row.Set(total, byCategory, result.Count);
                totals.Add(row);
            }
        }
        _awardTime += watch.Elapsed;
        watch.Restart();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var chunk in byTeacher.Keys.Chunk(TeachersPerBatch))
            {
                await db.PointAwards.Where(a => a.Year == year && chunk.Contains(a.TeacherId)).ExecuteDeleteAsync(cancellationToken);
                await db.PointTeacherTotals.Where(t => t.Year == year && chunk.Contains(t.TeacherId)).ExecuteDeleteAsync(cancellationToken);
                await db.PointTeacherWeeks.Where(w => w.Year == year && chunk.Contains(w.TeacherId)).ExecuteDeleteAsync(cancellationToken);
            }
            var dbTransaction = transaction.GetDbTransaction();
            await BulkInsertAsync<PointAward, (string TeacherId, PointAwardResult Award)>(db, dbTransaction,
                [nameof(PointAward.EventId), nameof(PointAward.TeacherId), nameof(PointAward.Year), nameof(PointAward.Day), nameof(PointAward.Points), nameof(PointAward.Reason)],
                awards, (a, values) =>
                {
                    values[0] = a.Award.EventId;
                    values[1] = a.TeacherId;
                    values[2] = year;
                    values[3] = a.Award.Day;
                    values[4] = a.Award.Points;
                    values[5] = a.Award.Reason;
                }, cancellationToken);
            await BulkInsertAsync<PointTeacherTotal, PointTeacherTotal>(db, dbTransaction,
                [nameof(PointTeacherTotal.TeacherId), nameof(PointTeacherTotal.Year), nameof(PointTeacherTotal.Total), nameof(PointTeacherTotal.SpaceBuilding),
                    nameof(PointTeacherTotal.TeachingApplication), nameof(PointTeacherTotal.Interaction), nameof(PointTeacherTotal.TeacherTraining),
                    nameof(PointTeacherTotal.CampusManagement), nameof(PointTeacherTotal.EventCount)],
                totals, (t, values) =>
                {
                    values[0] = t.TeacherId;
                    values[1] = t.Year;
                    values[2] = t.Total;
                    values[3] = t.SpaceBuilding;
                    values[4] = t.TeachingApplication;
                    values[5] = t.Interaction;
                    values[6] = t.TeacherTraining;
                    values[7] = t.CampusManagement;
                    values[8] = t.EventCount;
                }, cancellationToken);
            await BulkInsertAsync<PointTeacherWeek, PointTeacherWeek>(db, dbTransaction,
                [nameof(PointTeacherWeek.TeacherId), nameof(PointTeacherWeek.Year), nameof(PointTeacherWeek.WeekStart), nameof(PointTeacherWeek.Points)],
                weeks, (w, values) =>
                {
                    values[0] = w.TeacherId;
                    values[1] = w.Year;
                    values[2] = w.WeekStart;
                    values[3] = w.Points;
                }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        _writeTime += watch.Elapsed;
    }

    /// <summary>
    /// Multi-row INSERTs with one prepared command per full batch: provider-neutral (table and column names and
    /// value converters come from the EF model, values travel as parameters) and an order of magnitude faster
    /// than change tracking for hundreds of thousands of rows. Used by the recompute, the demo seeder and the benchmark.
    /// </summary>
    public static async Task BulkInsertAsync<TEntity, TRow>(EduPortalDbContext db, DbTransaction? transaction, string[] properties,
        IReadOnlyList<TRow> rows, Action<TRow, object?[]> fill, CancellationToken cancellationToken)
    {
        // SQLite binds parameters by name with a linear search, so a wide multi-row statement costs O(n²) per
        // execute; one prepared single-row statement is fastest there. Server databases pay a round trip per
        // statement, so they get 100 rows each (under SQL Server's 2,100-parameter limit).
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : 100;
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var mapped = properties.Select(name => entity.FindProperty(name) ?? throw new InvalidOperationException($"{name} is not mapped")).ToArray();
        var columns = mapped.Select(p => p.GetColumnName(table)!).ToArray();
        var converters = mapped.Select(p => p.GetTypeMapping().Converter).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        DbCommand? full = null;
        var values = new object?[columns.Length];
        try
        {
            for (var offset = 0; offset < rows.Count; offset += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - offset);
                var command = count == rowsPerStatement
                    ? full ??= Build(connection, transaction, sql, table.Name, columns, rowsPerStatement)
                    : Build(connection, transaction, sql, table.Name, columns, count);
                for (var r = 0; r < count; r++)
                {
                    fill(rows[offset + r], values);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var value = values[c];
                        if (value is not null && converters[c] is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }
                        command.Parameters[r * columns.Length + c].Value = value ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static DbCommand Build(DbConnection connection, DbTransaction? transaction, ISqlGenerationHelper sql, string table, string[] columns, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table)).Append(" (")
            .AppendJoin(", ", columns.Select(sql.DelimitIdentifier)).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{r * columns.Length + c}";
                text.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }
}
