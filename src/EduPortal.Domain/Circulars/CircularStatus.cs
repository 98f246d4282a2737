namespace EduPortal.Domain.Circulars;

/// <summary>Where a circular is in its life: a draft has no document number; publishing assigns one; withdrawing keeps it (no reuse).</summary>
public enum CircularStatus
{
    /// <summary>草稿.</summary>
    Draft = 0,
    /// <summary>已发布.</summary>
    Published = 1,
    /// <summary>已撤回.</summary>
    Withdrawn = 2,
}

public static class CircularStatuses
{
    public static string DisplayName(this CircularStatus status) => status switch
    {
        CircularStatus.Draft => "草稿",
        CircularStatus.Published => "已发布",
        CircularStatus.Withdrawn => "已撤回",
        _ => "未知",
    };
}
