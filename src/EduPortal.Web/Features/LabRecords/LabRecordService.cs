using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>
/// A teacher's side of lab records: the single draft (capture form), publishing, withdrawing and deleting,
/// and 我的实验. Every state change goes through <see cref="LabRecord"/>'s methods and is audited.
/// </summary>
public sealed class LabRecordService(
    IDbContextFactory<EduPortalDbContext> dbFactory,
    UploadPipeline uploads,
    IFileStore files,
    IOptions<LabRecordOptions> options,
    PointEventRecorder points,
    TimeProvider clock)
{
    public UploadPolicy PhotoPolicy => UploadPolicy.LabPhoto(options.Value.MaxPhotoMegabytes);
    public UploadPolicy VideoPolicy => UploadPolicy.LabVideo(options.Value.MaxVideoMegabytes, LabMediaSlots.MaxVideoDuration);

    public async Task<Result<CaptureOptions>> GetCaptureOptionsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School)
        {
            return new ForbiddenError("只有学校的教师可以记录实验课。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var classes = await db.SchoolClasses.AsNoTracking().Where(c => c.SchoolId == caller.OrgUnitId)
            .OrderBy(c => c.Grade).ThenBy(c => c.Number)
            .Select(c => new { c.Id, c.Grade, c.Number })
            .ToListAsync(cancellationToken);
        var experiments = await db.LabExperiments.AsNoTracking().ApplyingTo(caller.OrgPath).Where(e => e.Active)
            .OrderBy(e => e.Subject).ThenBy(e => e.Grade).ThenBy(e => e.Code)
            .Select(e => new ExperimentOption(e.Id, e.Subject, e.Grade, e.Code, e.Name, e.Kind))
            .ToListAsync(cancellationToken);
        var closed = await LabCatalogueService.ClosedSubjectsAsync(db, caller.OrgPath, cancellationToken);
        return new CaptureOptions(classes.Select(c => new ClassOption(c.Id, c.Grade, SchoolClass.FormatName(c.Grade, c.Number))).ToList(), experiments, closed);
    }

    /// <summary>The caller's one unpublished record, or null.</summary>
    public async Task<DraftView?> GetDraftAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.LabRecords.AsNoTracking().Include(r => r.Media)
            .SingleOrDefaultAsync(r => r.TeacherId == caller.UserId && r.State == LabRecordState.Draft, cancellationToken);
        return draft is null ? null : new DraftView(draft.Id, draft.Details, draft.Media.OrderBy(m => m.Slot).Select(LabMediaView.From).ToList(), draft.PublishedAt is not null);
    }

    /// <summary>Saves the draft's fields (creating the draft if the teacher has none). What is filled in must be valid.</summary>
    public async Task<Result<long>> SaveDraftAsync(Caller caller, LabRecordDetails input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await LoadOrStartDraftAsync(db, caller, cancellationToken);
        if (!draft.Succeeded)
        {
            return draft.Error!;
        }
        var resolved = await ResolveAsync(db, caller, input, forPublish: false, cancellationToken);
        if (!resolved.Succeeded)
        {
            return resolved.Error!;
        }
        var update = draft.Value!.UpdateDetails(caller, resolved.Value!, clock);
        if (!update.Succeeded)
        {
            return update.Error!;
        }
        return await db.SaveLabRecordAsync(draft.Value!.Id, cancellationToken) is { } error ? error : draft.Value!.Id;
    }

    /// <summary>
    /// Stores an uploaded photo or video and puts it into a slot of the caller's draft (creating the draft if needed).
    /// The file is checked by content and size (and a video by its duration) before anything is saved.
    /// </summary>
    public async Task<Result<LabMediaView>> UploadAsync(Caller caller, LabMediaSlot slot, Stream content, long declaredLength,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School)
        {
            return new ForbiddenError("只有学校的教师可以记录实验课。");
        }
        var policy = slot.IsPhoto() ? PhotoPolicy : VideoPolicy;
        var stored = await uploads.StoreAsync(content, declaredLength, policy, cancellationToken, progress);
        if (!stored.Succeeded)
        {
            // The page shows the message under the slot the file was meant for.
            return stored.Error is ValidationError v ? ValidationError.For(slot.ToString(), v.Message) : stored.Error!;
        }
        var upload = stored.Value!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await LoadOrStartDraftAsync(db, caller, cancellationToken);
        if (!draft.Succeeded)
        {
            await uploads.DeleteAsync(upload, CancellationToken.None);
            return draft.Error!;
        }
        var attached = draft.Value!.AttachMedia(caller, slot, upload.Key, upload.ThumbnailKey, upload.Kind.ContentType(), upload.Length,
            upload.Duration?.TotalSeconds, clock);
        if (!attached.Succeeded)
        {
            await uploads.DeleteAsync(upload, CancellationToken.None);
            return attached.Error!;
        }
        if (await db.SaveLabRecordAsync(draft.Value!.Id, cancellationToken) is { } error)
        {
            await uploads.DeleteAsync(upload, CancellationToken.None);
            return error;
        }
        if (attached.Value is { } replaced)
        {
            await DeleteUnreferencedFilesAsync(db, [replaced]);
        }
        return LabMediaView.From(draft.Value!.Media.Single(m => m.Slot == slot));
    }

    public async Task<Result> RemoveMediaAsync(Caller caller, LabMediaSlot slot, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.LabRecords.Include(r => r.Media)
            .SingleOrDefaultAsync(r => r.TeacherId == caller.UserId && r.State == LabRecordState.Draft, cancellationToken);
        if (draft is null)
        {
            return new NotFoundError("您没有未发布的实验记录。");
        }
        var removed = draft.RemoveMedia(caller, slot, clock);
        if (!removed.Succeeded)
        {
            return removed.Error!;
        }
        if (await db.SaveLabRecordAsync(draft.Id, cancellationToken) is { } error)
        {
            return error;
        }
        await DeleteUnreferencedFilesAsync(db, [removed.Value!]);
        return Result.Success;
    }

    /// <summary>Saves the form's fields and publishes the draft in one step (自审发布). Nothing is saved if anything is wrong.</summary>
    public async Task<Result> PublishAsync(Caller caller, long recordId, LabRecordDetails input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.LabRecords.Include(r => r.Media)
            .SingleOrDefaultAsync(r => r.Id == recordId && r.TeacherId == caller.UserId, cancellationToken);
        if (record is null)
        {
            return new NotFoundError();
        }
        if (record.State == LabRecordState.Draft)
        {
            var resolved = await ResolveAsync(db, caller, input, forPublish: true, cancellationToken);
            if (!resolved.Succeeded)
            {
                return WithMissingPhotos(resolved.Error!, record.Media.Select(m => m.Slot).ToList());
            }
            var update = record.UpdateDetails(caller, resolved.Value!, clock);
            if (!update.Succeeded)
            {
                return update;
            }
        }
        var published = record.Publish(caller, clock);
        if (!published.Succeeded)
        {
            return published;
        }
        db.Audit(caller, clock, AuditActions.LabPublished, nameof(LabRecord), record.AuditKey, record.SchoolPath, $"{caller.RealName} 发布实验记录“{record.Title}”", new { 状态 = LabRecordState.Draft.DisplayName() }, new { 状态 = record.State.DisplayName() });
        if (await db.SaveLabRecordAsync(record.Id, cancellationToken) is { } error)
        {
            return error;
        }
        // The deep-application index's 实验课发布 row: one event per published record (withdrawing or a return takes it back).
        await points.RecordAsync(record.TeacherId, PointTypes.LabRecordPublished, record.PublishedAt!.Value, record.PointsExternalId, cancellationToken: cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// 发布 pressed before anything was saved or uploaded: names what is missing (fields and photos) without creating
    /// a draft. A record with no photos can never be published, so this always returns a validation error.
    /// </summary>
    public async Task<Error> CheckNewRecordAsync(Caller caller, LabRecordDetails input, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School)
        {
            return new ForbiddenError("只有学校的教师可以记录实验课。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var resolved = await ResolveAsync(db, caller, input, forPublish: true, cancellationToken);
        return WithMissingPhotos(resolved.Error ?? new ValidationError(new Dictionary<string, string>()), []);
    }

    /// <summary>
    /// 发布 from 我的实验: publishes the caller's unpublished record as it was saved (a withdrawn record comes back in
    /// one action, circular 000 §三.4). If something is missing the errors name it and the capture form can fix it.
    /// </summary>
    public async Task<Result> PublishAsSavedAsync(Caller caller, long recordId, CancellationToken cancellationToken = default)
    {
        LabRecordDetails? details;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            details = await db.LabRecords.AsNoTracking().Where(r => r.Id == recordId && r.TeacherId == caller.UserId)
                .Select(r => new LabRecordDetails(r.Subject, r.Kind, r.ExperimentId, r.Title, r.ClassId, r.ClassName, r.Grade, r.LessonDate, r.Period, r.Notes))
                .SingleOrDefaultAsync(cancellationToken);
        }
        return details is null ? new NotFoundError() : await PublishAsync(caller, recordId, details, cancellationToken);
    }

    /// <summary>
    /// Adds the missing required photos to the fields' errors, so one answer names every problem. Only photo slots are
    /// added: the fields are <see cref="ResolveAsync"/>'s, and a second key for a field would make the count
    /// ("有 N 处需要修改") exceed the fields marked.
    /// </summary>
    private static Error WithMissingPhotos(Error error, IReadOnlyCollection<LabMediaSlot> filled)
    {
        if (error is not ValidationError fields)
        {
            return error;
        }
        var merged = new Dictionary<string, string>(fields.Fields);
        foreach (var slot in LabMediaSlots.Required.Where(s => !filled.Contains(s)))
        {
            merged.TryAdd(slot.ToString(), $"请上传“{slot.DisplayName()}”照片");
        }
        return new ValidationError(merged);
    }

    /// <summary>撤回: a published record goes back to unpublished (circular 000 §三.4).</summary>
    public async Task<Result> WithdrawAsync(Caller caller, long recordId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.LabRecords.SingleOrDefaultAsync(r => r.Id == recordId && r.TeacherId == caller.UserId, cancellationToken);
        if (record is null)
        {
            return new NotFoundError();
        }
        var hasDraft = await db.LabRecords.AnyAsync(r => r.TeacherId == caller.UserId && r.State == LabRecordState.Draft && r.Id != recordId, cancellationToken);
        var before = record.State;
        var result = record.Withdraw(caller, hasDraft, clock);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, AuditActions.LabWithdrawn, nameof(LabRecord), record.AuditKey, record.SchoolPath,
            $"{caller.RealName} 撤回实验记录“{record.Title}”", new { 状态 = before.DisplayName() }, new { 状态 = record.State.DisplayName() });
        if (await db.SaveLabRecordAsync(record.Id, cancellationToken) is { } error)
        {
            return error;
        }
        // An unpublished record earns nothing; publishing it again records the event again.
        await points.RemoveAsync(record.TeacherId, record.PointsExternalId, cancellationToken);
        return Result.Success;
    }

    /// <summary>Deletes a draft or a returned record for good, files included (circular 000 §三.1: 删除不可恢复).</summary>
    public async Task<Result> DeleteAsync(Caller caller, long recordId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.LabRecords.Include(r => r.Media)
            .SingleOrDefaultAsync(r => r.Id == recordId && r.TeacherId == caller.UserId, cancellationToken);
        if (record is null)
        {
            return new NotFoundError();
        }
        var allowed = record.CheckCanDelete(caller);
        if (!allowed.Succeeded)
        {
            return allowed;
        }
        var media = record.Media.ToList();
        db.LabRecords.Remove(record);
        db.Audit(caller, clock, AuditActions.LabDeleted, nameof(LabRecord), record.AuditKey, record.SchoolPath,
            $"{caller.RealName} 删除实验记录“{record.Title ?? "（未填写）"}”", new { 状态 = record.State.DisplayName(), 照片视频 = media.Count }, null);
        if (await db.SaveLabRecordAsync(record.Id, cancellationToken) is { } error)
        {
            return error;
        }
        await DeleteUnreferencedFilesAsync(db, media);
        return Result.Success;
    }

    /// <summary>我的实验: the caller's records, newest first, optionally in one state.</summary>
    public async Task<IReadOnlyList<LabRecordRow>> MineAsync(Caller caller, LabRecordState? state = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = db.LabRecords.AsNoTracking().Where(r => r.TeacherId == caller.UserId);
        if (state is { } s)
        {
            records = records.Where(r => r.State == s);
        }
        return await records.OrderByDescending(r => r.UpdatedAt).Take(500).ToRowsAsync(cancellationToken);
    }

    /// <summary>The figures of the home page's lab card.</summary>
    public async Task<LabHomeSummary> HomeAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = SchoolTerm.Containing(ChinaTime.Today(clock));
        var mine = await db.LabRecords.AsNoTracking().Where(r => r.TeacherId == caller.UserId)
            .GroupBy(r => r.State).Select(g => new { State = g.Key, Count = g.Count(), AnyId = g.Max(r => r.Id) })
            .ToListAsync(cancellationToken);
        var shownThisTerm = await db.LabRecords.AsNoTracking()
            .CountAsync(r => r.TeacherId == caller.UserId && r.Shown && r.LessonDate >= term.Start && r.LessonDate <= term.End, cancellationToken);
        // The weekly job's latest flags inside the caller's subtree.
        var latestWeek = await db.LabInactivityFlags.AsNoTracking().WithinJurisdiction(caller).MaxAsync(f => (DateOnly?)f.WeekStart, cancellationToken);
        var flags = latestWeek is { } week
            ? await db.LabInactivityFlags.AsNoTracking().WithinJurisdiction(caller).Where(f => f.WeekStart == week)
                .Select(f => new { f.SchoolId, f.Weeks }).ToListAsync(cancellationToken)
            : [];
        var ownFlag = caller.OrgKind == OrgUnitKind.School && caller.IsAdmin ? flags.FirstOrDefault(f => f.SchoolId == caller.OrgUnitId) : null;
        return new LabHomeSummary(shownThisTerm,
            mine.FirstOrDefault(m => m.State == LabRecordState.Draft)?.AnyId,
            mine.FirstOrDefault(m => m.State == LabRecordState.Returned)?.Count ?? 0,
            flags.Count, ownFlag?.Weeks);
    }

    private async Task<Result<LabRecord>> LoadOrStartDraftAsync(EduPortalDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var draft = await db.LabRecords.Include(r => r.Media)
            .SingleOrDefaultAsync(r => r.TeacherId == caller.UserId && r.State == LabRecordState.Draft, cancellationToken);
        if (draft is not null)
        {
            return draft;
        }
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath);
        var countyId = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County && ancestors.Contains(o.Path)).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        var started = LabRecord.StartDraft(caller, countyId, teacherHasUnpublished: false, clock);
        if (started.Succeeded)
        {
            db.LabRecords.Add(started.Value!);
        }
        return started;
    }

    /// <summary>Looks up the class and the catalogue entry, fills in their names and validates the details.</summary>
    internal async Task<Result<LabRecordDetails>> ResolveAsync(EduPortalDbContext db, Caller caller, LabRecordDetails input, bool forPublish, CancellationToken cancellationToken)
    {
        var schoolClass = input.ClassId is { } classId
            ? await db.SchoolClasses.AsNoTracking().Where(c => c.Id == classId && c.SchoolId == caller.OrgUnitId)
                .Select(c => new { c.Grade, c.Number }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var experiment = input.ExperimentId is { } experimentId
            ? await db.LabExperiments.AsNoTracking().ApplyingTo(caller.OrgPath).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            : null;
        var catalogueHasEntries = input.Subject is { } subject && schoolClass is not null
            && await db.LabExperiments.ApplyingTo(caller.OrgPath).AnyAsync(e => e.Active && e.Subject == subject && e.Grade == schoolClass.Grade, cancellationToken);
        var subjectOpen = input.Subject is not { } chosen || !(await LabCatalogueService.ClosedSubjectsAsync(db, caller.OrgPath, cancellationToken)).Contains(chosen);
        var facts = new LabDetailsFacts(ChinaTime.Today(clock), experiment, catalogueHasEntries, schoolClass?.Grade, subjectOpen);
        var problems = LabRecordRules.ValidateDetails(input, facts, forPublish);
        if (problems is not null)
        {
            return problems;
        }
        return input with
        {
            Title = experiment?.Name ?? input.Title,
            ClassName = schoolClass is null ? null : SchoolClass.FormatName(schoolClass.Grade, schoolClass.Number),
            Grade = schoolClass?.Grade,
        };
    }

    /// <summary>Deletes stored files that no record refers to any more (demo records share their images).</summary>
    private async Task DeleteUnreferencedFilesAsync(EduPortalDbContext db, IEnumerable<LabMedia> media)
    {
        foreach (var item in media)
        {
            foreach (var key in new[] { item.FileKey, item.ThumbnailKey }.OfType<string>())
            {
                var stillUsed = await db.LabMedia.AnyAsync(m => m.FileKey == key || m.ThumbnailKey == key);
                if (!stillUsed)
                {
                    await files.DeleteAsync(key);
                }
            }
        }
    }
}

internal static class LabRecordQueries
{
    /// <summary>The latest lesson date of each school among the given (shown) records.</summary>
    public static Task<Dictionary<int, DateOnly?>> LastLessonBySchoolAsync(this IQueryable<LabRecord> shown, CancellationToken cancellationToken) =>
        shown.GroupBy(r => r.SchoolId).Select(g => new { SchoolId = g.Key, Last = g.Max(r => r.LessonDate) })
            .ToDictionaryAsync(x => x.SchoolId, x => x.Last, cancellationToken);

    public static Task<List<LabRecordRow>> ToRowsAsync(this IQueryable<LabRecord> records, CancellationToken cancellationToken) =>
        records.Select(r => new LabRecordRow(r.Id, r.TeacherName, r.SchoolName, r.Subject, r.Kind, r.Title, r.ClassName, r.LessonDate, r.Period,
                r.State, r.UpdatedAt, r.ReviewerName, r.ReportReason, r.ReportedByName, r.ReportedAt,
                LabMediaView.ThumbnailUrlOf(r.Media.Where(m => m.Slot == LabMediaSlot.FrontToBack && m.ThumbnailKey != null).Select(m => (long?)m.Id).FirstOrDefault()),
                r.Version))
            .ToListAsync(cancellationToken);
}
