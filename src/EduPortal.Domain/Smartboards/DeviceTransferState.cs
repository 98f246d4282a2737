namespace EduPortal.Domain.Smartboards;

/// <summary>Stages of moving an idle device to another school (circular 004 三(一)2: 闲置设备的调配).</summary>
public enum DeviceTransferState
{
    /// <summary>发布调剂: the school offers the idle device to the county's other schools.</summary>
    Offered = 1,
    /// <summary>申请调入: a school asked for it; the county decides.</summary>
    Requested = 2,
    /// <summary>已调拨: the device now belongs to the receiving school.</summary>
    Completed = 3,
    /// <summary>已撤回: the offering school took the offer back.</summary>
    Withdrawn = 4,
}
