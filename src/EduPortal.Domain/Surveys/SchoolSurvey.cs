using System.Text.Json;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Surveys;

/// <summary>未开始 has no row; the others are a <see cref="SchoolSurvey"/>'s state.</summary>
public enum SurveyStatus
{
    NotStarted = 0,
    Draft = 1,
    Submitted = 2,
    Returned = 3,
}

public static class SurveyStatuses
{
    public static string DisplayName(this SurveyStatus status) => status switch
    {
        SurveyStatus.NotStarted => "未开始",
        SurveyStatus.Draft => "草稿",
        SurveyStatus.Submitted => "已提交",
        SurveyStatus.Returned => "已退回",
        _ => "未开始",
    };
}

/// <summary>
/// One school's survey form in one round. The school's own admins save drafts and submit; a submitted
/// form is locked until a county or city admin returns it with a comment. Every submission keeps a
/// snapshot and what changed since the previous one, so a re-submission's history shows who changed what.
/// </summary>
public sealed class SchoolSurvey
{
    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private SchoolSurvey()
    {
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public SurveyRound? Round { get; private set; }
    public int SchoolId { get; private set; }
    /// <summary>The school's org path, copied so jurisdiction applies without a join.</summary>
    public string SchoolPath { get; private set; } = "";
    public SurveyStatus Status { get; private set; }

    public string SchoolName { get; private set; } = "";
    public string LabLeadName { get; private set; } = "";
    public string LabLeadPhone { get; private set; } = "";
    public string AdminName { get; private set; } = "";
    public string AdminPhone { get; private set; } = "";
    public int? StudentCount { get; private set; }
    public int? ClassCount { get; private set; }
    public List<SurveySubjectRow> Rows { get; private set; } = [];

    /// <summary>Number of submissions so far (1 after the first submit).</summary>
    public int Version { get; private set; }
    /// <summary>Rotated on every change: an autosave from a stale tab cannot overwrite a submit.</summary>
    public Guid Revision { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedByName { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ReturnComment { get; private set; }
    public List<SurveyHistoryEntry> History { get; private set; } = [];

    public bool IsLocked => Status == SurveyStatus.Submitted;

    public static Result<SchoolSurvey> Start(SurveyRound round, int schoolId, string schoolPath, Caller caller, DateTimeOffset now)
    {
        var refusal = CheckEditor(round, schoolId, caller);
        if (refusal is not null)
        {
            return refusal;
        }
        return new SchoolSurvey
        {
            RoundId = round.Id,
            Round = round,
            SchoolId = schoolId,
            SchoolPath = schoolPath,
            Status = SurveyStatus.Draft,
            Revision = Guid.NewGuid(),
            UpdatedAt = now,
            UpdatedByName = caller.RealName,
        };
    }

    /// <summary>
    /// What <paramref name="caller"/> may do with a school's form in <paramref name="round"/> (<paramref name="survey"/> is
    /// null while the school has not started it): the same checks <see cref="SaveDraft"/> and <see cref="Return"/> run.
    /// </summary>
    public static SurveyPermissions PermissionsFor(SchoolSurvey? survey, SurveyRound round, int schoolId, string schoolPath, Caller caller)
    {
        var status = survey?.Status ?? SurveyStatus.NotStarted;
        return new SurveyPermissions(
            Edit: CheckCanEdit(round, schoolId, status, caller) is null,
            Return: CheckCanReturn(round, schoolPath, status, caller) is null);
    }

    /// <summary>The school's own admins edit its form while the round is open and the form is not submitted (SPEC §3).</summary>
    private static Error? CheckCanEdit(SurveyRound round, int schoolId, SurveyStatus status, Caller caller) =>
        CheckEditor(round, schoolId, caller)
        ?? (status == SurveyStatus.Submitted ? new ConflictError("调查表已提交，如需修改请联系县（区）管理员退回。") : null);

    /// <summary>A county or city admin over the school returns a submitted form while the round is open.</summary>
    private static Error? CheckCanReturn(SurveyRound round, string schoolPath, SurveyStatus status, Caller caller)
    {
        if (caller.Level < AdminLevel.County || !caller.Covers(schoolPath))
        {
            return new ForbiddenError("只有县级或市级管理员可以退回其管辖范围内学校的调查表。");
        }
        if (round.IsClosed)
        {
            return new ConflictError("本轮调查已经结束，不能再退回。");
        }
        return status != SurveyStatus.Submitted ? new ConflictError("只能退回已提交的调查表。") : null;
    }

    /// <summary>Only the school's own admins edit its form, only while the round is open (SPEC §3).</summary>
    private static Error? CheckEditor(SurveyRound round, int schoolId, Caller caller)
    {
        if (caller.Level != AdminLevel.School || caller.OrgUnitId != schoolId)
        {
            return new ForbiddenError("只有本校管理员可以填写本校的调查表。");
        }
        if (round.IsClosed)
        {
            return new ConflictError("本轮调查已经结束，不能再修改。");
        }
        return null;
    }

    public SurveyForm ToForm() => new()
    {
        SchoolName = SchoolName,
        LabLeadName = LabLeadName,
        LabLeadPhone = LabLeadPhone,
        AdminName = AdminName,
        AdminPhone = AdminPhone,
        StudentCount = StudentCount,
        ClassCount = ClassCount,
        Subjects = Rows.OrderBy(r => r.Position)
            .Select(r => new SurveySubjectEntry(r.Subject) { Teachers = r.Teachers, FullTime = r.FullTime, LabRooms = r.LabRooms })
            .ToList(),
    };

    /// <summary>Saves what is typed so far. A draft may be incomplete; lengths are still capped so nothing is cut silently.</summary>
    public Result SaveDraft(SurveyRound round, SurveyForm form, IReadOnlyList<string> subjects, Caller caller, DateTimeOffset now)
    {
        var refusal = CheckCanEdit(round, SchoolId, Status, caller);
        if (refusal is not null)
        {
            return refusal;
        }
        var normalized = form.Normalized(subjects);
        var tooLong = new ValidationBuilder()
            .Check(normalized.SchoolName.Length <= SurveyRules.MaxSchoolNameLength, nameof(SurveyForm.SchoolName), $"学校名称不能超过 {SurveyRules.MaxSchoolNameLength} 个字")
            .Check(normalized.LabLeadName.Length <= SurveyRules.MaxNameLength, nameof(SurveyForm.LabLeadName), $"实验管理负责人不能超过 {SurveyRules.MaxNameLength} 个字")
            .Check(normalized.AdminName.Length <= SurveyRules.MaxNameLength, nameof(SurveyForm.AdminName), $"管理员姓名不能超过 {SurveyRules.MaxNameLength} 个字")
            .Check(normalized.LabLeadPhone.Length <= 20, nameof(SurveyForm.LabLeadPhone), SurveyRules.PhoneMessage)
            .Check(normalized.AdminPhone.Length <= 20, nameof(SurveyForm.AdminPhone), SurveyRules.PhoneMessage)
            .Build();
        if (tooLong is not null)
        {
            return tooLong;
        }
        Apply(normalized);
        if (Status == SurveyStatus.NotStarted)
        {
            Status = SurveyStatus.Draft;
        }
        Touch(caller, now);
        return Result.Success;
    }

    /// <summary>Submits the form as saved; every rule must hold. Locks it and records a version.</summary>
    public Result Submit(SurveyRound round, IReadOnlyList<string> subjects, Caller caller, DateTimeOffset now)
    {
        var refusal = CheckEditor(round, SchoolId, caller);
        if (refusal is not null)
        {
            return refusal;
        }
        if (IsLocked)
        {
            return new ConflictError("调查表已提交。");
        }
        var form = ToForm().Normalized(subjects);
        var error = SurveyRules.Validate(form, subjects);
        if (error is not null)
        {
            return error;
        }
        var previous = History.Where(h => h.Action == SurveyHistoryAction.Submitted).OrderBy(h => h.Version).LastOrDefault();
        var changes = previous?.Snapshot() is { } before ? SurveyChanges.Between(before, form) : [];
        Apply(form);
        Version++;
        Status = SurveyStatus.Submitted;
        SubmittedAt = now;
        Touch(caller, now);
        History.Add(SurveyHistoryEntry.Submitted(Version, caller, now, JsonSerializer.Serialize(form, SnapshotJson),
            previous is null ? "首次提交" : changes.Count == 0 ? "重新提交（内容未变）" : string.Join("；", changes)));
        return Result.Success;
    }

    /// <summary>A county or city admin whose jurisdiction covers the school sends a submitted form back with a comment.</summary>
    public Result Return(SurveyRound round, string comment, Caller caller, DateTimeOffset now)
    {
        if (CheckCanReturn(round, SchoolPath, Status, caller) is { } refusal)
        {
            return refusal;
        }
        var trimmed = comment?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(trimmed.Length > 0, "Comment", "请填写退回原因，学校据此修改")
            .Check(trimmed.Length <= 300, "Comment", "退回原因不能超过 300 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Status = SurveyStatus.Returned;
        ReturnComment = trimmed;
        Touch(caller, now);
        History.Add(SurveyHistoryEntry.Returned(Version, caller, now, trimmed));
        return Result.Success;
    }

    private void Apply(SurveyForm form)
    {
        SchoolName = form.SchoolName;
        LabLeadName = form.LabLeadName;
        LabLeadPhone = form.LabLeadPhone;
        AdminName = form.AdminName;
        AdminPhone = form.AdminPhone;
        StudentCount = form.StudentCount;
        ClassCount = form.ClassCount;
        for (var i = 0; i < form.Subjects.Count; i++)
        {
            var entry = form.Subjects[i];
            var row = Rows.FirstOrDefault(r => r.Subject == entry.Subject);
            if (row is null)
            {
                row = new SurveySubjectRow(entry.Subject);
                Rows.Add(row);
            }
            row.Set(i, entry.Teachers, entry.FullTime, entry.LabRooms);
        }
        Rows.RemoveAll(r => form.For(r.Subject) is null);
    }

    private void Touch(Caller caller, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedByName = caller.RealName;
        Revision = Guid.NewGuid();
    }
}

/// <summary>One subject row of a school's form.</summary>
public sealed class SurveySubjectRow
{
    private SurveySubjectRow()
    {
    }

    internal SurveySubjectRow(string subject)
    {
        Subject = subject;
    }

    public int Id { get; private set; }
    public string Subject { get; private set; } = "";
    public int Position { get; private set; }
    public int? Teachers { get; private set; }
    public int? FullTime { get; private set; }
    public int? LabRooms { get; private set; }

    internal void Set(int position, int? teachers, int? fullTime, int? labRooms)
    {
        Position = position;
        Teachers = teachers;
        FullTime = fullTime;
        LabRooms = labRooms;
    }
}

public enum SurveyHistoryAction
{
    Submitted = 1,
    Returned = 2,
}

/// <summary>A submission (with its snapshot and what changed) or a return (with its comment).</summary>
public sealed class SurveyHistoryEntry
{
    private SurveyHistoryEntry()
    {
    }

    public int Id { get; private set; }
    public int SchoolSurveyId { get; private set; }
    public SurveyHistoryAction Action { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    /// <summary>The return comment, or for a submission what changed since the previous one.</summary>
    public string Note { get; private set; } = "";
    public string? SnapshotJson { get; private set; }

    public SurveyForm? Snapshot() => SnapshotJson is null ? null : JsonSerializer.Deserialize<SurveyForm>(SnapshotJson);

    internal static SurveyHistoryEntry Submitted(int version, Caller caller, DateTimeOffset at, string snapshot, string changes) =>
        By(SurveyHistoryAction.Submitted, version, caller, at, changes, snapshot);

    internal static SurveyHistoryEntry Returned(int version, Caller caller, DateTimeOffset at, string comment) =>
        By(SurveyHistoryAction.Returned, version, caller, at, comment, null);

    private static SurveyHistoryEntry By(SurveyHistoryAction action, int version, Caller caller, DateTimeOffset at, string note, string? snapshot) => new()
    {
        Action = action,
        Version = version,
        At = at,
        ActorId = caller.UserId,
        ActorName = caller.RealName,
        Note = note,
        SnapshotJson = snapshot,
    };
}
