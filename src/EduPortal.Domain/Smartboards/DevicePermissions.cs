namespace EduPortal.Domain.Smartboards;

/// <summary>What a caller may do with a device; pages show the buttons this allows and services check it again.</summary>
public sealed record DevicePermissions(
    bool CanView,
    bool CanEdit,
    bool CanReportFault,
    bool CanMarkIdle,
    bool CanPutInUse,
    bool CanScrap,
    bool IsResponsible)
{
    public static DevicePermissions None { get; } = new(false, false, false, false, false, false, false);
}
