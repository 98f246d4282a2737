using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.LabRecords;

public enum ReviewQueueView
{
    /// <summary>Reported records waiting for a decision.</summary>
    Pending,

    /// <summary>Records reviewed (passed or returned) inside the jurisdiction, for revoking.</summary>
    Reviewed,
}

/// <summary>
/// Reporting (举报) by anyone signed in, and the admins' review queue: pass, return and revoke, each limited to
/// the caller's jurisdiction (circular 000 §二.(二).2 and §三.2–3).
/// </summary>
public sealed class LabReviewService(IDbContextFactory<EduPortalDbContext> dbFactory, PointEventRecorder points, TimeProvider clock)
{
    public async Task<Result> ReportAsync(Caller caller, long recordId, string? reason, CancellationToken cancellationToken = default) =>
        await TransitionAsync(caller, recordId, expectedVersion: null, AuditActions.LabReported,
            (record, c) => record.Report(c, reason, clock), (record, c) => $"{c.RealName} 举报实验记录“{record.Title}”：{reason?.Trim()}", cancellationToken);

    public async Task<Result> ApproveAsync(Caller caller, long recordId, int expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
        await TransitionAsync(caller, recordId, expectedVersion, AuditActions.LabApproved,
            (record, c) => record.Approve(c, comment, clock), (record, c) => $"{c.RealName} 审核通过实验记录“{record.Title}”", cancellationToken);

    public async Task<Result> ReturnAsync(Caller caller, long recordId, int expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
        await TransitionAsync(caller, recordId, expectedVersion, AuditActions.LabReturned,
            (record, c) => record.Return(c, comment, clock), (record, c) => $"{c.RealName} 退回实验记录“{record.Title}”：{comment?.Trim()}", cancellationToken);

    public async Task<Result> RevokeAsync(Caller caller, long recordId, int expectedVersion, string? reason, CancellationToken cancellationToken = default) =>
        await TransitionAsync(caller, recordId, expectedVersion, AuditActions.LabReviewRevoked,
            (record, c) => record.RevokeReview(c, reason, clock), (record, c) => $"{c.RealName} 撤消对实验记录“{record.Title}”的审核：{reason?.Trim()}", cancellationToken);

    /// <summary>The review queue of an admin: reported (or already reviewed) records of schools in its subtree.</summary>
    public async Task<Result<IReadOnlyList<LabRecordRow>>> QueueAsync(Caller caller, ReviewQueueView view, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以审核实验记录。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = db.LabRecords.AsNoTracking().WithinJurisdiction(caller);
        records = view == ReviewQueueView.Pending
            ? records.Where(r => r.State == LabRecordState.Reported).OrderBy(r => r.ReportedAt)
            : records.Where(r => r.ReviewerId != null && (r.State == LabRecordState.Approved || r.State == LabRecordState.Returned)).OrderByDescending(r => r.ReviewedAt);
        return await records.Take(500).ToRowsAsync(cancellationToken);
    }

    /// <summary>How many reported records wait in the caller's queue (for the menu badge and home page).</summary>
    public async Task<int> PendingCountAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LabRecords.WithinJurisdiction(caller).CountAsync(r => r.State == LabRecordState.Reported, cancellationToken);
    }

    private async Task<Result> TransitionAsync(Caller caller, long recordId, int? expectedVersion, string auditAction,
        Func<LabRecord, Caller, Result> transition, Func<LabRecord, Caller, string> summary, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only what the caller may see can be acted on; anything else is "not found".
        var record = await db.LabRecords.VisibleTo(caller).SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return new NotFoundError();
        }
        if (expectedVersion is { } version && record.Version != version)
        {
            return new ConflictError("该记录已被其他管理员处理，请刷新后查看最新状态。");
        }
        var before = record.State;
        var result = transition(record, caller);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, auditAction, nameof(LabRecord), LabRecordService.Key(record), record.SchoolPath, summary(record, caller),
            new { 状态 = before.DisplayName() }, new { 状态 = record.State.DisplayName() });
        if (await LabRecordService.SaveAsync(db, record.Id, cancellationToken) is { } error)
        {
            return error;
        }
        // A returned record is not lab teaching the district vouches for: its 实验课发布 points go, and come back
        // if the return is revoked.
        if (record.State == LabRecordState.Returned)
        {
            await points.RemoveAsync(record.TeacherId, LabRecordService.PointsExternalId(record), cancellationToken);
        }
        else if (before == LabRecordState.Returned && record.PublishedAt is { } publishedAt)
        {
            await points.RecordAsync(record.TeacherId, PointTypes.LabRecordPublished, publishedAt, LabRecordService.PointsExternalId(record), cancellationToken: cancellationToken);
        }
        return Result.Success;
    }
}
