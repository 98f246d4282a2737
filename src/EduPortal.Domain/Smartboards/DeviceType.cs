namespace EduPortal.Domain.Smartboards;

/// <summary>Kinds of 班班通 equipment (circular 003; SPEC §6).</summary>
public enum DeviceType
{
    /// <summary>交互式一体机.</summary>
    InteractiveDisplay = 1,
    /// <summary>电子白板.</summary>
    Whiteboard = 2,
    /// <summary>投影.</summary>
    Projector = 3,
    /// <summary>电脑.</summary>
    Computer = 4,
    /// <summary>展台 (visualiser).</summary>
    Visualizer = 5,
    /// <summary>音响.</summary>
    Audio = 6,
    /// <summary>网络设备.</summary>
    Network = 7,
    /// <summary>其他.</summary>
    Other = 9,
}
