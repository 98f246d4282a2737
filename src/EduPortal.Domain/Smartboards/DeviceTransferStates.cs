namespace EduPortal.Domain.Smartboards;

public static class DeviceTransferStates
{
    public static string DisplayName(this DeviceTransferState state) => state switch
    {
        DeviceTransferState.Offered => "调剂中",
        DeviceTransferState.Requested => "待审批",
        DeviceTransferState.Completed => "已调拨",
        DeviceTransferState.Withdrawn => "已撤回",
        _ => "未知",
    };

    public static bool IsOpen(this DeviceTransferState state) => state is DeviceTransferState.Offered or DeviceTransferState.Requested;
}
