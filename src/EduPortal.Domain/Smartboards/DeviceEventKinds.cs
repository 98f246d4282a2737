namespace EduPortal.Domain.Smartboards;

public static class DeviceEventKinds
{
    public static string DisplayName(this DeviceEventKind kind) => kind switch
    {
        DeviceEventKind.Registered => "登记入账",
        DeviceEventKind.Edited => "修改信息",
        DeviceEventKind.Moved => "调整教室",
        DeviceEventKind.RepairStarted => "送修",
        DeviceEventKind.ReturnedToService => "修复启用",
        DeviceEventKind.MarkedIdle => "转为闲置",
        DeviceEventKind.PutInUse => "投入使用",
        DeviceEventKind.Scrapped => "报废",
        DeviceEventKind.Imported => "台账导入",
        DeviceEventKind.TransferredOut => "调出",
        DeviceEventKind.TransferredIn => "调入",
        _ => "其他",
    };
}
