using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Html;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Circulars;

/// <summary>
/// Circulars (通知): drafts, publication with the issuer's next document number, acknowledgements, reminders, replies.
/// Every read starts from <see cref="CircularsJurisdiction"/>, every change is audited, files go through the upload pipeline.
/// <see cref="PublishGeneratedAsync"/> is the module's public API for jobs of other modules (weekly bulletins).
/// </summary>
public sealed class CircularService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, UploadPipeline uploads, MarkdownHtml body)
{
    private const string SystemActorId = "system";

    private DateOnly Today => ChinaTime.Today(clock);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- the public API for other modules

    /// <summary>
    /// Publishes a system-generated circular (e.g. a weekly bulletin) from the issuer bureau to every unit of a subtree: it gets
    /// the issuer's next document number of the current China year (no gaps, no repeats), its attachments are stored through the
    /// content-checked upload pipeline, and the publication is audited as done by the system. Nothing is saved when it fails.
    /// </summary>
    public async Task<Result<PublishedCircular>> PublishGeneratedAsync(GeneratedCircular request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issuer = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.IssuerUnitId, ct);
        if (issuer is null)
        {
            return new NotFoundError("发文单位不存在。");
        }
        var root = issuer;
        if (request.RecipientSubtreeUnitId is { } rootId && rootId != issuer.Id)
        {
            root = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == rootId, ct);
            if (root is null || !issuer.Contains(root))
            {
                return new ForbiddenError("接收范围必须在发文单位的管辖范围内。");
            }
        }
        var now = clock.GetUtcNow();
        var created = Circular.Generated(issuer.Id, issuer.Name, issuer.Path, issuer.Kind, request.DocumentPrefix, request.Title, request.BodyMarkdown,
            request.ForTeachers, now);
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var circular = created.Value!;
        var stored = new List<StoredUpload>();
        foreach (var file in request.Attachments ?? [])
        {
            Result added;
            if (file.Content is { } bytes)
            {
                using var content = new MemoryStream(bytes, writable: false);
                var upload = await uploads.StoreAsync(content, bytes.Length, UploadPolicy.Attachment, ct);
                if (!upload.Succeeded)
                {
                    await DeleteAllAsync(stored, ct);
                    return ValidationError.For("Attachments", $"附件“{file.FileName}”：{upload.Error!.Message}");
                }
                stored.Add(upload.Value!);
                added = circular.AddGeneratedAttachment(upload.Value!.Key, file.FileName, upload.Value.Kind.ContentTypeFor(file.FileName), upload.Value.Length, now);
            }
            else if (FileKeys.IsValid(file.StoredKey) && await uploads.OpenAsync(file.StoredKey, ct) is { } opened)
            {
                var length = opened.Stream.CanSeek ? opened.Stream.Length : 0;
                await opened.Stream.DisposeAsync();
                added = circular.AddGeneratedAttachment(file.StoredKey!, file.FileName, opened.ContentType, length, now);
            }
            else
            {
                added = ValidationError.For("Attachments", $"附件“{file.FileName}”不存在。");
            }
            if (!added.Succeeded)
            {
                await DeleteAllAsync(stored, ct);
                return added.Error!;
            }
        }
        var candidates = await CandidatesUnderAsync(db, root.Path, ct);
        db.Circulars.Add(circular);
        var published = await PublishInTransactionAsync(db, circular, (year, number) => circular.PublishGenerated(year, number, candidates, now),
            () => db.Audit(SystemActorId, Circular.SystemPublisherName, clock, AuditActions.CircularPublished, nameof(Circular), Key(circular.Id),
                circular.IssuerPath, $"系统发布通知 {circular.DocumentNumber}“{circular.Title}”，接收单位 {circular.Recipients.Count} 个"), ct);
        if (!published.Succeeded)
        {
            await DeleteAllAsync(stored, ct);
            return published.Error!;
        }
        return new PublishedCircular(circular.Id, circular.DocumentNumber!);
    }

    /// <summary>Withdraws a system-generated circular (a bulletin replaced by a re-run of its week); its number stays used.</summary>
    public async Task<Result> WithdrawGeneratedAsync(int circularId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await db.Circulars.SingleOrDefaultAsync(c => c.Id == circularId, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        var withdrawn = circular.WithdrawGenerated(clock.GetUtcNow());
        if (!withdrawn.Succeeded)
        {
            return withdrawn;
        }
        db.Audit(SystemActorId, Circular.SystemPublisherName, clock, AuditActions.CircularWithdrawn, nameof(Circular), Key(circular.Id), circular.IssuerPath,
            $"系统撤回通知 {circular.DocumentNumber}“{circular.Title}”");
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    /// <summary>Removes the files stored for a publication that failed (nothing half-saved).</summary>
    private async Task DeleteAllAsync(List<StoredUpload> stored, CancellationToken ct)
    {
        foreach (var upload in stored)
        {
            await uploads.DeleteAsync(upload, ct.IsCancellationRequested ? CancellationToken.None : ct);
        }
        stored.Clear();
    }

    // ---------------------------------------------------------------- numbering

    /// <summary>
    /// Publishes inside one transaction with the issuer's next number of the China year: the counter row is incremented by an
    /// atomic UPDATE (a row lock on PostgreSQL and SQL Server, the database write lock on SQLite, whose transactions begin
    /// IMMEDIATE), read back, stored on the circular and committed together — a failure rolls both back, so the number is
    /// neither skipped nor handed out twice. The unique index (issuer, year, number) is the safety net.
    /// </summary>
    private async Task<Result> PublishInTransactionAsync(EduPortalDbContext db, Circular circular, Func<int, int, Result> publish, Action audit,
        CancellationToken ct)
    {
        var year = Today.Year;
        var issuerId = circular.IssuerUnitId;
        await EnsureCounterAsync(issuerId, year, ct);
        return await db.InTransactionAsync(async token =>
        {
            await db.CircularNumberCounters.Where(c => c.IssuerUnitId == issuerId && c.Year == year)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), token);
            var number = await db.CircularNumberCounters.Where(c => c.IssuerUnitId == issuerId && c.Year == year)
                .Select(c => c.LastNumber).SingleAsync(token);
            var result = publish(year, number);
            if (!result.Succeeded)
            {
                return result;
            }
            // A new circular (the generated one) needs its id before the audit entry names it.
            await db.SaveChangesAsync(token);
            audit();
            await db.SaveChangesAsync(token);
            return Result.Success;
        }, ct, result => result.Succeeded);
    }

    /// <summary>The counter row of an issuer's year, created at its first publication (a racing creation is harmless).</summary>
    private async Task EnsureCounterAsync(int issuerId, int year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CircularNumberCounters.AnyAsync(c => c.IssuerUnitId == issuerId && c.Year == year, ct))
        {
            return;
        }
        db.CircularNumberCounters.Add(new CircularNumberCounter(issuerId, year));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another publisher created it first: the row exists, which is all this wanted.
        }
    }

    // ---------------------------------------------------------------- recipients

    /// <summary>Every unit below <paramref name="rootPath"/> (not the root itself), with what the kind filters need.</summary>
    private static async Task<List<RecipientCandidate>> CandidatesUnderAsync(EduPortalDbContext db, string rootPath, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(rootPath) && o.Path != rootPath)
            .OrderBy(o => o.Path)
            .Select(o => new RecipientCandidate(o.Id, o.Name, o.Path, o.Kind, o.Stage, o.Parent == null ? null : o.Parent.Kind))
            .ToListAsync(ct);

    /// <summary>The units an editor may pick (the bureau's subtree); empty for anyone who may not write circulars.</summary>
    public async Task<IReadOnlyList<RecipientOption>> RecipientOptionsAsync(Caller caller, CancellationToken ct = default)
    {
        if (!Circular.CanWrite(caller))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(caller.OrgPath) && o.Path != caller.OrgPath)
            .OrderBy(o => o.Path)
            .Select(o => new RecipientOption(o.Id, o.Name, o.Path, o.Kind, o.Stage, o.Parent == null ? "" : o.Parent.Name, 0))
            .ToListAsync(ct);
    }

    /// <summary>The units a selection resolves to right now (the editor's preview); the same resolution publication stores.</summary>
    public async Task<IReadOnlyList<RecipientCandidate>> PreviewRecipientsAsync(Caller caller, RecipientSelection selection, CancellationToken ct = default)
    {
        if (!Circular.CanWrite(caller))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return RecipientResolver.Resolve(selection, await CandidatesUnderAsync(db, caller.OrgPath, ct));
    }

    // ---------------------------------------------------------------- lists and reading

    public async Task<CircularLists> ListAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Circulars.AsNoTracking().WithinJurisdiction(caller);
        var issued = caller.IsAdmin || caller.Has(Capability.BureauEditor)
            ? await visible.Where(c => c.IssuerUnitId == caller.OrgUnitId)
                .OrderByDescending(c => c.Status == CircularStatus.Draft).ThenByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
                .Take(200)
                .Select(c => new CircularRow(c.Id, c.DocumentNumber, c.Title, c.IssuerName, c.Status, c.PublishedAt, c.CreatedAt, c.Recipients.Count,
                    c.Recipients.Count(r => r.AcknowledgedAt != null), null, false))
                .ToListAsync(ct)
            : [];
        var unitId = caller.OrgUnitId;
        var received = await visible.Where(c => c.Status != CircularStatus.Draft && c.IssuerUnitId != unitId)
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Take(200)
            .Select(c => new CircularRow(c.Id, c.DocumentNumber, c.Title, c.IssuerName, c.Status, c.PublishedAt, c.CreatedAt, c.Recipients.Count,
                c.Recipients.Count(r => r.AcknowledgedAt != null),
                c.Recipients.Any(r => r.UnitId == unitId) ? c.Recipients.Any(r => r.UnitId == unitId && r.AcknowledgedAt != null) : null,
                c.Reminders.Any()))
            .ToListAsync(ct);
        if (!caller.IsAdmin)
        {
            // Teachers do not acknowledge: the unit's state is their admins' business.
            received = received.Select(r => r with { MyUnitAcknowledged = null, Reminded = false }).ToList();
        }
        return new CircularLists(issued, received, Circular.CanWrite(caller));
    }

    public async Task<Result<CircularView>> GetAsync(Caller caller, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars.AsNoTracking(), caller, id, ct);
        if (circular is null || !circular.CanView(caller))
        {
            return new NotFoundError();
        }
        return new CircularView(circular, circular.PermissionsFor(caller), body.ToHtml(circular.BodyMarkdown), circular.RecipientFor(caller), Today);
    }

    private static Task<Circular?> Load(IQueryable<Circular> circulars, Caller caller, int id, CancellationToken ct) =>
        circulars.WithinJurisdiction(caller)
            .Include(c => c.Milestones).Include(c => c.Attachments).Include(c => c.Recipients).Include(c => c.Reminders)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);

    // ---------------------------------------------------------------- editing and publishing

    /// <summary>A new draft of the caller's bureau (audited).</summary>
    public async Task<Result<int>> StartDraftAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AddAuditedAsync(Circular.StartDraft(caller, clock.GetUtcNow()), c => c.Id,
            c => db.Audit(caller, clock, AuditActions.CircularSaved, nameof(Circular), Key(c.Id), c.IssuerPath, $"{c.IssuerName}新建通知草稿"), ct);
    }

    /// <summary>
    /// Saves the draft's content; with <paramref name="publish"/> also publishes it. Every field is checked before anything
    /// is saved: a wrong field or a unit outside the bureau's subtree leaves the stored draft as it was.
    /// </summary>
    public async Task<Result> SaveAsync(Caller caller, int id, CircularContent content, bool publish, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars, caller, id, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        var candidates = await CandidatesUnderAsync(db, circular.IssuerPath, ct);
        var outside = RecipientResolver.Outside(content.Recipients, candidates);
        if (outside.Count > 0)
        {
            return ValidationError.For("Recipients", "所选接收单位不在本单位管辖范围内");
        }
        var edited = circular.Edit(caller, content);
        if (!edited.Succeeded)
        {
            return edited;
        }
        if (!publish)
        {
            db.Audit(caller, clock, AuditActions.CircularSaved, nameof(Circular), Key(circular.Id), circular.IssuerPath, $"保存通知草稿“{circular.Title}”");
            await db.SaveChangesAsync(ct);
            return Result.Success;
        }
        var recipients = RecipientResolver.Resolve(circular.Selection, candidates);
        if (circular.ReadyToPublish(recipients) is { } notReady)
        {
            return notReady;
        }
        var now = clock.GetUtcNow();
        return await PublishInTransactionAsync(db, circular, (year, number) => circular.Publish(caller, year, number, recipients, now),
            () => db.Audit(caller, clock, AuditActions.CircularPublished, nameof(Circular), Key(circular.Id), circular.IssuerPath,
                $"发布通知 {circular.DocumentNumber}“{circular.Title}”，接收单位 {circular.Recipients.Count} 个",
                after: new { 文号 = circular.DocumentNumber, 接收单位 = circular.Recipients.Select(r => r.UnitName).ToList(), 面向教师 = circular.ForTeachers }), ct);
    }

    /// <summary>An attachment through the content-checked pipeline (PDF, Office, JPEG, PNG ≤ 30 MB), only on a draft.</summary>
    public async Task<Result> UploadAttachmentAsync(Caller caller, int id, Stream content, long length, string fileName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars, caller, id, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        if (!circular.CanEdit(caller) || circular.Attachments.Count >= Circular.MaxAttachments)
        {
            return circular.AddAttachment(caller, "", fileName, "", 0, clock.GetUtcNow());
        }
        var stored = await uploads.StoreAsync(content, length, UploadPolicy.Attachment, ct);
        if (!stored.Succeeded)
        {
            return stored.Error!;
        }
        var added = circular.AddAttachment(caller, stored.Value!.Key, fileName, stored.Value.Kind.ContentTypeFor(fileName), stored.Value.Length, clock.GetUtcNow());
        if (!added.Succeeded)
        {
            await uploads.DeleteAsync(stored.Value, ct);
            return added;
        }
        db.Audit(caller, clock, AuditActions.CircularSaved, nameof(Circular), Key(circular.Id), circular.IssuerPath, $"为通知“{circular.Title}”上传附件“{fileName}”");
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    public async Task<Result> RemoveAttachmentAsync(Caller caller, int id, int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars, caller, id, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        var removed = circular.RemoveAttachment(caller, attachmentId);
        if (!removed.Succeeded)
        {
            return removed.Error!;
        }
        db.Audit(caller, clock, AuditActions.CircularSaved, nameof(Circular), Key(circular.Id), circular.IssuerPath,
            $"删除通知“{circular.Title}”的附件“{removed.Value!.FileName}”");
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    public Task<Result> WithdrawAsync(Caller caller, int id, CancellationToken ct = default) =>
        ChangeAsync(caller, id, AuditActions.CircularWithdrawn, c => c.Withdraw(caller, clock.GetUtcNow()),
            c => $"撤回通知 {c.DocumentNumber}“{c.Title}”", ct);

    /// <summary>签收 for the caller's unit: once, by one of its admins, audited with who and when.</summary>
    public async Task<Result> AcknowledgeAsync(Caller caller, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars, caller, id, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        var acknowledged = circular.Acknowledge(caller, clock.GetUtcNow());
        if (!acknowledged.Succeeded)
        {
            return acknowledged;
        }
        db.Audit(caller, clock, AuditActions.CircularAcknowledged, nameof(Circular), Key(circular.Id), circular.RecipientFor(caller)!.UnitPath,
            $"{caller.OrgUnitName}签收通知 {circular.DocumentNumber}“{circular.Title}”");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("本单位已由其他管理员签收。");
        }
        return Result.Success;
    }

    /// <summary>催办: a reminder record to the units that have not acknowledged (at most once a day per circular).</summary>
    public async Task<Result> RemindAsync(Caller caller, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars, caller, id, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        var reminded = circular.Remind(caller, clock.GetUtcNow());
        if (!reminded.Succeeded)
        {
            return reminded.Error!;
        }
        db.Audit(caller, clock, AuditActions.CircularReminded, nameof(Circular), Key(circular.Id), circular.IssuerPath,
            $"催办通知 {circular.DocumentNumber}“{circular.Title}”：{reminded.Value!.UnitCount} 个单位未签收");
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    /// <summary>A text reply, or a file through the content-checked pipeline; late replies are accepted and flagged.</summary>
    public async Task<Result> ReplyAsync(Caller caller, int id, string? text, Stream? file, long length, string? fileName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars, caller, id, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        if (!circular.CanReply(caller))
        {
            return circular.Reply(caller, text, null, null, null, clock.GetUtcNow()).Error!;
        }
        StoredUpload? stored = null;
        if (circular.ReplyMode == ReplyMode.File && file is not null)
        {
            var upload = await uploads.StoreAsync(file, length, UploadPolicy.Attachment, ct);
            if (!upload.Succeeded)
            {
                return upload.Error!;
            }
            stored = upload.Value!;
        }
        var replied = circular.Reply(caller, text, stored?.Key, fileName, stored?.Kind.ContentTypeFor(fileName), clock.GetUtcNow());
        if (!replied.Succeeded)
        {
            if (stored is not null)
            {
                await uploads.DeleteAsync(stored, ct);
            }
            return replied.Error!;
        }
        var recipient = circular.RecipientFor(caller)!;
        db.Audit(caller, clock, AuditActions.CircularReplied, nameof(Circular), Key(circular.Id), recipient.UnitPath,
            $"{caller.OrgUnitName}回复通知 {circular.DocumentNumber}{(circular.IsLate(recipient) ? "（逾期）" : "")}",
            after: new { 回复 = recipient.ReplyText, 文件 = recipient.ReplyFileName });
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    private async Task<Result> ChangeAsync(Caller caller, int id, string action, Func<Circular, Result> change, Func<Circular, string> summary,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars, caller, id, ct);
        if (circular is null)
        {
            return new NotFoundError();
        }
        var result = change(circular);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, action, nameof(Circular), Key(circular.Id), circular.IssuerPath, summary(circular));
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    // ---------------------------------------------------------------- receipts

    /// <summary>Who has and has not acknowledged and replied: the issuer's staff and admins above it only.</summary>
    public async Task<Result<ReceiptsView>> ReceiptsAsync(Caller caller, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var circular = await Load(db.Circulars.AsNoTracking(), caller, id, ct);
        if (circular is null || !circular.CanSeeReceipts(caller))
        {
            return new NotFoundError();
        }
        var rows = circular.Recipients.OrderBy(r => r.IsAcknowledged).ThenBy(r => r.UnitPath, StringComparer.Ordinal)
            .Select(r => new ReceiptRow(r.UnitId, r.UnitName, r.UnitKind, r.AcknowledgedAt, r.AcknowledgedByName, r.RepliedAt, r.RepliedByName, r.ReplyText,
                r.ReplyFileName, circular.IsLate(r), r.Id))
            .ToList();
        return new ReceiptsView(circular, rows, circular.PermissionsFor(caller));
    }

    /// <summary>The receipt list as an Excel workbook whose file name and sheet caption state the document number and export time (audited).</summary>
    public async Task<Result<(byte[] Bytes, string FileName)>> ExportReceiptsAsync(Caller caller, int id, CancellationToken ct = default)
    {
        var receipts = await ReceiptsAsync(caller, id, ct);
        if (!receipts.Succeeded)
        {
            return receipts.Error!;
        }
        var now = clock.GetUtcNow();
        var view = receipts.Value!;
        var bytes = CircularReceiptsWorkbook.Build(view, now);
        var fileName = CircularReceiptsWorkbook.FileName(view.Circular, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(caller, clock, AuditActions.CircularReceiptsExported, nameof(Circular), Key(id), view.Circular.IssuerPath,
            $"导出通知 {view.Circular.DocumentNumber} 的签收情况");
        await db.SaveChangesAsync(ct);
        return (bytes, fileName);
    }

    // ---------------------------------------------------------------- home card

    /// <summary>
    /// The home card: for a unit's admins, circulars the unit has not acknowledged (催办 when reminded) plus acknowledged ones
    /// with a deadline still ahead; for teachers, circulars addressed to teachers of their school with a milestone ahead.
    /// </summary>
    public async Task<IReadOnlyList<HomeCircular>> HomeAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitId = caller.OrgUnitId;
        var today = Today;
        var query = caller.IsAdmin
            ? db.Circulars.AsNoTracking().AwaitingAcknowledgement(unitId)
            : db.Circulars.AsNoTracking().AddressedToUnit(unitId).Where(c => c.ForTeachers && c.Milestones.Any(m => m.Date >= today));
        var circulars = await query.OrderByDescending(c => c.PublishedAt).Take(8)
            .Include(c => c.Milestones).Include(c => c.Reminders)
            .AsSplitQuery().ToListAsync(ct);
        return circulars.Select(c => new HomeCircular(c.Id, c.DocumentNumber, c.Title, c.IssuerName,
                c.Milestones.OrderBy(m => m.Date).Where(m => m.Date >= today.AddDays(-7)).Take(3).Select(m => m.Countdown(today)).ToList(),
                c.Milestones.Any(m => m.IsOverdue(today)), caller.IsAdmin && c.Reminders.Count > 0, caller.IsAdmin))
            .ToList();
    }

    // ---------------------------------------------------------------- files

    /// <summary>An attachment, only for callers who may open the circular (another county's ids answer null, i.e. 404).</summary>
    public async Task<CircularFile?> FindAttachmentAsync(Caller caller, int id, int attachmentId, CancellationToken ct = default)
    {
        var found = await GetAsync(caller, id, ct);
        var attachment = found.Value?.Circular.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        return attachment is null ? null : new CircularFile(attachment.StoredPath, attachment.FileName, attachment.ContentType);
    }

    /// <summary>A recipient's reply file: the issuer's receipt readers, or the replying unit's own admins.</summary>
    public async Task<CircularFile?> FindReplyFileAsync(Caller caller, int id, int recipientId, CancellationToken ct = default)
    {
        var found = await GetAsync(caller, id, ct);
        if (!found.Succeeded)
        {
            return null;
        }
        var circular = found.Value!.Circular;
        var recipient = circular.Recipients.FirstOrDefault(r => r.Id == recipientId);
        var allowed = recipient is not null && (circular.CanSeeReceipts(caller) || circular.RecipientFor(caller)?.Id == recipient.Id);
        return allowed && recipient!.ReplyFilePath is { } path ? new CircularFile(path, recipient.ReplyFileName ?? "回复", recipient.ReplyContentType ?? "") : null;
    }

    /// <summary>The circular in the official 红头 layout as a PDF (published circulars; drafts print as a proof).</summary>
    public async Task<Result<(byte[] Bytes, string FileName)>> PdfAsync(Caller caller, int id, CancellationToken ct = default)
    {
        var found = await GetAsync(caller, id, ct);
        if (!found.Succeeded)
        {
            return found.Error!;
        }
        var circular = found.Value!.Circular;
        return (CircularPdf.Build(circular), $"{circular.DocumentNumber ?? "通知草稿"}.pdf");
    }
}
