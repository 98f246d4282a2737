using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Points;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using EduPortal.Web.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

public sealed record RecomputeRunRow(int Id, int Year, DateTimeOffset RequestedAt, string RequestedByName, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, int TeachersDone, int TeachersTotal, long EventsDone, string? Failure, int Percent);

/// <summary>Background work of the points module, run by Hangfire.</summary>
public sealed class PointJobs(IDbContextFactory<EduPortalDbContext> dbFactory, PointRecomputation recomputation, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string DrainJobId = "points-recompute-dirty";

    /// <summary>Rebuilds the teacher-years that received events (API, import); also runs every minute as a safety net.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public Task<int> RecomputeDirtyAsync() => recomputation.RecomputeDirtyAsync();

    /// <summary>Asks for a full-year recompute (city admins, after a rule edit): recorded, audited, queued.</summary>
    public async Task<Result<int>> RequestYearRecomputeAsync(Caller caller, int year, CancellationToken cancellationToken = default)
    {
        if (caller.Level != AdminLevel.City)
        {
            return new ForbiddenError("只有市级管理员可以重新计算积分。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PointRecomputeRuns.AnyAsync(r => r.Year == year && r.FinishedAt == null, cancellationToken))
        {
            return new ConflictError($"{year}年度的重新计算正在进行，请等待完成。");
        }
        var run = new PointRecomputeRun { Year = year, RequestedAt = clock.GetUtcNow(), RequestedByName = caller.RealName };
        db.PointRecomputeRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit(caller, clock, AuditActions.PointRecomputeRequested, "PointRecomputeRun", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            caller.OrgPath, $"按现行规则重新计算{year}年度深度应用指数");
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<PointJobs>(j => j.RecomputeYearAsync(run.Id, CancellationToken.None));
        return run.Id;
    }

    /// <summary>The full-year recompute, writing its progress to the run row so any instance's page can show it.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RecomputeYearAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.PointRecomputeRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.StartedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var lastSaved = DateTimeOffset.MinValue;
        try
        {
            // The recompute reports from its own threads (overlapped runs); this loop copies the latest figures into the
            // tracked row before each save (see LatestProgress: setting the row from the report once left a finished run at 83%).
            var progress = new LatestProgress<RecomputeProgress>();
            void CopyLatest()
            {
                if (progress.Take() is { } p)
                {
                    run.TeachersDone = p.TeachersDone;
                    run.TeachersTotal = p.TeachersTotal;
                    run.EventsDone = p.EventsDone;
                }
            }
            var task = recomputation.RecomputeYearAsync(run.Year, progress, cancellationToken);
            // Save progress every half second while the recompute runs.
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(500, cancellationToken));
                if (clock.GetUtcNow() - lastSaved > TimeSpan.FromMilliseconds(400))
                {
                    CopyLatest();
                    await db.SaveChangesAsync(cancellationToken);
                    lastSaved = clock.GetUtcNow();
                }
            }
            await task;
            CopyLatest();
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            run.Failure = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task<IReadOnlyList<RecomputeRunRow>> RecentRunsAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.PointRecomputeRuns.AsNoTracking().Where(r => r.Year == year).OrderByDescending(r => r.Id).Take(5).ToListAsync(cancellationToken);
        return runs.Select(r => new RecomputeRunRow(r.Id, r.Year, r.RequestedAt, r.RequestedByName, r.StartedAt, r.FinishedAt, r.TeachersDone,
            r.TeachersTotal, r.EventsDone, r.Failure, r.Percent)).ToList();
    }
}
