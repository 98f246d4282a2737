namespace EduPortal.Domain.Smartboards;

public enum RepairStepKind
{
    Raised = 1,
    Taken = 2,
    Worked = 3,
    Escalated = 4,
    AutoEscalated = 5,
    Resolved = 6,
    AcceptedFixed = 7,
    Reworked = 8,
    Scrapped = 9,
}

public static class RepairStepKinds
{
    public static string DisplayName(this RepairStepKind kind) => kind switch
    {
        RepairStepKind.Raised => "报修",
        RepairStepKind.Taken => "受理",
        RepairStepKind.Worked => "维修记录",
        RepairStepKind.Escalated => "申请上报",
        RepairStepKind.AutoEscalated => "超时自动上报",
        RepairStepKind.Resolved => "维修完成",
        RepairStepKind.AcceptedFixed => "验收：修好",
        RepairStepKind.Reworked => "验收：返修",
        RepairStepKind.Scrapped => "验收：报废",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
