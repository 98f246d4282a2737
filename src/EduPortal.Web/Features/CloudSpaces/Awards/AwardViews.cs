using EduPortal.Domain.CloudSpaces;

namespace EduPortal.Web.Features.CloudSpaces.Awards;

public sealed record AwardRoundSummary(int Id, string Title, int Year, string CountyName, AwardPhase Phase, AwardSchedule Schedule, bool IsPublished, int Entries);

/// <summary>An entry as the round page lists it; <see cref="Experts"/> and <see cref="ScoredBy"/> are filled for the county admin only.</summary>
public sealed record AwardEntryRow(int Id, AwardKind Kind, int SchoolId, string SchoolPath, string SchoolName, string? TeacherName, string? SpaceUrl, string? Note,
    DateTimeOffset NominatedAt, string? NominatedByName, IReadOnlyList<string> Experts, int ScoredBy)
{
    public string DisplayName => TeacherName is { } teacher ? $"{teacher}（{SchoolName}）" : SchoolName;
}

public sealed record AwardExpertOption(string UserId, string RealName, string OrgName, string OrgPath);

public sealed record AwardTeacherOption(string UserId, string RealName);

public sealed record AwardRoundView(AwardRound Round, AwardRoundPermissions Permissions, AwardPhase Phase, IReadOnlyList<AwardEntryRow> Entries,
    IReadOnlyList<AwardExpertOption> Experts, IReadOnlyList<AwardTeacherOption> Teachers);

/// <summary>One line of the results: an entry's score, rank and tier (final: the admin's override if any).</summary>
public sealed record AwardResultRow(int EntryId, AwardKind Kind, string SchoolName, string? TeacherName, decimal? Score, int? Rank,
    AwardTier Tier, AwardTier FinalTier, bool TiedAtBoundary, string? OverrideNote, int Experts)
{
    public string DisplayName => TeacherName is { } teacher ? $"{teacher}（{SchoolName}）" : SchoolName;
    public string ScoreText => Score is { } s ? Kind == AwardKind.DeepTeacher ? s.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";
}

public sealed record AwardResultsView(AwardRound Round, bool IsPreview, IReadOnlyList<AwardResultRow> Rows, DateTimeOffset GeneratedAt);

/// <summary>An assigned entry on the expert's scoring page, with the expert's own marks only.</summary>
public sealed record ExpertAssignmentRow(int EntryId, AwardKind Kind, string SchoolName, string? TeacherName, string? SpaceUrl, string? Note,
    AwardScoreInput? Mine, DateTimeOffset? ScoredAt)
{
    public string DisplayName => TeacherName is { } teacher ? $"{teacher}（{SchoolName}）" : SchoolName;
}

public sealed record ExpertScoringView(AwardRound Round, bool CanScore, string? ClosedMessage, IReadOnlyList<ExpertAssignmentRow> Assignments);

/// <summary>The form of a round's dates and settings (dates as the date pickers bind them).</summary>
public sealed class AwardRoundInput
{
    public string Title { get; set; } = "";
    public DateTime? NominationStart { get; set; }
    public DateTime? NominationEnd { get; set; }
    public DateTime? ReviewStart { get; set; }
    public DateTime? ReviewEnd { get; set; }
    public DateTime? CommendationStart { get; set; }
    public DateTime? CommendationEnd { get; set; }
    public DateTime? DeepFrom { get; set; }
    public DateTime? DeepTo { get; set; }
    public int CommentBelow { get; set; }
    public int TrimFromExperts { get; set; }
    public int First { get; set; }
    public int Second { get; set; }
    public int Third { get; set; }

    public static AwardRoundInput From(AwardRound round) => new()
    {
        Title = round.Title,
        NominationStart = At(round.NominationStart),
        NominationEnd = At(round.NominationEnd),
        ReviewStart = At(round.ReviewStart),
        ReviewEnd = At(round.ReviewEnd),
        CommendationStart = At(round.CommendationStart),
        CommendationEnd = At(round.CommendationEnd),
        DeepFrom = At(round.DeepFrom),
        DeepTo = At(round.DeepTo),
        CommentBelow = round.CommentBelow,
        TrimFromExperts = round.TrimFromExperts,
        First = round.FirstPrizes,
        Second = round.SecondPrizes,
        Third = round.ThirdPrizes,
    };

    private static DateTime At(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
