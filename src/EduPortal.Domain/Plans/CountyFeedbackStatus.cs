namespace EduPortal.Domain.Plans;

/// <summary>A county's feedback to the city (circular 002 五(六)): 草稿 → 已提交 → 已处理.</summary>
public enum CountyFeedbackStatus
{
    Draft = 0,
    Submitted = 1,
    Handled = 2,
}

public static class CountyFeedbackStatuses
{
    public static string DisplayName(this CountyFeedbackStatus status) => status switch
    {
        CountyFeedbackStatus.Draft => "草稿",
        CountyFeedbackStatus.Submitted => "已提交",
        CountyFeedbackStatus.Handled => "已处理",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
