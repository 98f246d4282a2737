using System.Globalization;
using System.Text.RegularExpressions;
using EduPortal.Domain.Points;

namespace EduPortal.Domain.Tests.Points;

public sealed class PointEngineTests
{
    private static readonly PointRuleSet Rules2026 = DefaultPointRules.For(2026);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private int _sequence;

    /// <summary>2026-03-02 is a Monday.</summary>
    private static DateTimeOffset At(int month, int day, int hour = 9, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    private PointEventInput Event(string type, DateTimeOffset at, int? quantity = null, int? secondary = null, string source = "cloud")
    {
        _sequence++;
        return new PointEventInput(_sequence, type, at, source, $"e{_sequence:D5}", quantity, secondary);
    }

    private static IReadOnlyList<PointAwardResult> Award(params PointEventInput[] events) => PointEngine.Award(Rules2026, events);

    // circular 001 附件2, row by row: type, category, points, weekly cap, yearly cap, threshold (alternative).
    public static TheoryData<string, PointCategory, int, int?, int?, int?, int?> DefaultRows => new()
    {
        { PointTypes.ProfileComplete, PointCategory.SpaceBuilding, 20, null, 1, null, null },
        { PointTypes.ResourceShare, PointCategory.SpaceBuilding, 1, 5, null, null, null },
        { PointTypes.SpaceRecord, PointCategory.SpaceBuilding, 1, 5, null, null, null },
        { PointTypes.TeachingArticle, PointCategory.SpaceBuilding, 5, 1, null, null, null },
        { PointTypes.ArticleShare, PointCategory.SpaceBuilding, 1, 5, null, null, null },
        { PointTypes.InteractiveLesson, PointCategory.TeachingApplication, 5, 2, null, 15, null },
        { PointTypes.GuidedTest, PointCategory.TeachingApplication, 5, 2, null, 10, null },
        { PointTypes.Marking, PointCategory.TeachingApplication, 5, 2, null, 10, null },
        { PointTypes.ResourceSearch, PointCategory.TeachingApplication, 2, 1, null, 5, null },
        { PointTypes.Courseware, PointCategory.TeachingApplication, 10, 1, null, null, null },
        { PointTypes.ClassSetup, PointCategory.Interaction, 50, null, 1, 25, null },
        { PointTypes.ClassNotice, PointCategory.Interaction, 5, 2, null, 10, null },
        { PointTypes.ClassActivity, PointCategory.Interaction, 5, 1, null, 15, 5 },
        { PointTypes.HabitCheckIn, PointCategory.Interaction, 1, 5, null, null, null },
        { PointTypes.ResearchActivity, PointCategory.TeacherTraining, 5, 1, null, null, null },
        { PointTypes.CampusOffice, PointCategory.CampusManagement, 1, 10, null, null, null },
    };

    [Fact]
    public void The_default_table_has_every_row_of_the_circular_plus_the_lab_record_row()
    {
        Assert.Equal(18, DefaultPointRules.Rules.Count);
        Assert.Equal(DefaultRows.Count + 2, DefaultPointRules.Rules.Count); // + login and the lab row, tested on their own
        Assert.Null(Rules2026.Validate());
        Assert.Equal("1分/次，5次/每周", Rules2026.Find(PointTypes.ResourceShare)!.RuleText);
        Assert.Equal("20分/次，1次/每年", Rules2026.Find(PointTypes.ProfileComplete)!.RuleText);
    }

    // circular 001 附件2 (4) 深度应用指数计分项目事件一览表, copied from the circular: 一级分类, 二级分类, 计分规则,
    // and the number the 内容描述 sets as the condition (with the alternative of 班级活动).
    public static TheoryData<string, string, string, int?, int?> CircularTable => new()
    {
        { "空间建设", "空间登录", "1分/天", null, null },
        { "空间建设", "信息完善", "20分/次;1次/每年", null, null },
        { "空间建设", "资源建设", "1分/次,5次/每周", null, null },
        { "空间建设", "空间记录", "1分/次,5次/每周", null, null },
        { "空间建设", "教学成果", "5分/次,1次/每周", null, null },
        { "空间建设", "成果传播", "1分/次,5次/每周", null, null },
        { "教学应用", "互动授课", "5分/次;2次/每周", 15, null },
        { "教学应用", "导学检测", "5分/次;2次/每周", 10, null },
        { "教学应用", "练习批阅", "5分/次;2次/每周", 10, null },
        { "教学应用", "资源检索", "2分/次;1次/每周", 5, null },
        { "教学应用", "课件制作", "10分/次;1次/每周", null, null },
        { "师生互动", "班级组建", "50分/次;1次/每年", 25, null },
        { "师生互动", "班级通知", "5分/次;2次/每周", 10, null },
        { "师生互动", "班级活动", "5分/次;1次/每周", 15, 5 },
        { "师生互动", "习惯养成", "1分/次;5次/每周", null, null },
        { "教师研修", "教研活动", "5分/次;1次/每周", null, null },
        { "校园管理", "校园办公", "1分/次;10次/每周", null, null },
    };

    [Theory]
    [MemberData(nameof(CircularTable))]
    public void Each_default_row_is_the_circulars_row_exactly(string category, string name, string ruleText, int? threshold, int? alternative)
    {
        var rule = Assert.Single(DefaultPointRules.Rules, r => r.Name == name);
        var points = Regex.Match(ruleText, @"^(\d+)分/(次|天)");
        int? Cap(string period) => Regex.Match(ruleText, $@"(\d+)次/每{period}") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var daily = points.Groups[2].Value == "天";

        Assert.Equal(category, rule.Category.DisplayName());
        Assert.Equal(int.Parse(points.Groups[1].Value, CultureInfo.InvariantCulture), rule.Points);
        Assert.Equal(daily, rule.IsDaily);
        Assert.Equal(daily ? 1 : null, rule.DailyCap);
        Assert.Equal(Cap("周"), rule.WeeklyCap);
        Assert.Equal(Cap("年"), rule.YearlyCap);
        Assert.Equal((threshold, alternative), (rule.Threshold, rule.AlternativeThreshold));
        Assert.True(rule.Enabled);
    }

    [Fact]
    public void The_circulars_login_row_doubles_from_the_eighth_day_and_nothing_outside_the_circular_is_switched_on()
    {
        // 空间登录: "连续超过7天后，每天登录得2分".
        var login = Rules2026.Find(PointTypes.Login)!;
        Assert.Equal((8, 2), (login.StreakFromDay, login.StreakPoints));
        // Only the circular's 17 rows score by default: the portal's 实验课发布 row ships switched off.
        Assert.Equal(CircularTable.Count, DefaultPointRules.Rules.Count(r => r.Enabled));
        Assert.False(Rules2026.Find(PointTypes.LabRecordPublished)!.Enabled);
    }

    [Fact]
    public void The_lab_record_row_scores_nothing_by_default_and_two_points_once_a_district_switches_it_on()
    {
        var lab = Event(PointTypes.LabRecordPublished, At(3, 2));
        var off = Award(lab);
        Assert.Equal((0, "实验课发布本年度不计分"), (off[0].Points, off[0].Reason));

        var on = Rules2026 with { Rules = [.. Rules2026.Rules.Select(r => r.Type == PointTypes.LabRecordPublished ? r with { Enabled = true } : r)] };
        var events = Enumerable.Range(0, 6).Select(i => Event(PointTypes.LabRecordPublished, At(3, 2 + i))).ToArray();
        Assert.Equal([2, 2, 2, 2, 2, 0], PointEngine.Award(on, events).Select(a => a.Points));
    }

    [Theory]
    [MemberData(nameof(DefaultRows))]
    public void Each_default_row_scores_its_points_up_to_its_cap_and_no_further(
        string type, PointCategory category, int points, int? weeklyCap, int? yearlyCap, int? threshold, int? alternative)
    {
        var rule = Rules2026.Find(type)!;
        Assert.Equal((category, points, weeklyCap, yearlyCap, threshold, alternative),
            (rule.Category, rule.Points, rule.WeeklyCap, rule.YearlyCap, rule.Threshold, rule.AlternativeThreshold));

        var cap = weeklyCap ?? yearlyCap!.Value;
        // cap + 1 qualifying events in one week (Monday to Sunday).
        var events = Enumerable.Range(0, cap + 1).Select(i => Event(type, At(3, 2 + i % 7, 8 + i / 7), threshold)).ToArray();
        var awards = Award(events);

        Assert.All(awards.Take(cap), a => Assert.Equal((points, category), (a.Points, a.Category!.Value)));
        var refused = awards[cap];
        Assert.Equal(0, refused.Points);
        Assert.Equal(weeklyCap is { } week ? $"本周{rule.Name}已达上限 {week} 次" : $"本年度{rule.Name}已达上限 {yearlyCap} 次", refused.Reason);

        if (weeklyCap is not null)
        {
            // The next Monday opens a new week.
            var nextWeek = Award([.. events, Event(type, At(3, 9), threshold)]);
            Assert.Equal(points, nextWeek[^1].Points);
        }
        else
        {
            var later = Award([.. events, Event(type, At(11, 9), threshold)]);
            Assert.Equal(0, later[^1].Points);
        }
    }

    [Theory]
    [InlineData(PointTypes.InteractiveLesson, 14, "使用时长未满 15 分钟（本次 14 分钟）")]
    [InlineData(PointTypes.GuidedTest, 9, "30天内阅读或完成人数未满 10 人（本次 9 人）")]
    [InlineData(PointTypes.Marking, 9, "批阅人数未满 10 人（本次 9 人）")]
    [InlineData(PointTypes.ResourceSearch, 4, "收藏或下载教材资源未满 5 个（本次 4 个）")]
    [InlineData(PointTypes.ClassSetup, 24, "班级人数未满 25 人（本次 24 人）")]
    [InlineData(PointTypes.ClassNotice, 9, "参与的学生或家长账号未满 10 个（本次 9 个）")]
    public void Below_threshold_scores_nothing_says_why_and_does_not_use_up_the_cap(string type, int quantity, string reason)
    {
        var rule = Rules2026.Find(type)!;
        var below = Event(type, At(3, 2), quantity);
        var awards = Award([below, .. Enumerable.Range(0, rule.WeeklyCap ?? rule.YearlyCap!.Value).Select(i => Event(type, At(3, 3, 8 + i), rule.Threshold))]);

        Assert.Equal((0, reason), (awards[0].Points, awards[0].Reason));
        Assert.All(awards.Skip(1), a => Assert.Equal(rule.Points, a.Points));
    }

    [Fact]
    public void Class_activity_scores_on_participants_or_on_works()
    {
        var awards = Award(
            Event(PointTypes.ClassActivity, At(3, 2), 14, 4),
            Event(PointTypes.ClassActivity, At(3, 9), 3, 5),
            Event(PointTypes.ClassActivity, At(3, 16), 15, 0));

        Assert.Equal([0, 5, 5], awards.Select(a => a.Points));
        Assert.Equal("本周有效参与人数未满 15 人（本次 14 人），且点评或分享作品数未满 5 个（本次 4 个）", awards[0].Reason);
    }

    [Fact]
    public void An_event_updated_above_its_threshold_scores_on_recompute()
    {
        var early = Event(PointTypes.GuidedTest, At(3, 2), 6);
        Assert.Equal(0, Award(early)[0].Points);
        Assert.Equal(5, Award(early with { Quantity = 12 })[0].Points);
    }

    [Fact]
    public void Login_scores_one_a_day_and_two_from_the_eighth_consecutive_day()
    {
        var events = Enumerable.Range(0, 10).Select(i => Event(PointTypes.Login, At(3, 1 + i))).ToArray();
        var awards = Award(events);

        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 2, 2, 2], awards.Select(a => a.Points));
        Assert.Null(awards[0].Reason);
        Assert.Equal("连续登录第 7 天", awards[6].Reason);
        Assert.Equal("连续登录第 8 天，第 8 天起每天 2 分", awards[7].Reason);
        Assert.All(awards, a => Assert.Equal(PointCategory.SpaceBuilding, a.Category));
    }

    [Fact]
    public void A_missed_day_restarts_the_login_streak()
    {
        var days = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 10, 11 };
        var awards = Award(days.Select(d => Event(PointTypes.Login, At(3, d))).ToArray());

        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 2, 1, 1], awards.Select(a => a.Points));
        Assert.Equal("连续登录第 2 天", awards[^1].Reason);
    }

    [Fact]
    public void Several_sign_ins_a_day_count_once()
    {
        var awards = Award(Event(PointTypes.Login, At(3, 2, 8)), Event(PointTypes.Login, At(3, 2, 12)), Event(PointTypes.Login, At(3, 2, 23, 59)));

        Assert.Equal([1, 0, 0], awards.Select(a => a.Points));
        Assert.Equal("当天已计登录分，每天只计一次", awards[1].Reason);
    }

    [Fact]
    public void Days_and_weeks_are_china_time_whatever_the_offset_of_the_timestamp()
    {
        // 2026-03-08 16:30 UTC is Monday 2026-03-09 00:30 in China: a new week.
        var sunday = Enumerable.Range(0, 5).Select(i => Event(PointTypes.ResourceShare, At(3, 8, 10 + i))).ToArray();
        var utcMonday = Event(PointTypes.ResourceShare, new DateTimeOffset(2026, 3, 8, 16, 30, 0, TimeSpan.Zero));
        var awards = Award([.. sunday, utcMonday]);

        Assert.Equal(new DateOnly(2026, 3, 9), awards[^1].Day);
        Assert.Equal(1, awards[^1].Points);
    }

    [Fact]
    public void Weekly_cap_counts_monday_to_sunday()
    {
        Assert.Equal(new DateOnly(2026, 3, 2), PointEngine.WeekStart(new DateOnly(2026, 3, 8)));
        Assert.Equal(new DateOnly(2026, 3, 9), PointEngine.WeekStart(new DateOnly(2026, 3, 9)));
        // A week spanning the new year: 2025-12-29 (Monday) to 2026-01-04.
        Assert.Equal(new DateOnly(2025, 12, 29), PointEngine.WeekStart(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Events_outside_the_points_year_are_left_out()
    {
        var awards = Award(Event(PointTypes.Login, new DateTimeOffset(2025, 12, 31, 23, 0, 0, China)), Event(PointTypes.Login, At(1, 1, 0, 30)));
        Assert.Equal(new DateOnly(2026, 1, 1), Assert.Single(awards).Day);

        var shifted = Rules2026 with { StartDate = new DateOnly(2026, 9, 1) };
        Assert.Empty(PointEngine.Award(shifted, [Event(PointTypes.Login, At(8, 31))]));
        Assert.Single(PointEngine.Award(shifted, [Event(PointTypes.Login, new DateTimeOffset(2027, 8, 31, 9, 0, 0, China))]));
    }

    [Fact]
    public void Daily_cap_and_disabled_and_unknown_rows_say_why_they_score_nothing()
    {
        var rules = Rules2026 with
        {
            Rules = [.. Rules2026.Rules.Select(r => r.Type switch
            {
                PointTypes.CampusOffice => r with { DailyCap = 2 },
                PointTypes.HabitCheckIn => r with { Enabled = false },
                _ => r,
            })],
        };
        var awards = PointEngine.Award(rules,
        [
            Event(PointTypes.CampusOffice, At(3, 2, 8)), Event(PointTypes.CampusOffice, At(3, 2, 9)), Event(PointTypes.CampusOffice, At(3, 2, 10)),
            Event(PointTypes.CampusOffice, At(3, 3, 8)),
            Event(PointTypes.HabitCheckIn, At(3, 2)),
            Event("no-such-row", At(3, 2)),
        ]).OrderBy(a => a.EventId).ToList();

        Assert.Equal([1, 1, 0, 1, 0, 0], awards.Select(a => a.Points));
        Assert.Equal("今日校园办公已达上限 2 次", awards[2].Reason);
        Assert.Equal("习惯养成本年度不计分", awards[4].Reason);
        Assert.Equal("未知的计分项目，不计分", awards[5].Reason);
    }

    [Fact]
    public void Ties_in_time_are_broken_by_source_then_external_id()
    {
        var at = At(3, 2);
        var b = new PointEventInput(1, PointTypes.TeachingArticle, at, "zeta", "1");
        var a = new PointEventInput(2, PointTypes.TeachingArticle, at, "alpha", "9");
        var awards = Award(b, a);

        Assert.Equal(2, awards[0].EventId);
        Assert.Equal((5, 0), (awards[0].Points, awards[1].Points));
    }

    [Fact]
    public void Shuffled_arrival_never_changes_the_awards()
    {
        // Property: for random event sets, every permutation of arrival gives identical awards per event.
        var types = DefaultPointRules.Rules.Select(r => r.Type).ToArray();
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(1, 120);
            var events = Enumerable.Range(0, count).Select(i => new PointEventInput(i + 1, types[random.Next(types.Length)],
                    // Few distinct instants, so ties in time are common.
                    At(3, 1 + random.Next(21), random.Next(8, 10)), random.Next(2) == 0 ? "cloud" : "app", $"x{random.Next(1000):D4}-{i}",
                    random.Next(0, 40), random.Next(0, 8)))
                .ToArray();
            var expected = Award(events).OrderBy(a => a.EventId).ToArray();
            for (var shuffle = 0; shuffle < 5; shuffle++)
            {
                var arrival = events.ToArray();
                random.Shuffle(arrival);
                var actual = Award(arrival).OrderBy(a => a.EventId).ToArray();
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Totals_split_by_category()
    {
        var awards = Award(Event(PointTypes.Login, At(3, 2)), Event(PointTypes.Courseware, At(3, 2)), Event(PointTypes.ClassSetup, At(3, 2), 30),
            Event(PointTypes.ResearchActivity, At(3, 2)), Event(PointTypes.CampusOffice, At(3, 2)));
        var (total, byCategory) = PointEngine.Summarize(awards);

        Assert.Equal(67, total);
        Assert.Equal([1, 10, 50, 5, 1], byCategory);
    }

    [Fact]
    public void Points_convert_to_hours_rounded_down_to_a_tenth()
    {
        Assert.Equal(12.3m, Rules2026.Hours(123));
        Assert.Equal(0.9m, Rules2026.Hours(9));
        Assert.Equal(0m, Rules2026.Hours(0));
        Assert.Equal(3.3m, (Rules2026 with { PointsPerHour = 3 }).Hours(10));
    }

    [Fact]
    public void School_index_leaves_out_schools_without_active_teachers_and_ranks_ties_together()
    {
        Assert.Null(PointIndex.SchoolIndex(0, 0));
        Assert.Equal("—", PointIndex.Format(PointIndex.SchoolIndex(120, 0)));
        Assert.Equal(33.33m, PointIndex.SchoolIndex(100, 3));
        Assert.Equal([1, 2, 2, 4], PointIndex.CompetitionRanks([9m, 5m, 5m, 1m]));
    }

    [Fact]
    public void A_rule_table_with_bad_numbers_is_refused_field_by_field()
    {
        var bad = Rules2026 with
        {
            PointsPerHour = 0,
            Rules = [.. Rules2026.Rules.Select(r => r.Type == PointTypes.ResourceShare ? r with { Points = -1, WeeklyCap = 0 } : r)],
        };
        var error = bad.Validate()!;
        Assert.Equal("折算比例应为 1–10000 分/学时", error.Fields["PointsPerHour"]);
        Assert.Equal("资源建设：分值应为 0–1000", error.Fields["resource-share.Points"]);
        Assert.Equal("资源建设：每周上限应大于 0，或留空表示不限", error.Fields["resource-share.WeeklyCap"]);
    }

    // ---- The year boundary (issue 9 §2): a week straddling 31 December/1 January is one week; a streak runs on.

    private static readonly PointRuleSet Rules2027 = DefaultPointRules.For(2027);

    private static DateTimeOffset On(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, China);

    /// <summary>What the previous year's engine awarded its events, handed to the next year as its prior days.</summary>
    private static PointPriorEvent[] PriorOf(PointRuleSet previous, PointEventInput[] events)
    {
        var awards = PointEngine.Award(previous, events).ToDictionary(a => a.EventId);
        return [.. events.Select(e => new PointPriorEvent(e.Type, PointEngine.ChinaDay(e.OccurredAt), awards[e.Id].Points))];
    }

    [Fact]
    public void A_week_straddling_the_new_year_keeps_its_weekly_cap_across_it()
    {
        // The week 2026-12-28 (Monday) .. 2027-01-03: four uploads in December, four in January, cap 5 a week.
        Assert.Equal(new DateOnly(2026, 12, 28), PointEngine.WeekStart(new DateOnly(2027, 1, 3)));
        var december = Enumerable.Range(0, 4).Select(i => Event(PointTypes.ResourceShare, On(2026, 12, 28 + i))).ToArray();
        var january = Enumerable.Range(0, 4).Select(i => Event(PointTypes.ResourceShare, On(2027, 1, 1 + i % 3, 9 + i))).ToArray();

        var in2026 = PointEngine.Award(Rules2026, [.. december, .. january]);
        var in2027 = PointEngine.Award(Rules2027, january, PriorOf(Rules2026, december));

        // Points stay in the year of their event: 4 in 2026, 1 in 2027; five in the week, as the cap says.
        Assert.Equal(4, in2026.Sum(a => a.Points));
        Assert.Equal([1, 0, 0, 0], in2027.Select(a => a.Points));
        Assert.Equal("本周资源建设已达上限 5 次", in2027[1].Reason);
        Assert.All(in2027, a => Assert.Equal(2027, a.Day.Year));
        // The next week starts afresh.
        Assert.Equal(1, PointEngine.Award(Rules2027, [.. january, Event(PointTypes.ResourceShare, On(2027, 1, 4))], PriorOf(Rules2026, december))[^1].Points);
    }

    [Fact]
    public void A_login_streak_does_not_restart_on_the_first_of_january()
    {
        // Signed in every day from 2026-12-25: 2027-01-01 is the eighth consecutive day.
        var december = Enumerable.Range(25, 7).Select(d => Event(PointTypes.Login, On(2026, 12, d))).ToArray();
        var newYear = Event(PointTypes.Login, On(2027, 1, 1));
        var awards = PointEngine.Award(Rules2027, [newYear, Event(PointTypes.Login, On(2027, 1, 2))], PriorOf(Rules2026, december));

        Assert.Equal([2, 2], awards.Select(a => a.Points));
        Assert.Equal("连续登录第 8 天，第 8 天起每天 2 分", awards[0].Reason);

        // Only a missed day restarts it: without 31 December, 1 January is day one again.
        var gap = PointEngine.Award(Rules2027, [newYear], PriorOf(Rules2026, december[..^1]));
        Assert.Equal((1, (string?)null), (gap[0].Points, gap[0].Reason));
    }

    [Fact]
    public void Yearly_caps_count_the_events_of_their_own_year_only()
    {
        // 班级组建 50 points, once a year: a class set up on 31 December and another on 1 January both score.
        var december = new[] { Event(PointTypes.ClassSetup, On(2026, 12, 31), 30) };
        var january = Event(PointTypes.ClassSetup, On(2027, 1, 1), 30);

        Assert.Equal(50, PointEngine.Award(Rules2026, december)[0].Points);
        Assert.Equal(50, PointEngine.Award(Rules2027, [january], PriorOf(Rules2026, december))[0].Points);
    }

    [Fact]
    public void The_prior_days_award_nothing_in_the_new_year_and_a_moved_start_date_carries_the_same_way()
    {
        // A points year starting on Thursday 2026-09-03: its first week began on Monday 2026-08-31.
        var shifted = Rules2026 with { StartDate = new DateOnly(2026, 9, 3) };
        var before = Enumerable.Range(0, 2).Select(i => new PointPriorEvent(PointTypes.TeachingArticle, new DateOnly(2026, 8, 31).AddDays(i), 5 * (1 - i))).ToArray();
        var awards = PointEngine.Award(shifted, [Event(PointTypes.TeachingArticle, At(8, 31)), Event(PointTypes.TeachingArticle, At(9, 4))], before);

        var only = Assert.Single(awards);
        Assert.Equal((new DateOnly(2026, 9, 4), 0, "本周教学成果已达上限 1 次"), (only.Day, only.Points, only.Reason));
        Assert.Equal(new DateOnly(2026, 8, 27), PointEngine.PriorWindowStart(shifted));
    }

    // ---- The rule editor (issue 9 §2): every edit is checked against what the rule means.

    private static PointRuleSet With(string type, Func<PointRule, PointRule> edit) =>
        Rules2026 with { Rules = [.. Rules2026.Rules.Select(r => r.Type == type ? edit(r) : r)] };

    [Fact]
    public void Clearing_the_streak_keeps_the_login_row_once_a_day()
    {
        var noStreak = With(PointTypes.Login, r => r with { StreakFromDay = null, DailyCap = null });
        Assert.Null(noStreak.Validate());
        Assert.True(noStreak.Find(PointTypes.Login)!.IsDaily);

        var awards = PointEngine.Award(noStreak, [Event(PointTypes.Login, At(3, 2, 8)), Event(PointTypes.Login, At(3, 2, 12)), Event(PointTypes.Login, At(3, 2, 20))]);
        Assert.Equal([1, 0, 0], awards.Select(a => a.Points));
        Assert.Equal("当天已计登录分，每天只计一次", awards[1].Reason);
        // Without the streak bonus, the tenth consecutive day still earns the daily point.
        var days = PointEngine.Award(noStreak, [.. Enumerable.Range(1, 10).Select(d => Event(PointTypes.Login, At(3, d)))]);
        Assert.All(days, a => Assert.Equal(1, a.Points));
    }

    [Theory]
    [InlineData(PointTypes.Login, "DailyCap", "空间登录：按天计分的项目每天只计一次，每日上限应为 1")]
    [InlineData(PointTypes.Login, "WeeklyCap", "空间登录：按天计分的项目每周最多计 7 天")]
    [InlineData(PointTypes.Login, "StreakFromDay", "空间登录：连续天数应为 2–366，或留空表示不设连续奖励")]
    [InlineData(PointTypes.Login, "StreakPoints", "空间登录：连续登录的每天分值不应低于平时每天的分值")]
    [InlineData(PointTypes.CampusOffice, "DailyCap", "校园办公：每日上限不能大于每周上限")]
    [InlineData(PointTypes.ClassSetup, "WeeklyCap", "班级组建：每周上限不能大于每年上限")]
    [InlineData(PointTypes.ClassActivity, "Threshold", "班级活动：有“或”条件时，达标条件不能留空")]
    [InlineData(PointTypes.ResourceShare, "YearlyCap", "资源建设：每年上限应大于 0，或留空表示不限")]
    public void A_rule_edit_that_contradicts_what_the_rule_means_is_refused_next_to_its_field(string type, string field, string message)
    {
        var edited = With(type, r => (type, field) switch
        {
            (PointTypes.Login, "DailyCap") => r with { DailyCap = 3 },
            (PointTypes.Login, "WeeklyCap") => r with { WeeklyCap = 8 },
            (PointTypes.Login, "StreakFromDay") => r with { StreakFromDay = 1 },
            (PointTypes.Login, "StreakPoints") => r with { Points = 3, StreakPoints = 2 },
            (PointTypes.CampusOffice, _) => r with { DailyCap = 11 },
            (PointTypes.ClassSetup, _) => r with { WeeklyCap = 2, YearlyCap = 1 },
            (PointTypes.ClassActivity, _) => r with { Threshold = null },
            _ => r with { YearlyCap = -1 },
        });
        var error = edited.Validate()!;
        Assert.Equal(message, error.Fields[$"{type}.{field}"]);
        Assert.Single(error.Fields);
    }

    // ---- A resent event may only raise its numbers (issue 9 §2).

    [Fact]
    public void A_resent_event_may_raise_its_numbers_but_never_lower_them()
    {
        var received = new DateTimeOffset(2026, 3, 2, 10, 0, 0, China);
        var setup = PointEvent.Create("t1", PointTypes.ClassSetup, At(3, 2), "cloud", "class-7", 30, null, received);

        var lower = setup.UpdateQuantities(10, null);
        Assert.False(lower.Succeeded);
        Assert.Equal("外部编号“class-7”的事件已记录数量 30，重发时数量只能增加，不能减少（本次 10）", lower.Error!.Message);
        Assert.False(setup.UpdateQuantities(null, null).Succeeded);
        Assert.Equal(30, setup.Quantity);

        Assert.True(setup.UpdateQuantities(32, null).Value);
        Assert.False(setup.UpdateQuantities(32, null).Value);
        Assert.Equal(32, setup.Quantity);
    }
}
