namespace EduPortal.Domain.Common;

/// <summary>
/// The holiday arrangements a new installation starts with. The State Council publishes each year's arrangement
/// around November of the year before; the bureau (county or city admin, page 节假日与调休) edits the stored years
/// every year, so these are only a starting point. 2026 is the published arrangement (as the State Council published it in November 2025);
/// 2027 follows the same pattern and is provisional until the 2027 notice appears.
/// </summary>
public static class DefaultWorkingCalendars
{
    public static IReadOnlyList<(int Year, DateOnly[] Holidays, DateOnly[] MakeUpDays)> Years { get; } =
    [
        (2026,
            [
                .. Days(2026, 1, 1, 3),     // 元旦 1月1日至3日, 1月4日(周日)上班
                .. Days(2026, 2, 15, 9),    // 春节 2月15日至23日, 2月14日(周六)、2月28日(周六)上班
                .. Days(2026, 4, 4, 3),     // 清明节 4月4日至6日
                .. Days(2026, 5, 1, 5),     // 劳动节 5月1日至5日, 5月9日(周六)上班
                .. Days(2026, 6, 19, 3),    // 端午节 6月19日至21日
                .. Days(2026, 9, 25, 3),    // 中秋节 9月25日至27日
                .. Days(2026, 10, 1, 7),    // 国庆节 10月1日至7日, 9月20日(周日)、10月10日(周六)上班
            ],
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)]),
        (2027,
            [
                .. Days(2027, 1, 1, 3),     // 元旦 1月1日(周五)至3日
                .. Days(2027, 2, 5, 9),     // 春节 除夕2月5日至2月13日 (provisional)
                .. Days(2027, 4, 3, 3),     // 清明节 4月3日至5日
                .. Days(2027, 5, 1, 5),     // 劳动节 5月1日至5日 (provisional)
                .. Days(2027, 6, 9, 1),     // 端午节 6月9日 (provisional)
                .. Days(2027, 9, 15, 1),    // 中秋节 9月15日 (provisional)
                .. Days(2027, 10, 1, 7),    // 国庆节 10月1日至7日 (provisional)
            ],
            [new(2027, 2, 20), new(2027, 4, 25), new(2027, 5, 8), new(2027, 9, 26), new(2027, 10, 9)]),
    ];

    public static IEnumerable<WorkingCalendarYear> Create(DateTimeOffset now) =>
        Years.Select(y => WorkingCalendarYear.Create(y.Year, y.Holidays, y.MakeUpDays, null, now).Value!);

    private static IEnumerable<DateOnly> Days(int year, int month, int day, int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(year, month, day).AddDays(i));
}
