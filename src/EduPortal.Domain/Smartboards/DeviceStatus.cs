namespace EduPortal.Domain.Smartboards;

/// <summary>Status of a device (SPEC §6): in use, under repair, idle, scrapped.</summary>
public enum DeviceStatus
{
    /// <summary>在用.</summary>
    InUse = 1,
    /// <summary>维修中.</summary>
    UnderRepair = 2,
    /// <summary>闲置 (may be offered to another school, circular 004 闲置设备的调配).</summary>
    Idle = 3,
    /// <summary>报废 (final).</summary>
    Scrapped = 4,
}
