namespace EduPortal.Domain.CloudSpaces;

/// <summary>Where a round stands on a China-time day (circular 001 §四(三)2–4).</summary>
public enum AwardPhase
{
    /// <summary>Before 报名 opens.</summary>
    NotStarted = 0,
    /// <summary>报名 (default 5/21–5/31): schools nominate.</summary>
    Nomination = 1,
    /// <summary>Between two phases when the admin left a gap.</summary>
    Between = 2,
    /// <summary>专家评选 (default 6/1–6/10): experts score.</summary>
    Review = 3,
    /// <summary>表彰 (default 6/11–6/20): results published, certificates issued.</summary>
    Commendation = 4,
    /// <summary>After 表彰 ends.</summary>
    Ended = 5,
}
