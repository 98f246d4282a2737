using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Plans;

/// <summary>
/// A county's periodic feedback to the city (circular 002 五(六): "各县(区)将落实情况(经验做法、特色亮点、意见建议)和平台应用过程中
/// 遇到的困难和问题，及时反馈市电教馆"): four sections and attachments for one <see cref="FeedbackMonth"/>, written by the
/// county's admins as a draft and submitted; the city's admins reply and mark it 已处理.
/// </summary>
public sealed class CountyFeedback
{
    public const int MaxSectionLength = 2000;
    public const int MaxReplyLength = 1000;
    public const int MaxAttachments = 10;

    private CountyFeedback()
    {
    }

    public int Id { get; private set; }
    public int CountyUnitId { get; private set; }
    public string CountyName { get; private set; } = "";
    public string CountyPath { get; private set; } = "";
    public int Year { get; private set; }
    public int Month { get; private set; }
    /// <summary>经验做法.</summary>
    public string Practices { get; private set; } = "";
    /// <summary>特色亮点.</summary>
    public string Highlights { get; private set; } = "";
    /// <summary>意见建议.</summary>
    public string Suggestions { get; private set; } = "";
    /// <summary>困难和问题.</summary>
    public string Problems { get; private set; } = "";
    public CountyFeedbackStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedByName { get; private set; }
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public string? RepliedByName { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public string? HandledByName { get; private set; }
    public List<CountyFeedbackAttachment> Attachments { get; private set; } = [];

    public FeedbackMonth Period => new(Year, Month);

    /// <summary>A county's admins start the feedback for a month that has begun (this month or an earlier one), as a draft.</summary>
    public static Result<CountyFeedback> Start(Caller caller, PlanUnit county, FeedbackMonth period, DateOnly chinaToday)
    {
        if (!IsCountyAdmin(caller, county.Id) || county.Kind != OrgUnitKind.County)
        {
            return new ForbiddenError("只有县区管理员可以填写工作反馈。");
        }
        if (!period.IsValid || period.IsAfter(FeedbackMonth.Of(chinaToday)))
        {
            return ValidationError.For(nameof(Period), "只能填写本月或以前月份的反馈");
        }
        return new CountyFeedback
        {
            CountyUnitId = county.Id,
            CountyName = county.Name,
            CountyPath = county.Path,
            Year = period.Year,
            Month = period.Month,
            Status = CountyFeedbackStatus.Draft,
        };
    }

    public CountyFeedbackPermissions PermissionsFor(Caller caller) => new(
        CanView: CanView(caller),
        CanEdit: CanEdit(caller),
        CanReply: CanReply(caller),
        CanMarkHandled: CanReply(caller) && Status == CountyFeedbackStatus.Submitted);

    /// <summary>The county's own admins and the city's (admins above the county); never a school or township.</summary>
    public bool CanView(Caller caller) => caller.IsAdmin && caller.OrgKind is OrgUnitKind.City or OrgUnitKind.County && caller.Covers(CountyPath);

    /// <summary>The county's admins, while it is a draft.</summary>
    public bool CanEdit(Caller caller) => IsCountyAdmin(caller, CountyUnitId) && Status == CountyFeedbackStatus.Draft;

    /// <summary>The city's admins, once it is submitted.</summary>
    public bool CanReply(Caller caller) =>
        caller.IsAdmin && caller.OrgKind == OrgUnitKind.City && caller.Covers(CountyPath) && Status != CountyFeedbackStatus.Draft;

    private static bool IsCountyAdmin(Caller caller, int countyId) => caller.IsAdmin && caller.OrgKind == OrgUnitKind.County && caller.OrgUnitId == countyId;

    /// <summary>Saves the four sections of a draft (each may still be empty).</summary>
    public Result Edit(Caller caller, string? practices, string? highlights, string? suggestions, string? problems)
    {
        if (!CanEdit(caller))
        {
            return Refusal(caller);
        }
        var (a, b, c, d) = (practices?.Trim() ?? "", highlights?.Trim() ?? "", suggestions?.Trim() ?? "", problems?.Trim() ?? "");
        var error = new ValidationBuilder()
            .Check(a.Length <= MaxSectionLength, nameof(Practices), $"经验做法不能超过 {MaxSectionLength} 个字")
            .Check(b.Length <= MaxSectionLength, nameof(Highlights), $"特色亮点不能超过 {MaxSectionLength} 个字")
            .Check(c.Length <= MaxSectionLength, nameof(Suggestions), $"意见建议不能超过 {MaxSectionLength} 个字")
            .Check(d.Length <= MaxSectionLength, nameof(Problems), $"困难和问题不能超过 {MaxSectionLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        (Practices, Highlights, Suggestions, Problems) = (a, b, c, d);
        return Result.Success;
    }

    /// <summary>Submits the draft to the city: at least one of the four sections must say something.</summary>
    public Result Submit(Caller caller, DateTimeOffset now)
    {
        if (!CanEdit(caller))
        {
            return Refusal(caller);
        }
        if (Practices.Length + Highlights.Length + Suggestions.Length + Problems.Length == 0)
        {
            return ValidationError.For(nameof(Practices), "请至少填写一项反馈内容（经验做法、特色亮点、意见建议或困难和问题）");
        }
        Status = CountyFeedbackStatus.Submitted;
        SubmittedAt = now;
        SubmittedByName = caller.RealName;
        return Result.Success;
    }

    /// <summary>Attaches a file the upload pipeline has already content-checked and stored; only to a draft.</summary>
    public Result AddAttachment(Caller caller, string storedPath, string fileName, string contentType, DateTimeOffset now)
    {
        if (!CanEdit(caller))
        {
            return Refusal(caller);
        }
        if (Attachments.Count >= MaxAttachments)
        {
            return ValidationError.For("File", $"每份反馈最多上传 {MaxAttachments} 个附件");
        }
        Attachments.Add(new CountyFeedbackAttachment(storedPath, fileName, contentType, caller.RealName, now));
        return Result.Success;
    }

    /// <summary>The city's reply; a later reply replaces the earlier one (the audit log keeps both).</summary>
    public Result ReplyTo(Caller caller, string? text, DateTimeOffset now)
    {
        if (!CanReply(caller))
        {
            return Status == CountyFeedbackStatus.Draft && caller.OrgKind == OrgUnitKind.City && caller.IsAdmin
                ? new ConflictError("该反馈尚未提交。")
                : new ForbiddenError("只有市级管理员可以回复县区反馈。");
        }
        var t = text?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(t.Length > 0, nameof(Reply), "请填写回复内容")
            .Check(t.Length <= MaxReplyLength, nameof(Reply), $"回复不能超过 {MaxReplyLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Reply = t;
        RepliedAt = now;
        RepliedByName = caller.RealName;
        return Result.Success;
    }

    /// <summary>The city marks submitted feedback 已处理.</summary>
    public Result MarkHandled(Caller caller, DateTimeOffset now)
    {
        if (!CanReply(caller))
        {
            return new ForbiddenError("只有市级管理员可以处理已提交的县区反馈。");
        }
        if (Status == CountyFeedbackStatus.Handled)
        {
            return new ConflictError("该反馈已处理。");
        }
        Status = CountyFeedbackStatus.Handled;
        HandledAt = now;
        HandledByName = caller.RealName;
        return Result.Success;
    }

    private Error Refusal(Caller caller) =>
        IsCountyAdmin(caller, CountyUnitId) ? new ConflictError("该反馈已提交，不能再修改。") : new ForbiddenError("只有本县区管理员可以填写该反馈。");
}
