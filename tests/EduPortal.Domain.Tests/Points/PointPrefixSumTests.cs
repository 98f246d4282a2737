using EduPortal.Domain.Points;

namespace EduPortal.Domain.Tests.Points;

/// <summary>
/// The daily roll-up's year-to-date sums (issue 16): a span of days is the sums of the last row on or before its last day
/// less those of the last row before its first day, per points year. Sparse rows (days without points have none), spans
/// cutting months, starting on a year's first day, crossing points years, and spans with no row inside.
/// </summary>
public sealed class PointPrefixSumTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    /// <summary>A teacher's awards on some days of 2026: every category, a sign-in on some days, a deduction on one.</summary>
    private static List<PointAwardResult> Awards()
    {
        var random = new Random(16);
        var awards = new List<PointAwardResult>();
        long id = 0;
        for (var day = Jan1; day.Year == 2026; day = day.AddDays(1))
        {
            if (random.Next(3) == 0)
            {
                continue; // no row that day
            }
            if (random.Next(2) == 0)
            {
                awards.Add(new PointAwardResult(++id, day, PointTypes.Login, PointCategory.SpaceBuilding, random.Next(2), null));
            }
            foreach (var category in PointCategories.All)
            {
                if (random.Next(4) == 0)
                {
                    awards.Add(new PointAwardResult(++id, day, PointTypes.Courseware, category, random.Next(-1, 9), null));
                }
            }
        }
        return awards;
    }

    private static int[] Direct(IEnumerable<PointAwardResult> awards, DateOnly first, DateOnly last)
    {
        var inside = awards.Where(a => a.Day >= first && a.Day <= last).ToList();
        var (total, byCategory) = PointEngine.Summarize(inside);
        var signIns = inside.Where(a => a.Type == PointTypes.Login).Select(a => a.Day).Distinct().Count();
        return [total, .. byCategory, signIns];
    }

    private static int[] Cum(PointTeacherDay? row) => row is null ? new int[7]
        : [row.CumPoints, row.CumSpaceBuilding, row.CumTeachingApplication, row.CumInteraction, row.CumTeacherTraining, row.CumCampusManagement, row.CumSignInDays];

    /// <summary>What a reader does: the last row on or before the lookup's day, added or taken off.</summary>
    private static int[] FromLookups(IReadOnlyList<PointTeacherDay> rows, IEnumerable<PointPrefixLookup> lookups)
    {
        var sums = new int[7];
        foreach (var (year, through, sign) in lookups)
        {
            var cum = Cum(rows.LastOrDefault(r => r.Year == year && r.Day <= through));
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += sign * cum[i];
            }
        }
        return sums;
    }

    [Fact]
    public void Each_days_year_to_date_sums_are_its_figures_plus_the_previous_rows()
    {
        var rows = PointTeacherDay.ForYear("t", 2026, Awards());
        Assert.True(rows.Count > 150, "most days of the year have a row");
        Assert.Equal(rows.OrderBy(r => r.Day).Select(r => r.Day), rows.Select(r => r.Day));
        for (var i = 0; i < rows.Count; i++)
        {
            var before = i == 0 ? new int[7] : Cum(rows[i - 1]);
            int[] own = [rows[i].Points, rows[i].SpaceBuilding, rows[i].TeachingApplication, rows[i].Interaction, rows[i].TeacherTraining, rows[i].CampusManagement, rows[i].SignInDays];
            Assert.Equal(before.Zip(own, (b, o) => b + o), Cum(rows[i]));
        }
        Assert.Equal(Direct(Awards(), Jan1, new DateOnly(2026, 12, 31)), Cum(rows[^1]));
    }

    public static TheoryData<string, string> Spans => new()
    {
        { "2026-03-10", "2026-04-20" }, // cuts two months
        { "2026-01-01", "2026-02-07" }, // starts on the points year's first day: one lookup
        { "2026-05-01", "2026-05-31" }, // one whole month
        { "2026-06-07", "2026-06-07" }, // one day
        { "2026-12-31", "2026-12-31" }, // the year's last day
        { "2025-11-20", "2026-01-15" }, // starts in the year before
        { "2026-12-10", "2027-02-14" }, // crosses into the next points year
        { "2026-01-01", "2026-12-31" }, // the whole year
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void A_spans_sums_from_the_year_to_date_lookups_equal_the_sums_of_its_awards(string from, string to)
    {
        var (first, last) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var awards = Awards();
        // The same days in the next points year too (2027 shifted by a year), so a span crossing years reads both.
        var next = awards.Select(a => a with { Day = a.Day.AddYears(1) }).ToList();
        var rows = PointTeacherDay.ForYear("t", 2026, awards).Concat(PointTeacherDay.ForYear("t", 2027, next)).ToList();
        var lookups = PointPrefixPlan.For([DefaultPointRules.For(2025), DefaultPointRules.For(2026), DefaultPointRules.For(2027)], first, last);
        Assert.Equal(Direct([.. awards, .. next], first, last), FromLookups(rows, lookups));
    }

    [Fact]
    public void A_span_with_no_row_inside_sums_to_zero_though_the_teacher_has_rows_before_and_after()
    {
        var rows = PointTeacherDay.ForYear("t", 2026, [
            new PointAwardResult(1, new DateOnly(2026, 3, 1), PointTypes.Courseware, PointCategory.TeachingApplication, 5, null),
            new PointAwardResult(2, new DateOnly(2026, 3, 20), PointTypes.Courseware, PointCategory.TeachingApplication, 7, null),
        ]);
        var lookups = PointPrefixPlan.For([DefaultPointRules.For(2026)], new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 19));
        Assert.Equal(new int[7], FromLookups(rows, lookups));
        Assert.Equal(7, FromLookups(rows, PointPrefixPlan.For([DefaultPointRules.For(2026)], new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20)))[0]);
    }

    [Fact]
    public void A_span_inside_one_points_year_is_two_lookups_and_one_from_the_years_first_day()
    {
        var rules = DefaultPointRules.For(2026) with { StartDate = new DateOnly(2026, 9, 1) };
        Assert.Equal([new PointPrefixLookup(2026, new DateOnly(2026, 10, 20), 1), new PointPrefixLookup(2026, new DateOnly(2026, 10, 9), -1)],
            PointPrefixPlan.For([rules], new DateOnly(2026, 10, 10), new DateOnly(2026, 10, 20)));
        Assert.Equal([new PointPrefixLookup(2026, new DateOnly(2026, 10, 20), 1)], PointPrefixPlan.For([rules], new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 20)));
        Assert.Empty(PointPrefixPlan.For([rules], new DateOnly(2026, 3, 1), new DateOnly(2026, 8, 31)));
    }

    [Fact]
    public void Rows_of_two_teachers_or_out_of_day_order_are_refused()
    {
        var a = new PointTeacherDay { TeacherId = "a", Year = 2026, Day = new DateOnly(2026, 3, 2), Points = 1 };
        var b = new PointTeacherDay { TeacherId = "b", Year = 2026, Day = new DateOnly(2026, 3, 3), Points = 1 };
        var earlier = new PointTeacherDay { TeacherId = "a", Year = 2026, Day = new DateOnly(2026, 3, 1), Points = 1 };
        Assert.Throws<ArgumentException>(() => PointTeacherDay.Accumulate([a, b]));
        Assert.Throws<ArgumentException>(() => PointTeacherDay.Accumulate([a, earlier]));
        Assert.Throws<ArgumentException>(() => PointTeacherDay.Accumulate([a, a]));
    }
}
