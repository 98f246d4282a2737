namespace EduPortal.Domain.Smartboards;

/// <summary>
/// What a ticket needs to know about its device when it is raised, read by the service from the register.
/// <paramref name="TownshipId"/> is null for a school directly under the county.
/// </summary>
public sealed record RepairDevice(
    long DeviceId,
    string AssetTag,
    string DeviceName,
    string? ClassroomName,
    int SchoolId,
    string SchoolName,
    string SchoolPath,
    int? TownshipId,
    int CountyId,
    string? HeadTeacherId,
    bool IsScrapped,
    bool HasOpenTicket);
