namespace EduPortal.Domain.Smartboards;

/// <summary>The reporter's or head teacher's acceptance of a resolved ticket (验收).</summary>
public enum RepairVerdict
{
    /// <summary>修好: the ticket closes, the device returns to service.</summary>
    Fixed = 1,
    /// <summary>返修: the ticket reopens at the same tier.</summary>
    Rework = 2,
    /// <summary>报废: the ticket closes and the device is scrapped.</summary>
    Scrap = 3,
}

/// <summary>What the register must do to the device after a ticket's transition.</summary>
public enum DeviceOutcome
{
    None = 0,
    ReturnToService = 1,
    Scrap = 2,
}

public static class RepairVerdicts
{
    public static string DisplayName(this RepairVerdict verdict) => verdict switch
    {
        RepairVerdict.Fixed => "修好",
        RepairVerdict.Rework => "返修",
        RepairVerdict.Scrap => "报废",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };
}
