namespace EduPortal.Domain.LabRecords;

/// <summary>The states of circular 000 §三 发布流程.</summary>
public enum LabRecordState
{
    /// <summary>未发布: only its teacher sees it; it can only be published or deleted.</summary>
    Draft = 0,

    /// <summary>自审发布: shown at once, reviewer empty, anyone may report it.</summary>
    SelfPublished = 1,

    /// <summary>被举报: hidden from everyone but its teacher and the admins who review it.</summary>
    Reported = 2,

    /// <summary>审核通过: shown with the reviewer's name; can no longer be reported.</summary>
    Approved = 3,

    /// <summary>被退回: only its teacher sees it; may delete or keep it, never publish it again.</summary>
    Returned = 4,
}

public static class LabRecordStates
{
    public static string DisplayName(this LabRecordState state) => state switch
    {
        LabRecordState.Draft => "未发布",
        LabRecordState.SelfPublished => "自审发布",
        LabRecordState.Reported => "被举报待审核",
        LabRecordState.Approved => "审核通过",
        LabRecordState.Returned => "已退回",
        _ => state.ToString(),
    };

    /// <summary>States shown in the gallery and counted in statistics.</summary>
    public static bool IsShown(this LabRecordState state) => state is LabRecordState.SelfPublished or LabRecordState.Approved;
}

/// <summary>One step of a record's history: who moved it from which state to which, when and why.</summary>
public sealed class LabRecordTransition
{
    private LabRecordTransition()
    {
    }

    internal LabRecordTransition(long recordId, DateTimeOffset at, string actorId, string actorName, LabRecordState? from, LabRecordState to, string action, string? reason)
    {
        RecordId = recordId;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        From = from;
        To = to;
        Action = action;
        Reason = reason;
    }

    public long Id { get; private set; }
    public long RecordId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public LabRecordState? From { get; private set; }
    public LabRecordState To { get; private set; }

    /// <summary>One of <see cref="LabActions"/>.</summary>
    public string Action { get; private set; } = "";
    public string? Reason { get; private set; }
}

/// <summary>The transitions a record can take, named as in the UI.</summary>
public static class LabActions
{
    public const string Create = "create";
    public const string Publish = "publish";
    public const string Withdraw = "withdraw";
    public const string Report = "report";
    public const string Approve = "approve";
    public const string Return = "return";
    public const string RevokeReview = "revoke";

    public static string DisplayName(string action) => action switch
    {
        Create => "创建草稿",
        Publish => "自审发布",
        Withdraw => "撤回",
        Report => "举报",
        Approve => "审核通过",
        Return => "退回",
        RevokeReview => "撤消审核",
        _ => action,
    };
}
