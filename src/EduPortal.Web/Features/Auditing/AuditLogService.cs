using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Auditing;

public sealed record AuditQuery(string? Action = null, string? Text = null, DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 25);

public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string ActorName, string Action, string Summary, string? Before, string? After);

/// <summary>Searching the audit log (操作日志): county and city admins, their own subtree only.</summary>
public sealed class AuditLogService(IDbContextFactory<EduPortalDbContext> dbFactory)
{
    public async Task<Result<(IReadOnlyList<AuditRow> Rows, int Total)>> SearchAsync(Caller caller, AuditQuery query, CancellationToken cancellationToken = default)
    {
        if (caller.Level < AdminLevel.County)
        {
            return new ForbiddenError("只有县级或市级管理员可以查看操作日志。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, caller, query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.ActorName, a.Action, a.Summary, a.Before, a.After))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<Result<byte[]>> ExportAsync(Caller caller, AuditQuery query, CancellationToken cancellationToken = default)
    {
        var result = await SearchAsync(caller, query with { Page = 0, PageSize = 50_000 }, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error!;
        }
        return ExcelExport.Build("操作日志", [
            new ExcelColumn<AuditRow>("时间", r => r.OccurredAt, 18),
            new("操作人", r => r.ActorName, 12),
            new("操作", r => AuditActions.DisplayName(r.Action), 14),
            new("内容", r => r.Summary, 50),
            new("修改前", r => AuditFormatting.Describe(r.Before), 40),
            new("修改后", r => AuditFormatting.Describe(r.After), 40),
        ], result.Value.Rows);
    }

    private static IQueryable<AuditEntry> Filter(EduPortalDbContext db, Caller caller, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking().WithinJurisdiction(caller);
        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            entries = entries.Where(a => a.ActorName.Contains(text) || a.Summary.Contains(text));
        }
        if (query.From is { } from)
        {
            // Days are China days; compare in UTC (PostgreSQL's timestamptz takes UTC offsets only).
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt < end);
        }
        return entries;
    }
}
