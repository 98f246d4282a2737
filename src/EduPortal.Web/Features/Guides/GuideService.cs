using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Guides;
using EduPortal.Web.Infrastructure.Html;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Guides;

/// <summary>
/// Operation guides (操作指南, circular 000 附件2): one set for the whole portal, read by every signed-in user, edited by the
/// city's bureau editors; each edit is audited with the text before and after (the guide's history).
/// </summary>
public sealed class GuideService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, MarkdownHtml renderer)
{
    /// <summary>The guides written for the caller's role first; an editor also sees the others (marked).</summary>
    public async Task<IReadOnlyList<GuideRow>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var guides = await db.Guides.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Topic).ToListAsync(cancellationToken);
        var editor = Guide.CanEdit(caller);
        return guides.Where(g => editor || g.IsFor(caller.Level)).Select(g => new GuideRow(g.Topic, g.Title, g.Audience, g.IsFor(caller.Level))).ToList();
    }

    public async Task<Result<GuideView>> GetAsync(Caller caller, string topic, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var guide = await db.Guides.AsNoTracking().SingleOrDefaultAsync(g => g.Topic == topic, cancellationToken);
        return guide is null ? new NotFoundError("未找到该操作指南。") : new GuideView(guide, renderer.ToHtml(guide.Markdown), Guide.CanEdit(caller));
    }

    public string Preview(string? markdown) => renderer.ToHtml(markdown);

    public async Task<Result> EditAsync(Caller caller, string topic, GuideInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var guide = await db.Guides.SingleOrDefaultAsync(g => g.Topic == topic, cancellationToken);
        if (guide is null)
        {
            return new NotFoundError("未找到该操作指南。");
        }
        var before = new { guide.Title, Audience = guide.Audience.ToString(), guide.Markdown };
        var edited = guide.Edit(caller, input.Title, input.Audience, input.Markdown, clock.GetUtcNow());
        if (!edited.Succeeded)
        {
            return edited;
        }
        db.Audit(caller, clock, AuditActions.GuideEdited, nameof(Guide), guide.Topic, caller.OrgPath, $"修改操作指南“{guide.Title}”",
            before: before, after: new { guide.Title, Audience = guide.Audience.ToString(), guide.Markdown });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The guide's edits, newest first (from the audit log).</summary>
    public async Task<IReadOnlyList<GuideEdit>> HistoryAsync(string topic, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Guide) && a.EntityId == topic && a.Action == AuditActions.GuideEdited)
            .OrderByDescending(a => a.Id).Take(50).Select(a => new { a.OccurredAt, a.ActorName, a.Summary }).ToListAsync(cancellationToken);
        return entries.Select(e => new GuideEdit(e.OccurredAt, e.ActorName, e.Summary)).ToList();
    }
}
