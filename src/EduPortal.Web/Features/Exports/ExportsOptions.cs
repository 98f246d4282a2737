namespace EduPortal.Web.Features.Exports;

/// <summary>The <c>Exports</c> configuration section.</summary>
public sealed class ExportsOptions
{
    /// <summary>How long a finished file is kept for its owner (default 7 days).</summary>
    public TimeSpan FileLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Exports one user may have queued or running at once.</summary>
    public int MaxActivePerUser { get; set; } = 3;

    /// <summary>A queued or running export older than this was lost (the portal restarted mid-run) and is marked failed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(6);
}
