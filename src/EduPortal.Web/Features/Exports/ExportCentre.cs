using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Exports;
using EduPortal.Web.Infrastructure.Exports;
using EduPortal.Web.Infrastructure.Files;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.Exports;

/// <summary>One line of 我的导出.</summary>
public sealed record ExportRow(long Id, string KindTitle, string Title, DateTimeOffset RequestedAt, ExportStatus Status, int Percent, string? Message,
    string? FileName, long? Size, DateTimeOffset? FinishedAt, DateTimeOffset? ExpiresAt);

/// <summary>A kind the caller may request, for the export centre's list.</summary>
public sealed record ExportKindInfo(string Key, string Title);

/// <summary>An owner's finished file, opened for download.</summary>
public sealed record ExportDownload(Stream Stream, string FileName, string ContentType);

/// <summary>
/// The export centre (我的导出): takes requests for the registered <see cref="IExportKind"/>s, queues them as Hangfire
/// jobs (<see cref="ExportRunner"/>), lists a user's own exports, serves their files to their owner only, and deletes
/// files whose time is up.
/// </summary>
public sealed class ExportCentre(IDbContextFactory<EduPortalDbContext> dbFactory, IEnumerable<IExportKind> kinds, IBackgroundJobClient jobs, IFileStore files,
    IOptions<ExportsOptions> options, TimeProvider clock, ILogger<ExportCentre> logger)
{
    public const string SystemActorId = "system";

    public IExportKind? Kind(string key) => kinds.FirstOrDefault(k => k.Key == key);

    public string KindTitle(string key) => Kind(key)?.Title ?? "导出";

    /// <summary>
    /// Queues an export for the caller: the kind must exist and allow the caller these parameters, and the caller must
    /// have fewer than <see cref="ExportsOptions.MaxActivePerUser"/> exports queued or running. Returns the export's id.
    /// </summary>
    /// <remarks>
    /// The limit is exact under concurrency: the count and the insert run in one transaction that first takes the
    /// owner's guard — a no-op update of the owner's account row, which holds that row's write lock until commit (a row
    /// lock on PostgreSQL and SQL Server; SQLite's transactions take the database's write lock when they begin). A second
    /// request of the same user waits there and then counts the first one's row (read committed: each statement reads
    /// what is committed when it starts); requests of other users do not wait for each other on PostgreSQL and SQL Server.
    /// </remarks>
    public async Task<Result<long>> RequestAsync(Caller caller, string kindKey, ExportParameters parameters, CancellationToken cancellationToken = default)
    {
        if (Kind(kindKey) is not { } kind)
        {
            return new NotFoundError("未知的导出类型。");
        }
        var allowed = await kind.AuthorizeAsync(caller, parameters, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error!;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requested = await db.InTransactionAsync(async ct =>
        {
            await db.Users.Where(u => u.Id == caller.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), ct);
            var active = await db.ExportJobs.CountAsync(j => j.OwnerId == caller.UserId && (j.Status == ExportStatus.Queued || j.Status == ExportStatus.Running), ct);
            var request = ExportJob.Request(caller.UserId, caller.RealName, kind.Key, allowed.Value!, parameters.ToJson(), active, options.Value.MaxActivePerUser,
                clock.GetUtcNow());
            // Inside this transaction: the count above and the insert stay one atomic step (the per-user limit).
            return await db.AddAuditedInTransactionAsync(request, created => db.Audit(caller, clock, AuditActions.ExportRequested, nameof(ExportJob),
                created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.OrgPath, $"申请后台导出“{created.Title}”",
                after: new { 类型 = kind.Title, 参数 = parameters.Values }), ct);
        }, cancellationToken, r => r.Succeeded);
        if (!requested.Succeeded)
        {
            return requested.Error!;
        }
        var job = requested.Value!;
        try
        {
            jobs.Enqueue<ExportRunner>(runner => runner.RunAsync(job.Id, CancellationToken.None));
        }
        catch (Exception exception) when (exception is BackgroundJobClientException or ObjectDisposedException)
        {
            // The job store refused it: the request must not sit 排队中 for ever, holding one of the owner's places.
            logger.LogError(exception, "Export {ExportId} could not be queued.", job.Id);
            job.Fail("后台任务未能排队，请稍后重新申请。", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return new ConflictError("后台任务未能排队，请稍后重新申请。");
        }
        return job.Id;
    }

    /// <summary>The caller's own exports, newest first (nobody sees another user's list).</summary>
    public async Task<IReadOnlyList<ExportRow>> MineAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ExportJobs.AsNoTracking().Where(j => j.OwnerId == caller.UserId)
            .OrderByDescending(j => j.RequestedAt).ThenByDescending(j => j.Id).Take(100)
            .ToListAsync(cancellationToken);
        return rows.Select(j => new ExportRow(j.Id, KindTitle(j.Kind), j.Title, j.RequestedAt, j.Status, j.Percent, j.Message, j.FileName, j.Size, j.FinishedAt,
            j.ExpiresAt)).ToList();
    }

    /// <summary>The kinds the caller may request without parameters checked (for the page's explanation).</summary>
    public IReadOnlyList<ExportKindInfo> Kinds() => kinds.Select(k => new ExportKindInfo(k.Key, k.Title)).ToList();

    /// <summary>
    /// Opens an export's file for <paramref name="userId"/>: the owner only (anyone else: not found, as for an id that
    /// does not exist), finished and not expired (a clear refusal otherwise).
    /// </summary>
    public async Task<Result<ExportDownload>> OpenAsync(string userId, long exportId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == exportId, cancellationToken);
        if (job is null)
        {
            return new NotFoundError("未找到该导出文件。");
        }
        var allowed = job.CanDownload(userId, clock.GetUtcNow());
        if (!allowed.Succeeded)
        {
            return allowed.Error!;
        }
        var stream = await files.OpenReadAsync(job.FileKey!, cancellationToken);
        if (stream is null)
        {
            return new ConflictError(ExportJob.ExpiredMessage);
        }
        return new ExportDownload(stream, job.FileName!, job.ContentType!);
    }

    /// <summary>
    /// The recurring clean-up: deletes the files whose time is up and marks their exports 已过期, and marks exports that
    /// were queued or running for longer than <see cref="ExportsOptions.StaleAfter"/> as failed (lost to a restart).
    /// Returns how many files were deleted. Running it twice changes nothing the second time.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> ExpireAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.ExportJobs.Where(j => j.Status == ExportStatus.Completed && j.ExpiresAt <= now).ToListAsync(cancellationToken);
        // Records first, files after: a failed save leaves files that the next run deletes, never a record whose file is gone.
        var keys = due.Select(j => j.Expire(now)).OfType<string>().ToList();
        var deleted = keys.Count;
        var staleBefore = now - options.Value.StaleAfter;
        var stale = await db.ExportJobs.Where(j => (j.Status == ExportStatus.Queued || j.Status == ExportStatus.Running) && j.RequestedAt < staleBefore)
            .ToListAsync(cancellationToken);
        foreach (var job in stale)
        {
            job.Fail("导出中断（系统重启或超时），请重新申请。", now);
        }
        if (deleted > 0)
        {
            db.Audit(SystemActorId, "系统", clock, AuditActions.ExportsExpired, nameof(ExportJob), "-", "/", $"删除 {deleted} 个过期的导出文件");
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in keys)
        {
            await files.DeleteAsync(key, cancellationToken);
        }
        if (deleted + stale.Count > 0)
        {
            logger.LogInformation("Exports clean-up: {Deleted} expired files deleted, {Stale} stale exports failed.", deleted, stale.Count);
        }
        return deleted;
    }
}
