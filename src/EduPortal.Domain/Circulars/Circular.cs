using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Circulars;

/// <summary>
/// A circular (通知) a city or county bureau sends to units of its subtree, modelled on circular 000 itself: document number
/// (渭市电教发〔2018〕9号), recipients by kind (各中心校、初中、区直学校), body, a timeline of dated milestones, a contact person and
/// phone, attachments. Drafts have no number; publication assigns the next number of the issuer's year and snapshots the
/// recipients; each recipient unit's admins acknowledge (签收) once; the issuer sees who has not and reminds them (催办).
/// </summary>
public sealed class Circular
{
    public const int MaxTitleLength = 100;
    public const int MaxBodyLength = 20000;
    public const int MaxContactNameLength = 30;
    public const int MaxMilestones = 10;
    public const int MaxAttachments = 10;
    public const string SystemPublisherName = "系统自动生成";

    private Circular()
    {
    }

    public int Id { get; private set; }
    public int IssuerUnitId { get; private set; }
    public string IssuerName { get; private set; } = "";
    public string IssuerPath { get; private set; } = "";
    public OrgUnitKind IssuerKind { get; private set; }

    /// <summary>The document number's prefix (e.g. 东教发); the year and number come at publication.</summary>
    public string DocumentPrefix { get; private set; } = "";
    public int? Year { get; private set; }
    public int? Number { get; private set; }
    /// <summary>东教发〔2026〕3号; null while a draft.</summary>
    public string? DocumentNumber { get; private set; }

    public string Title { get; private set; } = "";
    public string BodyMarkdown { get; private set; } = "";
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public CircularStatus Status { get; private set; }
    /// <summary>Made by a job (a weekly bulletin), not written by an editor.</summary>
    public bool IsGenerated { get; private set; }

    /// <summary>Teachers of recipient schools see it too (they do not acknowledge: acknowledgement is per unit).</summary>
    public bool ForTeachers { get; private set; }
    public string SelectedUnitIds { get; private set; } = "";
    public RecipientKinds SelectedKinds { get; private set; }

    public ReplyMode ReplyMode { get; private set; }
    public DateOnly? ReplyDueDate { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedByName { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnByName { get; private set; }

    public List<CircularMilestone> Milestones { get; private set; } = [];
    public List<CircularAttachment> Attachments { get; private set; } = [];
    public List<CircularRecipient> Recipients { get; private set; } = [];
    public List<CircularReminder> Reminders { get; private set; } = [];

    public RecipientSelection Selection => new(RecipientSelection.ParseUnitIds(SelectedUnitIds), SelectedKinds);

    /// <summary>Bureau editors (公文编辑) of a city or county bureau write circulars; nobody else does.</summary>
    public static bool CanWrite(Caller caller) =>
        caller.Has(Capability.BureauEditor) && caller.IsAdmin && caller.OrgKind is OrgUnitKind.City or OrgUnitKind.County;

    /// <summary>A new empty draft of the caller's own bureau.</summary>
    public static Result<Circular> StartDraft(Caller caller, DateTimeOffset now)
    {
        if (!CanWrite(caller))
        {
            return new ForbiddenError("只有市、县区教育局的公文编辑可以起草通知。");
        }
        return new Circular
        {
            IssuerUnitId = caller.OrgUnitId,
            IssuerName = caller.OrgUnitName,
            IssuerPath = caller.OrgPath,
            IssuerKind = caller.OrgKind,
            DocumentPrefix = Circulars.DocumentNumber.DefaultPrefix(caller.OrgUnitName, caller.OrgKind),
            Status = CircularStatus.Draft,
            CreatedAt = now,
            CreatedByName = caller.RealName,
            ReplyMode = ReplyMode.None,
        };
    }

    /// <summary>A circular a job publishes (a weekly bulletin): no editor, the whole subtree as recipients.</summary>
    public static Result<Circular> Generated(int issuerUnitId, string issuerName, string issuerPath, OrgUnitKind issuerKind, string? prefix,
        string title, string bodyMarkdown, bool forTeachers, DateTimeOffset now)
    {
        var t = title?.Trim() ?? "";
        var p = string.IsNullOrWhiteSpace(prefix) ? Circulars.DocumentNumber.DefaultPrefix(issuerName, issuerKind) : prefix.Trim();
        var error = new ValidationBuilder()
            .Check(issuerKind is OrgUnitKind.City or OrgUnitKind.County, "IssuerUnitId", "只有市、县区教育局可以发布通知")
            .Check(t.Length is > 0 and <= MaxTitleLength, nameof(Title), $"标题应为 1–{MaxTitleLength} 个字")
            .Check(Circulars.DocumentNumber.IsValidPrefix(p), nameof(DocumentPrefix), "发文字号前缀无效")
            .Check((bodyMarkdown ?? "").Length <= MaxBodyLength, nameof(BodyMarkdown), $"正文不能超过 {MaxBodyLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        return new Circular
        {
            IssuerUnitId = issuerUnitId,
            IssuerName = issuerName,
            IssuerPath = issuerPath,
            IssuerKind = issuerKind,
            DocumentPrefix = p,
            Title = t,
            BodyMarkdown = bodyMarkdown ?? "",
            ForTeachers = forTeachers,
            SelectedKinds = RecipientKinds.Counties | RecipientKinds.Townships | RecipientKinds.AllSchools,
            Status = CircularStatus.Draft,
            IsGenerated = true,
            CreatedAt = now,
            CreatedByName = SystemPublisherName,
        };
    }

    public CircularPermissions PermissionsFor(Caller caller) => new(
        CanView: CanView(caller),
        CanEdit: CanEdit(caller),
        CanPublish: CanEdit(caller),
        CanWithdraw: Status == CircularStatus.Published && IsIssuerEditor(caller),
        CanSeeReceipts: CanSeeReceipts(caller),
        CanRemind: Status == CircularStatus.Published && IsIssuerEditor(caller) && Recipients.Any(r => !r.IsAcknowledged),
        CanAcknowledge: CanAcknowledge(caller),
        CanReply: CanReply(caller));

    /// <summary>The issuing bureau's editors, on their own unit's circulars.</summary>
    public bool IsIssuerEditor(Caller caller) => CanWrite(caller) && caller.OrgUnitId == IssuerUnitId;

    /// <summary>
    /// Drafts: the issuing bureau's staff. Sent circulars: also admins above the issuer, admins of a recipient unit or above
    /// one (a county follows a city circular to its schools), and — when addressed to teachers — teachers of a recipient school.
    /// </summary>
    public bool CanView(Caller caller)
    {
        if (caller.OrgUnitId == IssuerUnitId && (caller.IsAdmin || caller.Has(Capability.BureauEditor)))
        {
            return true;
        }
        if (Status == CircularStatus.Draft)
        {
            return false;
        }
        if (caller.IsAdmin)
        {
            return caller.Covers(IssuerPath) || Recipients.Any(r => caller.Covers(r.UnitPath));
        }
        return ForTeachers && Recipients.Any(r => r.UnitId == caller.OrgUnitId);
    }

    public bool CanEdit(Caller caller) => Status == CircularStatus.Draft && IsIssuerEditor(caller);

    /// <summary>The receipt list: the issuing bureau's staff and admins above it.</summary>
    public bool CanSeeReceipts(Caller caller) =>
        Status != CircularStatus.Draft && caller.IsAdmin && (caller.OrgUnitId == IssuerUnitId || caller.Covers(IssuerPath));

    /// <summary>The recipient row of the caller's own unit, when the caller is that unit's admin.</summary>
    public CircularRecipient? RecipientFor(Caller caller) =>
        caller.IsAdmin ? Recipients.FirstOrDefault(r => r.UnitId == caller.OrgUnitId) : null;

    public bool CanAcknowledge(Caller caller) =>
        Status == CircularStatus.Published && RecipientFor(caller) is { IsAcknowledged: false };

    public bool CanReply(Caller caller) =>
        Status == CircularStatus.Published && ReplyMode != ReplyMode.None && RecipientFor(caller) is not null;

    /// <summary>Saves the editor's content on a draft: every field is checked first, nothing changes when one is wrong.</summary>
    public Result Edit(Caller caller, CircularContent content)
    {
        if (!CanEdit(caller))
        {
            return Refusal(caller);
        }
        var title = content.Title?.Trim() ?? "";
        var prefix = content.DocumentPrefix?.Trim() ?? "";
        var body = content.BodyMarkdown ?? "";
        var contactName = string.IsNullOrWhiteSpace(content.ContactName) ? null : content.ContactName.Trim();
        var contactPhone = string.IsNullOrWhiteSpace(content.ContactPhone) ? null : content.ContactPhone.Trim();
        var builder = new ValidationBuilder()
            .Check(title.Length > 0, nameof(Title), "请填写标题")
            .Check(title.Length <= MaxTitleLength, nameof(Title), $"标题不能超过 {MaxTitleLength} 个字")
            .Check(Circulars.DocumentNumber.IsValidPrefix(prefix), nameof(DocumentPrefix), "请填写发文字号前缀（如：东教发），不含年份、括号和数字")
            .Check(body.Length <= MaxBodyLength, nameof(BodyMarkdown), $"正文不能超过 {MaxBodyLength} 个字")
            .Check(contactName is null || contactName.Length <= MaxContactNameLength, nameof(ContactName), $"联系人不能超过 {MaxContactNameLength} 个字")
            .Check(contactPhone is null || ContactPhones.IsValid(contactPhone), nameof(ContactPhone),
                "请输入有效的联系电话（手机号或固定电话，多个用空格分隔）")
            .Check(content.Milestones.Count <= MaxMilestones, "Milestones", $"时间节点最多 {MaxMilestones} 个")
            .Check(content.ReplyMode == ReplyMode.None || content.ReplyDueDate is not null, nameof(ReplyDueDate), "要求回复时请选择回复截止日期");
        for (var i = 0; i < content.Milestones.Count; i++)
        {
            CircularMilestone.Validate(builder, i, content.Milestones[i].Label, content.Milestones[i].Date);
        }
        if (builder.Build() is { } error)
        {
            return error;
        }
        Title = title;
        DocumentPrefix = prefix;
        BodyMarkdown = body;
        ContactName = contactName;
        ContactPhone = contactPhone;
        Milestones.Clear();
        Milestones.AddRange(content.Milestones.Select(m => new CircularMilestone(m.Label!, m.Date!.Value, m.IsDeadline)).OrderBy(m => m.Date));
        SelectedUnitIds = content.Recipients.UnitIdsText;
        SelectedKinds = content.Recipients.Kinds;
        ForTeachers = content.ForTeachers;
        ReplyMode = content.ReplyMode;
        ReplyDueDate = content.ReplyMode == ReplyMode.None ? null : content.ReplyDueDate;
        return Result.Success;
    }

    /// <summary>What publication still needs (an editor's draft): body, contact and at least one recipient.</summary>
    public ValidationError? ReadyToPublish(IReadOnlyList<RecipientCandidate> recipients) => new ValidationBuilder()
        .Check(Title.Length > 0, nameof(Title), "请填写标题")
        .Check(BodyMarkdown.Trim().Length > 0, nameof(BodyMarkdown), "请填写正文")
        .Check(IsGenerated || ContactName is not null, nameof(ContactName), "请填写联系人")
        .Check(IsGenerated || ContactPhone is not null, nameof(ContactPhone), "请填写联系电话")
        .Check(recipients.Count > 0, "Recipients", "请至少选择一个接收单位")
        .Build();

    /// <summary>
    /// Publishes the draft with the number the issuer's counter handed out for <paramref name="year"/> (inside the same
    /// transaction) and the recipients resolved from the selection at this moment (a snapshot).
    /// </summary>
    public Result Publish(Caller caller, int year, int number, IReadOnlyList<RecipientCandidate> recipients, DateTimeOffset now)
    {
        if (!CanEdit(caller))
        {
            return Refusal(caller);
        }
        return PublishAs(caller.RealName, year, number, recipients, now);
    }

    /// <summary>Publication of a <see cref="Generated"/> circular by its job.</summary>
    public Result PublishGenerated(int year, int number, IReadOnlyList<RecipientCandidate> recipients, DateTimeOffset now) =>
        IsGenerated && Status == CircularStatus.Draft
            ? PublishAs(SystemPublisherName, year, number, recipients, now)
            : new ConflictError("该通知已发布。");

    private Result PublishAs(string byName, int year, int number, IReadOnlyList<RecipientCandidate> recipients, DateTimeOffset now)
    {
        if (ReadyToPublish(recipients) is { } error)
        {
            return error;
        }
        if (number < 1)
        {
            return new ConflictError("文号无效。");
        }
        Year = year;
        Number = number;
        DocumentNumber = Circulars.DocumentNumber.Format(DocumentPrefix, year, number);
        Recipients.Clear();
        Recipients.AddRange(recipients.Select(r => new CircularRecipient(r)));
        Status = CircularStatus.Published;
        PublishedAt = now;
        PublishedByName = byName;
        return Result.Success;
    }

    /// <summary>The issuer withdraws a published circular: recipients can no longer acknowledge it; its number stays used.</summary>
    public Result Withdraw(Caller caller, DateTimeOffset now)
    {
        if (!IsIssuerEditor(caller))
        {
            return new ForbiddenError("只有发文单位的公文编辑可以撤回通知。");
        }
        return WithdrawAs(caller.RealName, now);
    }

    public Result WithdrawGenerated(DateTimeOffset now) => IsGenerated ? WithdrawAs(SystemPublisherName, now) : new ForbiddenError("只能撤回系统生成的通知。");

    private Result WithdrawAs(string byName, DateTimeOffset now)
    {
        if (Status != CircularStatus.Published)
        {
            return new ConflictError(Status == CircularStatus.Draft ? "草稿尚未发布。" : "该通知已撤回。");
        }
        Status = CircularStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawnByName = byName;
        return Result.Success;
    }

    /// <summary>
    /// 签收: an admin of a recipient unit acknowledges for the unit, once (a second admin of the same unit is told who did),
    /// only while the circular is published.
    /// </summary>
    public Result Acknowledge(Caller caller, DateTimeOffset now)
    {
        var recipient = RecipientFor(caller);
        if (recipient is null)
        {
            return new ForbiddenError("只有接收单位的管理员可以签收该通知。");
        }
        if (Status != CircularStatus.Published)
        {
            return new ConflictError("该通知已撤回，不能签收。");
        }
        if (recipient.IsAcknowledged)
        {
            return new ConflictError($"本单位已由{recipient.AcknowledgedByName}于 {ChinaTime.Format(recipient.AcknowledgedAt!.Value)} 签收。");
        }
        recipient.Acknowledge(caller.UserId, caller.RealName, now);
        return Result.Success;
    }

    /// <summary>
    /// 催办: the issuer reminds the units that have not acknowledged. At most once per China day per circular, so schools are
    /// not flooded.
    /// </summary>
    public Result<CircularReminder> Remind(Caller caller, DateTimeOffset now)
    {
        if (!IsIssuerEditor(caller))
        {
            return new ForbiddenError("只有发文单位的公文编辑可以催办。");
        }
        if (Status != CircularStatus.Published)
        {
            return new ConflictError("只能催办已发布的通知。");
        }
        var pending = Recipients.Count(r => !r.IsAcknowledged);
        if (pending == 0)
        {
            return new ConflictError("所有接收单位均已签收，无需催办。");
        }
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        if (Reminders.Any(r => DateOnly.FromDateTime(ChinaTime.ToChina(r.At).DateTime) == today))
        {
            return new ConflictError("今天已经催办过，请明天再催办。");
        }
        var reminder = new CircularReminder(now, caller.RealName, pending);
        Reminders.Add(reminder);
        return reminder;
    }

    /// <summary>The recipient was reminded and still has not acknowledged (shows 催办 on its home card).</summary>
    public bool IsRemindedPending(CircularRecipient recipient) => !recipient.IsAcknowledged && Reminders.Count > 0;

    /// <summary>
    /// A recipient admin's reply (a short text or a file the upload pipeline stored), replacing the unit's earlier reply.
    /// Accepted after the due date too, but then flagged late (<see cref="IsLate"/>). Answers the replaced file's path.
    /// </summary>
    public Result<string?> Reply(Caller caller, string? text, string? storedPath, string? fileName, string? contentType, DateTimeOffset now)
    {
        var recipient = RecipientFor(caller);
        if (recipient is null || ReplyMode == ReplyMode.None)
        {
            return new ForbiddenError(ReplyMode == ReplyMode.None ? "该通知无需回复。" : "只有接收单位的管理员可以回复该通知。");
        }
        if (Status != CircularStatus.Published)
        {
            return new ConflictError("该通知已撤回，不能回复。");
        }
        var t = text?.Trim() ?? "";
        if (ReplyMode == ReplyMode.Text)
        {
            var error = new ValidationBuilder()
                .Check(t.Length > 0, "ReplyText", "请填写回复内容")
                .Check(t.Length <= CircularRecipient.MaxReplyTextLength, "ReplyText", $"回复不能超过 {CircularRecipient.MaxReplyTextLength} 个字")
                .Build();
            if (error is not null)
            {
                return error;
            }
            return Result<string?>.Ok(recipient.Reply(t, null, null, null, caller.RealName, now));
        }
        if (storedPath is null)
        {
            return ValidationError.For("File", "请选择要上传的文件");
        }
        return Result<string?>.Ok(recipient.Reply(t.Length > 0 ? t[..Math.Min(t.Length, CircularRecipient.MaxReplyTextLength)] : null,
            storedPath, fileName, contentType, caller.RealName, now));
    }

    /// <summary>A reply sent after the due date's end (China time).</summary>
    public bool IsLate(CircularRecipient recipient) =>
        ReplyDueDate is { } due && recipient.RepliedAt is { } at && DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime) > due;

    /// <summary>Attaches a file the upload pipeline already checked and stored; only to a draft.</summary>
    public Result AddAttachment(Caller caller, string storedPath, string fileName, string contentType, long length, DateTimeOffset now)
    {
        if (!CanEdit(caller))
        {
            return Refusal(caller);
        }
        return AddAttachmentCore(storedPath, fileName, contentType, length, now);
    }

    /// <summary>Attaches a job's file (a bulletin's PDF and workbook) to a generated draft.</summary>
    public Result AddGeneratedAttachment(string storedPath, string fileName, string contentType, long length, DateTimeOffset now) =>
        IsGenerated && Status == CircularStatus.Draft
            ? AddAttachmentCore(storedPath, fileName, contentType, length, now)
            : new ConflictError("该通知已发布。");

    private Result AddAttachmentCore(string storedPath, string fileName, string contentType, long length, DateTimeOffset now)
    {
        if (Attachments.Count >= MaxAttachments)
        {
            return ValidationError.For("File", $"每份通知最多 {MaxAttachments} 个附件");
        }
        Attachments.Add(new CircularAttachment(storedPath, fileName, contentType, length, now));
        return Result.Success;
    }

    /// <summary>Removes an attachment from a draft; answers the removed file for deletion.</summary>
    public Result<CircularAttachment> RemoveAttachment(Caller caller, int attachmentId)
    {
        if (!CanEdit(caller))
        {
            return Refusal(caller);
        }
        var attachment = Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return new NotFoundError();
        }
        Attachments.Remove(attachment);
        return attachment;
    }

    /// <summary>The salutation line (主送): kinds by name, then units chosen one by one that no kind covers.</summary>
    public string RecipientsLine()
    {
        var kinds = SelectedKinds == RecipientKinds.None ? [] : RecipientKindNames.All.Where(k => SelectedKinds.HasFlag(k)).Select(k => k.DisplayName()).ToList();
        var ids = Selection.UnitIds.ToHashSet();
        var named = Recipients.Count > 0 ? Recipients.Where(r => ids.Contains(r.UnitId)).Select(r => r.UnitName).ToList() : [];
        var all = kinds.Concat(named).ToList();
        return all.Count == 0 ? "" : string.Join("、", all);
    }

    private Error Refusal(Caller caller) =>
        IsIssuerEditor(caller) ? new ConflictError("通知已发布，不能再修改。") : new ForbiddenError("只有发文单位的公文编辑可以修改该通知。");
}
