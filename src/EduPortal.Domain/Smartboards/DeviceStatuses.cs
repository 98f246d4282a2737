namespace EduPortal.Domain.Smartboards;

public static class DeviceStatuses
{
    public static readonly IReadOnlyList<DeviceStatus> All = [DeviceStatus.InUse, DeviceStatus.UnderRepair, DeviceStatus.Idle, DeviceStatus.Scrapped];

    public static string DisplayName(this DeviceStatus status) => status switch
    {
        DeviceStatus.InUse => "在用",
        DeviceStatus.UnderRepair => "维修中",
        DeviceStatus.Idle => "闲置",
        DeviceStatus.Scrapped => "报废",
        _ => "未知",
    };

    public static DeviceStatus? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        foreach (var status in All)
        {
            if (status.DisplayName() == trimmed)
            {
                return status;
            }
        }
        return trimmed switch
        {
            "正常" or "使用中" => DeviceStatus.InUse,
            "维修" or "故障" => DeviceStatus.UnderRepair,
            "停用" => DeviceStatus.Idle,
            "已报废" => DeviceStatus.Scrapped,
            _ => null,
        };
    }

    /// <summary>
    /// The allowed status changes. Scrapped is final; a device under repair comes back only through
    /// <see cref="Device.ReturnToService"/> (or is scrapped); only an idle or in-use device goes to repair.
    /// </summary>
    public static bool CanMoveTo(this DeviceStatus from, DeviceStatus to) => (from, to) switch
    {
        (DeviceStatus.InUse, DeviceStatus.UnderRepair) => true,
        (DeviceStatus.InUse, DeviceStatus.Idle) => true,
        (DeviceStatus.InUse, DeviceStatus.Scrapped) => true,
        (DeviceStatus.UnderRepair, DeviceStatus.InUse) => true,
        (DeviceStatus.UnderRepair, DeviceStatus.Idle) => true,
        (DeviceStatus.UnderRepair, DeviceStatus.Scrapped) => true,
        (DeviceStatus.Idle, DeviceStatus.InUse) => true,
        (DeviceStatus.Idle, DeviceStatus.UnderRepair) => true,
        (DeviceStatus.Idle, DeviceStatus.Scrapped) => true,
        _ => false,
    };
}
