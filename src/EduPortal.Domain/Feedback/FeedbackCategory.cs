namespace EduPortal.Domain.Feedback;

/// <summary>What a user's feedback is about (意见建议的类别).</summary>
public enum FeedbackCategory
{
    /// <summary>使用问题: something does not work or is unclear.</summary>
    Problem = 0,
    /// <summary>功能建议.</summary>
    Suggestion = 1,
    /// <summary>数据错误.</summary>
    DataError = 2,
    /// <summary>其他.</summary>
    Other = 3,
}

/// <summary>Where a user's feedback stands.</summary>
public enum FeedbackStatus
{
    /// <summary>待回复.</summary>
    Open = 0,
    /// <summary>已回复 (the editor may still add to it or close it).</summary>
    Answered = 1,
    /// <summary>已关闭.</summary>
    Closed = 2,
}

public static class FeedbackNames
{
    public static readonly IReadOnlyList<FeedbackCategory> Categories = [FeedbackCategory.Problem, FeedbackCategory.Suggestion, FeedbackCategory.DataError, FeedbackCategory.Other];

    public static string DisplayName(this FeedbackCategory category) => category switch
    {
        FeedbackCategory.Problem => "使用问题",
        FeedbackCategory.Suggestion => "功能建议",
        FeedbackCategory.DataError => "数据错误",
        FeedbackCategory.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string DisplayName(this FeedbackStatus status) => status switch
    {
        FeedbackStatus.Open => "待回复",
        FeedbackStatus.Answered => "已回复",
        FeedbackStatus.Closed => "已关闭",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
