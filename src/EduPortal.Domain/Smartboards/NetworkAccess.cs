namespace EduPortal.Domain.Smartboards;

/// <summary>How a school reaches the internet (circular 004 三(一)1: 乡镇以上学校全部接入光纤，所有小学接入宽带).</summary>
public enum NetworkAccess
{
    /// <summary>未接入.</summary>
    None = 0,
    /// <summary>宽带 (ADSL, wireless or other non-fibre broadband).</summary>
    Broadband = 1,
    /// <summary>光纤 (fibre counts as broadband too).</summary>
    Fibre = 2,
}
