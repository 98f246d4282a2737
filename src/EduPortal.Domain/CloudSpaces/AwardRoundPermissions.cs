namespace EduPortal.Domain.CloudSpaces;

/// <summary>What a caller may do with a round on a given day, answered by <see cref="AwardRound.PermissionsFor"/>.</summary>
public sealed record AwardRoundPermissions(
    bool CanView,
    bool CanEdit,
    bool CanNominate,
    bool CanAssign,
    bool CanScore,
    bool CanComputeDeep,
    bool CanPreviewResults,
    bool CanPublish,
    bool CanSeeResults)
{
    public static AwardRoundPermissions None { get; } = new(false, false, false, false, false, false, false, false, false);
}
