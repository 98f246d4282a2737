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
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.LabRecords;

public enum ReviewQueueView
{
    /// <summary>Reported records waiting for a decision.</summary>
    Pending,

    /// <summary>Records reviewed (passed or returned) inside the jurisdiction, for revoking.</summary>
    Reviewed,
}

/// <summary>
/// A reporter's record, shown to admins beside the review queue: reports filed (in all, and today), and how the
/// reports ended (upheld = the record was returned; not upheld = passed or restored; pending = no decision yet).
/// </summary>
public sealed record ReporterHistory(string ReporterId, string ReporterName, int Reports, int ReportsToday, int Upheld, int NotUpheld, int Pending,
    int PendingHere);

/// <summary>
/// Reporting (举报) by anyone signed in, and the admins' review queue: pass, return and revoke, each limited to
/// the caller's jurisdiction (circular 000 §二.(二).2 and §三.2–3).
/// </summary>
public sealed class LabReviewService(IDbContextFactory<EduPortalDbContext> dbFactory, PointEventRecorder points, IOptions<LabRecordOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// Files a report. At most <see cref="LabRecordOptions.ReportsPerDay"/> per account per China day: the cap is
    /// here, not in HTTP middleware, because the report button is an interactive (circuit) event.
    /// </summary>
    public async Task<Result> ReportAsync(Caller caller, long recordId, string? reason, CancellationToken cancellationToken = default)
    {
        var perDay = Math.Max(1, options.Value.ReportsPerDay);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var since = StartOfChinaDay();
            var today = await db.LabRecordTransitions.CountAsync(t => t.Action == LabActions.Report && t.ActorId == caller.UserId && t.At >= since, cancellationToken);
            if (today >= perDay)
            {
                return ValidationError.For("Reason", $"您今天已举报 {today} 条记录，每天最多举报 {perDay} 条，请明天再试；如有紧急情况请联系学校管理员。");
            }
        }
        return await TransitionAsync(caller, recordId, expectedVersion: null, AuditActions.LabReported,
            (record, c) => record.Report(c, reason, clock), (record, c) => $"{c.RealName} 举报实验记录“{record.Title}”：{reason?.Trim()}", cancellationToken);
    }

    private DateTimeOffset StartOfChinaDay()
    {
        var midnight = ChinaTime.Today(clock).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, ChinaTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// The history of everyone who reported a record waiting in the caller's queue, most pending first. Counts cover
    /// all of the reporter's reports (numbers only, nothing of records outside the jurisdiction is shown);
    /// <see cref="ReporterHistory.PendingHere"/> is what 全部恢复 would restore.
    /// </summary>
    public async Task<Result<IReadOnlyList<ReporterHistory>>> ReportersAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以审核实验记录。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pendingHere = await db.LabRecords.AsNoTracking().WithinJurisdiction(caller)
            .Where(r => r.State == LabRecordState.Reported && r.ReportedById != null)
            .GroupBy(r => r.ReportedById!).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var reporterIds = pendingHere.Select(p => p.Id).ToList();
        if (reporterIds.Count == 0)
        {
            return Array.Empty<ReporterHistory>();
        }
        var reports = await db.LabRecordTransitions.AsNoTracking().Where(t => t.Action == LabActions.Report && reporterIds.Contains(t.ActorId))
            .Select(t => new { t.Id, t.RecordId, t.ActorId, t.ActorName, t.At }).ToListAsync(cancellationToken);
        var recordIds = reports.Select(r => r.RecordId).Distinct().ToList();
        var decisions = new List<(long Id, long RecordId, string Action)>();
        foreach (var chunk in recordIds.Chunk(500))
        {
            decisions.AddRange((await db.LabRecordTransitions.AsNoTracking()
                .Where(t => chunk.Contains(t.RecordId) && (t.Action == LabActions.Approve || t.Action == LabActions.Return))
                .Select(t => new { t.Id, t.RecordId, t.Action }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.RecordId, t.Action)));
        }
        var since = StartOfChinaDay();
        return reports.GroupBy(r => r.ActorId).Select(g =>
        {
            int upheld = 0, notUpheld = 0, pending = 0;
            foreach (var report in g)
            {
                // The first decision on that record after the report settles it.
                var decision = decisions.Where(d => d.RecordId == report.RecordId && d.Id > report.Id).OrderBy(d => d.Id).Select(d => d.Action).FirstOrDefault();
                switch (decision)
                {
                    case LabActions.Return:
                        upheld++;
                        break;
                    case LabActions.Approve:
                        notUpheld++;
                        break;
                    default:
                        pending++;
                        break;
                }
            }
            var name = g.OrderByDescending(r => r.Id).First().ActorName;
            return new ReporterHistory(g.Key, name, g.Count(), g.Count(r => r.At >= since), upheld, notUpheld, pending,
                pendingHere.Single(p => p.Id == g.Key).Count);
        }).OrderByDescending(h => h.PendingHere).ThenBy(h => h.ReporterName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Restores at once every record a reporter hid that still waits in the caller's queue (reports made in bad
    /// faith): each is passed (审核通过, so it shows again and cannot be reported again, circular 000 §三.3) with the
    /// reason, each transition recorded and audited, plus one audit entry for the whole action. Records re-queued by
    /// an admin's 撤消审核, and the caller's own records, are left for a one-by-one decision.
    /// </summary>
    public async Task<Result<int>> RestoreReportedByAsync(Caller caller, string reporterId, string? reason, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以审核被举报的记录。");
        }
        var reasonError = LabRecordRules.CheckReason(reason, "恢复理由");
        if (reasonError is not null)
        {
            return ValidationError.For("Reason", reasonError);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.LabRecords.WithinJurisdiction(caller)
            .Where(r => r.State == LabRecordState.Reported && r.ReportedById == reporterId && r.TeacherId != caller.UserId)
            .ToListAsync(cancellationToken);
        var ids = records.Select(r => r.Id).ToList();
        var transitions = await db.LabRecordTransitions.AsNoTracking().Where(t => ids.Contains(t.RecordId))
            .Select(t => new { t.Id, t.RecordId, t.Action, t.ActorId }).ToListAsync(cancellationToken);
        var hiddenByReporter = transitions.GroupBy(t => t.RecordId).Select(g => g.MaxBy(t => t.Id)!)
            .Where(t => t.Action == LabActions.Report && t.ActorId == reporterId).Select(t => t.RecordId).ToHashSet();
        records = records.Where(r => hiddenByReporter.Contains(r.Id)).ToList();
        if (records.Count == 0)
        {
            return new NotFoundError("该举报人没有待审核的举报。");
        }
        var reporterName = records[0].ReportedByName;
        var comment = $"举报不成立，批量恢复：{reason!.Trim()}";
        if (comment.Length > LabRecord.MaxReasonLength)
        {
            comment = comment[..LabRecord.MaxReasonLength];
        }
        foreach (var record in records)
        {
            var result = record.Approve(caller, comment, clock);
            if (!result.Succeeded)
            {
                return result.Error!;
            }
            db.Audit(caller, clock, AuditActions.LabApproved, nameof(LabRecord), record.AuditKey, record.SchoolPath,
                $"{caller.RealName} 批量恢复被 {reporterName} 举报的实验记录“{record.Title}”：{reason.Trim()}",
                new { 状态 = LabRecordState.Reported.DisplayName() }, new { 状态 = record.State.DisplayName() });
        }
        db.Audit(caller, clock, AuditActions.LabReportsRestored, "LabReporter", reporterId, caller.OrgPath,
            $"{caller.RealName} 认定 {reporterName} 的举报不成立，恢复 {records.Count} 条记录：{reason.Trim()}", null,
            new { 举报人 = reporterName, 恢复条数 = records.Count });
        if (await db.SaveLabRecordAsync(records[0].Id, cancellationToken) is { } error)
        {
            return error;
        }
        return records.Count;
    }

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
        db.Audit(caller, clock, auditAction, nameof(LabRecord), record.AuditKey, record.SchoolPath, summary(record, caller),
            new { 状态 = before.DisplayName() }, new { 状态 = record.State.DisplayName() });
        if (await db.SaveLabRecordAsync(record.Id, cancellationToken) is { } error)
        {
            return error;
        }
        // A returned record is not lab teaching the district vouches for: its 实验课发布 points go, and come back
        // if the return is revoked.
        if (record.State == LabRecordState.Returned)
        {
            await points.RemoveAsync(record.TeacherId, record.PointsExternalId, cancellationToken);
        }
        else if (before == LabRecordState.Returned && record.PublishedAt is { } publishedAt)
        {
            await points.RecordAsync(record.TeacherId, PointTypes.LabRecordPublished, publishedAt, record.PointsExternalId, cancellationToken: cancellationToken);
        }
        return Result.Success;
    }
}
