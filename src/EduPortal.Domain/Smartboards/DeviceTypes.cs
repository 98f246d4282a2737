namespace EduPortal.Domain.Smartboards;

public static class DeviceTypes
{
    public static readonly IReadOnlyList<DeviceType> All =
    [
        DeviceType.InteractiveDisplay, DeviceType.Whiteboard, DeviceType.Projector, DeviceType.Computer,
        DeviceType.Visualizer, DeviceType.Audio, DeviceType.Network, DeviceType.Other,
    ];

    public static string DisplayName(this DeviceType type) => type switch
    {
        DeviceType.InteractiveDisplay => "交互式一体机",
        DeviceType.Whiteboard => "电子白板",
        DeviceType.Projector => "投影",
        DeviceType.Computer => "电脑",
        DeviceType.Visualizer => "展台",
        DeviceType.Audio => "音响",
        DeviceType.Network => "网络设备",
        DeviceType.Other => "其他",
        _ => "其他",
    };

    /// <summary>
    /// Interactive teaching equipment: a class whose room has one of these in use counts as equipped in the
    /// 班班通 coverage (circular 003 preamble: 1650个班级…占 82.9%).
    /// </summary>
    public static bool IsInteractive(this DeviceType type) => type is DeviceType.InteractiveDisplay or DeviceType.Whiteboard;

    public static DeviceType? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        foreach (var type in All)
        {
            if (type.DisplayName() == trimmed)
            {
                return type;
            }
        }
        return trimmed switch
        {
            "一体机" or "触控一体机" => DeviceType.InteractiveDisplay,
            "白板" => DeviceType.Whiteboard,
            "投影仪" or "投影机" => DeviceType.Projector,
            "计算机" or "台式机" or "笔记本" => DeviceType.Computer,
            "实物展台" or "视频展台" => DeviceType.Visualizer,
            "功放" or "音箱" => DeviceType.Audio,
            "交换机" or "路由器" => DeviceType.Network,
            _ => null,
        };
    }
}
