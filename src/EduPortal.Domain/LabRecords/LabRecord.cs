using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.LabRecords;

/// <summary>What a teacher fills in on "记录实验课". Everything may be empty while the record is a draft.</summary>
public sealed record LabRecordDetails(
    LabSubject? Subject,
    LabKind? Kind,
    int? ExperimentId,
    string? Title,
    int? ClassId,
    string? ClassName,
    int? Grade,
    DateOnly? LessonDate,
    int? Period,
    string? Notes);

/// <summary>
/// A lab lesson record (实验教学记录) and its publishing workflow, exactly as circular 000 §三 发布流程 has it.
/// Every state change is a method that checks its rule, changes state and records the transition.
/// </summary>
public sealed class LabRecord
{
    public const int MaxReasonLength = 200;
    public const int MinReasonLength = 2;

    private readonly List<LabMedia> _media = [];
    private readonly List<LabRecordTransition> _transitions = [];

    private LabRecord()
    {
    }

    private LabRecord(Caller teacher, int countyId, DateTimeOffset now)
    {
        TeacherId = teacher.UserId;
        TeacherName = teacher.RealName;
        SchoolId = teacher.OrgUnitId;
        SchoolName = teacher.OrgUnitName;
        SchoolPath = teacher.OrgPath;
        CountyId = countyId;
        State = LabRecordState.Draft;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>The record's event in the points ledger (source "portal").</summary>
    public string PointsExternalId => $"lab-{Id}";

    /// <summary>The record's key in the audit log.</summary>
    public string AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string TeacherId { get; private set; } = "";
    public string TeacherName { get; private set; } = "";
    public int SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";

    /// <summary>The school's org path: jurisdiction checks compare it with the caller's.</summary>
    public string SchoolPath { get; private set; } = "";

    /// <summary>The county the school belongs to (kept for the gallery's county filter).</summary>
    public int CountyId { get; private set; }

    public LabSubject? Subject { get; private set; }
    public LabKind? Kind { get; private set; }
    public int? ExperimentId { get; private set; }
    public string? Title { get; private set; }
    public int? ClassId { get; private set; }
    public string? ClassName { get; private set; }
    public int? Grade { get; private set; }
    public DateOnly? LessonDate { get; private set; }
    public int? Period { get; private set; }
    public string? Notes { get; private set; }

    public LabRecordState State { get; private set; }

    /// <summary>Whether the gallery shows the record (self-published or approved); kept in step with <see cref="State"/> for indexing.</summary>
    public bool Shown { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public string? ReportedById { get; private set; }
    public string? ReportedByName { get; private set; }
    public string? ReportReason { get; private set; }
    public DateTimeOffset? ReportedAt { get; private set; }

    /// <summary>Empty for a self-reviewed record (自审发布，审核人为空).</summary>
    public string? ReviewerId { get; private set; }
    public string? ReviewerName { get; private set; }
    public AdminLevel? ReviewerLevel { get; private set; }
    public string? ReviewComment { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Bumped on every change; two admins acting on one record at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<LabMedia> Media => _media;
    public IReadOnlyList<LabRecordTransition> Transitions => _transitions;

    public bool IsOwnedBy(Caller caller) => caller.UserId == TeacherId;

    /// <summary>
    /// Starts a record for a teacher. Circular 000 §三.1: "同时只能有一个实验未发布".
    /// </summary>
    public static Result<LabRecord> StartDraft(Caller teacher, int countyId, bool teacherHasUnpublished, TimeProvider clock)
    {
        if (teacher.OrgKind != Organization.OrgUnitKind.School)
        {
            return new ForbiddenError("只有学校的教师可以记录实验课。");
        }
        if (teacherHasUnpublished)
        {
            return new ConflictError("您已有一条未发布的实验记录，请先发布或删除它。");
        }
        var now = clock.GetUtcNow();
        var record = new LabRecord(teacher, countyId, now);
        record.Record(teacher, null, LabRecordState.Draft, LabActions.Create, null, now);
        return record;
    }

    /// <summary>Only a draft can be edited; validation of the details is <see cref="LabRecordRules.ValidateDetails"/>'s job.</summary>
    public Result UpdateDetails(Caller actor, LabRecordDetails details, TimeProvider clock)
    {
        if (CheckCanEdit(actor) is { } refusal)
        {
            return refusal;
        }
        Subject = details.Subject;
        Kind = details.Kind;
        ExperimentId = details.ExperimentId;
        Title = string.IsNullOrWhiteSpace(details.Title) ? null : details.Title.Trim();
        ClassId = details.ClassId;
        ClassName = details.ClassName;
        Grade = details.Grade;
        LessonDate = details.LessonDate;
        Period = details.Period;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
        Touch(clock.GetUtcNow());
        return Result.Success;
    }

    public LabRecordDetails Details => new(Subject, Kind, ExperimentId, Title, ClassId, ClassName, Grade, LessonDate, Period, Notes);

    /// <summary>Puts a stored file into a slot of a draft; returns the media it replaced (whose file the caller deletes).</summary>
    public Result<LabMedia?> AttachMedia(Caller actor, LabMediaSlot slot, string fileKey, string? thumbnailKey, string contentType, long length,
        double? durationSeconds, TimeProvider clock)
    {
        if (!IsOwnedBy(actor))
        {
            return new NotFoundError();
        }
        if (State != LabRecordState.Draft)
        {
            return new ConflictError("只有未发布的记录可以更换照片或视频。");
        }
        if (slot == LabMediaSlot.Video && durationSeconds is null)
        {
            return ValidationError.For(slot.ToString(), MediaMessages.VideoUnreadable);
        }
        if (slot == LabMediaSlot.Video && durationSeconds > LabMediaSlots.MaxVideoDuration.TotalSeconds)
        {
            return ValidationError.For(slot.ToString(), MediaMessages.VideoTooLong(TimeSpan.FromSeconds(durationSeconds.Value), LabMediaSlots.MaxVideoDuration));
        }
        var replaced = _media.FirstOrDefault(m => m.Slot == slot);
        if (replaced is not null)
        {
            _media.Remove(replaced);
        }
        _media.Add(new LabMedia(slot, fileKey, thumbnailKey, contentType, length, durationSeconds));
        Touch(clock.GetUtcNow());
        return Result<LabMedia?>.Ok(replaced);
    }

    public Result<LabMedia> RemoveMedia(Caller actor, LabMediaSlot slot, TimeProvider clock)
    {
        if (!IsOwnedBy(actor))
        {
            return new NotFoundError();
        }
        if (State != LabRecordState.Draft)
        {
            return new ConflictError("只有未发布的记录可以删除照片或视频。");
        }
        var media = _media.FirstOrDefault(m => m.Slot == slot);
        if (media is null)
        {
            return new NotFoundError("该位置没有照片或视频。");
        }
        _media.Remove(media);
        Touch(clock.GetUtcNow());
        return media;
    }

    /// <summary>
    /// 自审发布 (circular 000 §三.1, §三.4): the teacher publishes a draft; it shows at once with an empty reviewer.
    /// A returned record can never be published again (§三.3).
    /// </summary>
    public Result Publish(Caller actor, TimeProvider clock)
    {
        if (CheckCanPublish(actor) is { } refusal)
        {
            return refusal;
        }
        var problems = LabRecordRules.ValidateForPublish(Details, _media.Select(m => m.Slot).ToList());
        if (problems is not null)
        {
            return problems;
        }
        var now = clock.GetUtcNow();
        ClearReview();
        PublishedAt = now;
        Move(actor, LabRecordState.SelfPublished, LabActions.Publish, null, now);
        return Result.Success;
    }

    /// <summary>
    /// Circular 000 §三.4: a teacher may withdraw a published record (it becomes unpublished again) and publish it
    /// later. Because only one record may be unpublished (§三.1), withdrawing needs the teacher to have no other draft.
    /// </summary>
    public Result Withdraw(Caller actor, bool teacherHasOtherUnpublished, TimeProvider clock)
    {
        if (CheckCanWithdraw(actor) is { } refusal)
        {
            return refusal;
        }
        if (teacherHasOtherUnpublished)
        {
            return new ConflictError("您已有一条未发布的实验记录，请先发布或删除它，再撤回这一条。");
        }
        var now = clock.GetUtcNow();
        ClearReview();
        Move(actor, LabRecordState.Draft, LabActions.Withdraw, null, now);
        return Result.Success;
    }

    /// <summary>
    /// Circular 000 §三.2: anyone may report a self-reviewed record; it stops showing and goes to the admins.
    /// A reviewed record cannot be reported (§三.3).
    /// </summary>
    public Result Report(Caller actor, string? reason, TimeProvider clock)
    {
        if (CheckCanReport(actor) is { } refusal)
        {
            return refusal;
        }
        if (ReasonProblem(reason, "举报理由", "Reason") is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        ReportedById = actor.UserId;
        ReportedByName = actor.RealName;
        ReportReason = reason!.Trim();
        ReportedAt = now;
        Move(actor, LabRecordState.Reported, LabActions.Report, ReportReason, now);
        return Result.Success;
    }

    /// <summary>Circular 000 §三.3 and §二.(二).2: an admin whose jurisdiction covers the school passes a reported record.</summary>
    public Result Approve(Caller actor, string? comment, TimeProvider clock)
    {
        var refusal = CheckReviewer(actor);
        if (refusal is not null)
        {
            return refusal;
        }
        if (comment is { Length: > MaxReasonLength })
        {
            return ValidationError.For("Comment", $"审核意见不能超过 {MaxReasonLength} 字");
        }
        var now = clock.GetUtcNow();
        SetReview(actor, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now);
        Move(actor, LabRecordState.Approved, LabActions.Approve, ReviewComment, now);
        return Result.Success;
    }

    /// <summary>Circular 000 §三.3: a returned record is shown only to its teacher.</summary>
    public Result Return(Caller actor, string? comment, TimeProvider clock)
    {
        var refusal = CheckReviewer(actor);
        if (refusal is not null)
        {
            return refusal;
        }
        if (ReasonProblem(comment, "退回理由", "Comment") is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        SetReview(actor, comment!.Trim(), now);
        Move(actor, LabRecordState.Returned, LabActions.Return, ReviewComment, now);
        return Result.Success;
    }

    /// <summary>
    /// Circular 000 §三.3: "审核后的信息只能由各级管理员撤消审核". Any admin whose jurisdiction covers the school
    /// (school, county or city, whoever reviewed it) revokes a pass or a return; the record goes back to the review
    /// queue. As with reviewing, an admin does not revoke the review of their own record.
    /// </summary>
    public Result RevokeReview(Caller actor, string? reason, TimeProvider clock)
    {
        if (CheckCanRevoke(actor) is { } refusal)
        {
            return refusal;
        }
        if (ReasonProblem(reason, "撤消理由", "Reason") is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        ClearReview();
        Move(actor, LabRecordState.Reported, LabActions.RevokeReview, reason!.Trim(), now);
        return Result.Success;
    }

    /// <summary>Circular 000 §三.1 and §三.3: drafts and returned records can be deleted by their teacher, for good.</summary>
    public Result CheckCanDelete(Caller actor)
    {
        if (!IsOwnedBy(actor))
        {
            return new ForbiddenError("只有记录的上传教师可以删除。");
        }
        return State is LabRecordState.Draft or LabRecordState.Returned
            ? Result.Success
            : new ConflictError("只有未发布或已退回的记录可以删除；已发布的记录请先撤回。");
    }

    /// <summary>
    /// What <paramref name="caller"/> may do with the record now: each flag is the guard of the transition it offers
    /// (the same check the transition runs first), so a page never offers what the transition would refuse.
    /// </summary>
    public LabRecordPermissions PermissionsFor(Caller caller) => new(
        Edit: CheckCanEdit(caller) is null,
        Publish: CheckCanPublish(caller) is null,
        Withdraw: CheckCanWithdraw(caller) is null,
        Delete: CheckCanDelete(caller).Succeeded,
        Report: CheckCanReport(caller) is null,
        Review: CheckReviewer(caller) is null,
        Revoke: CheckCanRevoke(caller) is null,
        // Its teacher, and the admins over the school who review it.
        SeeHistory: IsOwnedBy(caller) || IsOverseenBy(caller));

    /// <summary>An admin whose jurisdiction covers the record's school (who reviews it and revokes reviews).</summary>
    public bool IsOverseenBy(Caller caller) => caller.IsAdmin && caller.Covers(SchoolPath);

    private Error? CheckCanEdit(Caller actor)
    {
        if (!IsOwnedBy(actor))
        {
            return new NotFoundError();
        }
        return State != LabRecordState.Draft ? new ConflictError("只有未发布的记录可以修改。") : null;
    }

    private Error? CheckCanPublish(Caller actor)
    {
        if (!IsOwnedBy(actor))
        {
            return new ForbiddenError("只有记录的上传教师可以发布。");
        }
        if (State == LabRecordState.Returned)
        {
            return new ConflictError("该记录已被管理员退回，不能再发布；您可以保留或删除它。");
        }
        return State != LabRecordState.Draft ? new ConflictError("该记录已发布。") : null;
    }

    private Error? CheckCanWithdraw(Caller actor)
    {
        if (!IsOwnedBy(actor))
        {
            return new ForbiddenError("只有记录的上传教师可以撤回。");
        }
        if (State is not (LabRecordState.SelfPublished or LabRecordState.Approved))
        {
            return new ConflictError(State == LabRecordState.Reported
                ? "该记录被举报，正在等待管理员审核，暂不能撤回。"
                : "只有已发布的记录可以撤回。");
        }
        return null;
    }

    private Error? CheckCanReport(Caller actor)
    {
        if (State == LabRecordState.Approved)
        {
            return new ConflictError("该记录已由管理员审核通过，不能再举报。");
        }
        if (State == LabRecordState.Reported)
        {
            return new ConflictError("该记录已被举报，正在等待管理员审核。");
        }
        if (State != LabRecordState.SelfPublished)
        {
            return new NotFoundError();
        }
        return IsOwnedBy(actor) ? new ForbiddenError("不能举报自己的记录。") : null;
    }

    private Error? CheckCanRevoke(Caller actor)
    {
        if (!actor.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以撤消审核。");
        }
        if (!actor.Covers(SchoolPath))
        {
            return new NotFoundError();
        }
        if (State is not (LabRecordState.Approved or LabRecordState.Returned))
        {
            return new ConflictError("该记录没有可撤消的审核，可能已被其他管理员处理。");
        }
        return IsOwnedBy(actor) ? new ForbiddenError("不能撤消对自己上传记录的审核，请由其他管理员处理。") : null;
    }

    /// <summary>A missing, too short or too long reason, as the message on its field.</summary>
    private static ValidationError? ReasonProblem(string? reason, string label, string field) =>
        LabRecordRules.CheckReason(reason, label) is { } problem ? ValidationError.For(field, problem) : null;

    private Error? CheckReviewer(Caller actor)
    {
        if (!actor.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以审核被举报的记录。");
        }
        if (!actor.Covers(SchoolPath))
        {
            return new NotFoundError();
        }
        if (State != LabRecordState.Reported)
        {
            return new ConflictError("该记录已被其他管理员处理，请刷新后查看。");
        }
        if (IsOwnedBy(actor))
        {
            return new ForbiddenError("不能审核自己上传的记录，请由其他管理员审核。");
        }
        return null;
    }

    private void SetReview(Caller actor, string? comment, DateTimeOffset now)
    {
        ReviewerId = actor.UserId;
        ReviewerName = actor.RealName;
        ReviewerLevel = actor.Level;
        ReviewComment = comment;
        ReviewedAt = now;
    }

    private void ClearReview()
    {
        ReviewerId = null;
        ReviewerName = null;
        ReviewerLevel = null;
        ReviewComment = null;
        ReviewedAt = null;
    }

    private void Move(Caller actor, LabRecordState to, string action, string? reason, DateTimeOffset now)
    {
        var from = State;
        State = to;
        Shown = to.IsShown();
        Record(actor, from, to, action, reason, now);
        Touch(now);
    }

    private void Record(Caller actor, LabRecordState? from, LabRecordState to, string action, string? reason, DateTimeOffset now) =>
        _transitions.Add(new LabRecordTransition(Id, now, actor.UserId, actor.RealName, from, to, action, reason));

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
