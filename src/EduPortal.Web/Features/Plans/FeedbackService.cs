using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Plans;

/// <summary>
/// Counties' monthly feedback to the city (circular 002 五(六)): every read starts from <see cref="PlanJurisdiction"/>,
/// every change is audited, attachments go through the plans module's one upload path.
/// </summary>
public sealed class FeedbackService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, UploadPipeline uploads)
{
    private DateOnly Today => ChinaTime.Today(clock);

    public FeedbackMonth CurrentMonth => FeedbackMonth.Of(Today);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The month's feedback the caller may see (a county: its own; the city: every county's), and for the city the
    /// counties that have not submitted for the month.
    /// </summary>
    public async Task<FeedbackMonthView> ForMonthAsync(Caller caller, FeedbackMonth month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.CountyFeedback.AsNoTracking().WithinJurisdiction(caller).Where(f => f.Year == month.Year && f.Month == month.Month)
            .OrderBy(f => f.CountyPath)
            .Select(f => new FeedbackRow(f.Id, f.CountyName, f.Status, f.SubmittedAt, f.SubmittedByName, f.Reply != null, f.Attachments.Count))
            .ToListAsync(cancellationToken);
        // The city sees every county's draft too, but a draft is not feedback sent.
        var sent = await db.CountyFeedback.AsNoTracking().WithinJurisdiction(caller)
            .Where(f => f.Year == month.Year && f.Month == month.Month && f.Status != CountyFeedbackStatus.Draft)
            .Select(f => f.CountyUnitId).ToListAsync(cancellationToken);
        var missing = caller.IsAdmin && caller.OrgKind == OrgUnitKind.City
            ? await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.County && o.Path.StartsWith(caller.OrgPath) && !sent.Contains(o.Id))
                .OrderBy(o => o.Path).Select(o => new MissingCounty(o.Id, o.Name)).ToListAsync(cancellationToken)
            : [];
        var own = caller.IsAdmin && caller.OrgKind == OrgUnitKind.County ? rows.FirstOrDefault() : null;
        return new FeedbackMonthView(month, rows.Where(r => caller.OrgKind == OrgUnitKind.County || r.Status != CountyFeedbackStatus.Draft).ToList(),
            missing, CanStart: caller.IsAdmin && caller.OrgKind == OrgUnitKind.County && own is null && !month.IsAfter(CurrentMonth));
    }

    /// <summary>The county's feedback for the month: opened if it exists, otherwise started as a draft (audited).</summary>
    public async Task<Result<int>> StartAsync(Caller caller, FeedbackMonth month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.CountyFeedback.AsNoTracking().WithinJurisdiction(caller)
            .Where(f => f.CountyUnitId == caller.OrgUnitId && f.Year == month.Year && f.Month == month.Month).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }
        var county = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == caller.OrgUnitId, cancellationToken);
        return await db.AddAuditedAsync(CountyFeedback.Start(caller, PlanUnit.Of(county), month, Today),
            feedback => feedback.Id, feedback => db.Audit(caller, clock, AuditActions.FeedbackSaved, nameof(CountyFeedback), Key(feedback.Id), feedback.CountyPath,
            $"{feedback.CountyName}开始填写{month.Label}工作反馈"), cancellationToken);
    }

    public async Task<Result<FeedbackView>> GetAsync(Caller caller, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.CountyFeedback.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return new NotFoundError();
        }
        var permissions = feedback.PermissionsFor(caller);
        // The city opens a county's submitted feedback; a draft is still the county's own.
        return permissions.CanEdit || feedback.Status != CountyFeedbackStatus.Draft || caller.OrgUnitId == feedback.CountyUnitId
            ? new FeedbackView(feedback, permissions)
            : new NotFoundError();
    }

    /// <summary>Saves the draft's four sections; with <paramref name="submit"/> also submits it (an empty submission is refused, nothing saved).</summary>
    public async Task<Result> SaveAsync(Caller caller, int id, FeedbackInput input, bool submit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.CountyFeedback.WithinJurisdiction(caller).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return new NotFoundError();
        }
        var edited = feedback.Edit(caller, input.Practices, input.Highlights, input.Suggestions, input.Problems);
        if (!edited.Succeeded)
        {
            return edited;
        }
        if (submit)
        {
            var submitted = feedback.Submit(caller, clock.GetUtcNow());
            if (!submitted.Succeeded)
            {
                return submitted;
            }
        }
        db.Audit(caller, clock, submit ? AuditActions.FeedbackSubmitted : AuditActions.FeedbackSaved, nameof(CountyFeedback), Key(feedback.Id), feedback.CountyPath,
            $"{feedback.CountyName}{(submit ? "提交" : "保存")}{feedback.Period.Label}工作反馈",
            after: new { feedback.Practices, feedback.Highlights, feedback.Suggestions, feedback.Problems });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>An attachment through the plans module's content-checked upload path (PDF, Office, JPEG, PNG ≤ 30 MB).</summary>
    public async Task<Result> UploadAsync(Caller caller, int id, Stream content, long length, string fileName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.CountyFeedback.WithinJurisdiction(caller).Include(f => f.Attachments).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return new NotFoundError();
        }
        if (!feedback.CanEdit(caller) || feedback.Attachments.Count >= CountyFeedback.MaxAttachments)
        {
            return feedback.AddAttachment(caller, "", fileName, "", clock.GetUtcNow());
        }
        var added = await PlanService.StoreAttachmentAsync(uploads, content, length,
            (key, contentType) => feedback.AddAttachment(caller, key, fileName, contentType, clock.GetUtcNow()), cancellationToken);
        if (!added.Succeeded)
        {
            return added;
        }
        db.Audit(caller, clock, AuditActions.FeedbackSaved, nameof(CountyFeedback), Key(feedback.Id), feedback.CountyPath,
            $"为{feedback.CountyName}{feedback.Period.Label}工作反馈上传附件“{fileName}”");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public Task<Result> ReplyAsync(Caller caller, int id, string? text, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.FeedbackReplied, f => f.ReplyTo(caller, text, clock.GetUtcNow()),
            f => $"回复{f.CountyName}{f.Period.Label}工作反馈：{f.Reply}", cancellationToken);

    public Task<Result> MarkHandledAsync(Caller caller, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, AuditActions.FeedbackHandled, f => f.MarkHandled(caller, clock.GetUtcNow()),
            f => $"将{f.CountyName}{f.Period.Label}工作反馈标记为已处理", cancellationToken);

    private async Task<Result> ChangeAsync(Caller caller, int id, string action, Func<CountyFeedback, Result> change, Func<CountyFeedback, string> summary,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.CountyFeedback.WithinJurisdiction(caller).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return new NotFoundError();
        }
        var result = change(feedback);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, action, nameof(CountyFeedback), Key(feedback.Id), feedback.CountyPath, summary(feedback));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>An attachment, only for callers who may see the feedback (another county's id answers null, i.e. 404).</summary>
    public async Task<CountyFeedbackAttachment?> FindAttachmentAsync(Caller caller, int id, int attachmentId, CancellationToken cancellationToken = default)
    {
        var found = await GetAsync(caller, id, cancellationToken);
        if (!found.Succeeded)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.CountyFeedback.AsNoTracking().Include(f => f.Attachments).SingleAsync(f => f.Id == id, cancellationToken);
        return feedback.Attachments.FirstOrDefault(a => a.Id == attachmentId);
    }

    /// <summary>The counties that have not sent feedback for the month, as an Excel sheet naming the month and when it was made.</summary>
    public static byte[] ExportMissing(FeedbackMonthView view, DateTimeOffset madeAt) => ExcelExport.Build("未反馈县区", [
        new ExcelColumn<(int Number, MissingCounty County)>("序号", r => r.Number, 8),
        new("县区", r => r.County.Name, 24),
        new("反馈月份", _ => view.Month.Label, 14),
    ], view.Missing.Select((c, i) => (Number: i + 1, County: c)).ToList(), caption: $"{view.Month.Label}未提交工作反馈的县区（共 {view.Missing.Count} 个），导出时间：{ChinaTime.Format(madeAt)}");
}
