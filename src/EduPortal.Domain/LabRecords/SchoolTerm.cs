namespace EduPortal.Domain.LabRecords;

/// <summary>
/// A school term (学期): the autumn term runs from 1 August to the end of January, the spring term from
/// 1 February to the end of July, so the holidays fall into the term they follow.
/// </summary>
public readonly record struct SchoolTerm(DateOnly Start, DateOnly End)
{
    public static SchoolTerm Containing(DateOnly date)
    {
        if (date.Month >= 8)
        {
            return new SchoolTerm(new DateOnly(date.Year, 8, 1), new DateOnly(date.Year + 1, 1, 31));
        }
        if (date.Month == 1)
        {
            return new SchoolTerm(new DateOnly(date.Year - 1, 8, 1), new DateOnly(date.Year, 1, 31));
        }
        return new SchoolTerm(new DateOnly(date.Year, 2, 1), new DateOnly(date.Year, 7, 31));
    }

    public bool IsAutumn => Start.Month == 8;

    /// <summary>2026-2027学年第一学期.</summary>
    public string Name => IsAutumn ? $"{Start.Year}-{Start.Year + 1}学年第一学期" : $"{Start.Year - 1}-{Start.Year}学年第二学期";

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>Weeks run Monday to Sunday (China calendar).</summary>
public static class Weeks
{
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
