namespace EduPortal.Domain.Circulars;

/// <summary>What a caller may do with a circular; built by <see cref="Circular.PermissionsFor"/> from the checks its transitions use.</summary>
public sealed record CircularPermissions(
    bool CanView,
    bool CanEdit,
    bool CanPublish,
    bool CanWithdraw,
    bool CanSeeReceipts,
    bool CanRemind,
    bool CanAcknowledge,
    bool CanReply);
