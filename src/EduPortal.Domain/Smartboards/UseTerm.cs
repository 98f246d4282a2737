namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A school term for the use figures: the autumn term runs from 1 September to 14 February, the spring term from
/// 15 February to 31 August. A term counts at most <see cref="TeachingWeeks"/> teaching weeks; the weeks elapsed
/// are counted from its first day through the day asked about (a started week counts).
/// </summary>
public readonly record struct UseTerm(DateOnly Start, DateOnly End)
{
    public const int TeachingWeeks = 20;

    public static UseTerm Of(DateOnly day)
    {
        var autumnStart = new DateOnly(day.Month >= 9 ? day.Year : day.Year - 1, 9, 1);
        var springStart = new DateOnly(day.Month >= 9 ? day.Year + 1 : day.Year, 2, 15);
        return day >= springStart && day.Month < 9
            ? new UseTerm(springStart, new DateOnly(springStart.Year, 8, 31))
            : new UseTerm(autumnStart, springStart.AddDays(-1));
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>Teaching weeks from the term's start through <paramref name="day"/>, between 1 and <see cref="TeachingWeeks"/>.</summary>
    public int WeeksThrough(DateOnly day)
    {
        var last = day > End ? End : day;
        var weeks = last < Start ? 1 : (last.DayNumber - Start.DayNumber) / 7 + 1;
        return Math.Clamp(weeks, 1, TeachingWeeks);
    }

    public string Name => Start.Month == 9 ? $"{Start.Year}年秋季学期" : $"{Start.Year}年春季学期";
}
