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
        { PointTypes.LabRecordPublished, PointCategory.TeachingApplication, 2, 5, null, null, null },
    };

    [Fact]
    public void The_default_table_has_every_row_of_the_circular_plus_the_lab_record_row()
    {
        Assert.Equal(18, DefaultPointRules.Rules.Count);
        Assert.Equal(DefaultRows.Count + 1, DefaultPointRules.Rules.Count); // + login, tested on its own
        Assert.Null(Rules2026.Validate());
        Assert.Equal("1分/次，5次/每周", Rules2026.Find(PointTypes.ResourceShare)!.RuleText);
        Assert.Equal("20分/次，1次/每年", Rules2026.Find(PointTypes.ProfileComplete)!.RuleText);
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
    [InlineData(PointTypes.InteractiveLesson, 14, "使用时长未满 15 分钟（本次 14）")]
    [InlineData(PointTypes.GuidedTest, 9, "30天内阅读或完成人数未满 10 人（本次 9）")]
    [InlineData(PointTypes.Marking, 9, "批阅人数未满 10 人（本次 9）")]
    [InlineData(PointTypes.ResourceSearch, 4, "收藏或下载教材资源未满 5 个（本次 4）")]
    [InlineData(PointTypes.ClassSetup, 24, "班级人数未满 25 人（本次 24）")]
    [InlineData(PointTypes.ClassNotice, 9, "参与的学生或家长账号未满 10 个（本次 9）")]
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
        Assert.Equal("本周有效参与人数未满 15 人（本次 14），且点评或分享作品数未满 5 个（本次 4）", awards[0].Reason);
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
}
