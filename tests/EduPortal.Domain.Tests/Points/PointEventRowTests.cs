using EduPortal.Domain.Points;

namespace EduPortal.Domain.Tests.Points;

/// <summary>The one row check the ingestion API and the import share (issue 11): time, type, provenance.</summary>
public sealed class PointEventRowTests
{
    private static readonly DateTimeOffset Now = new(2031, 5, 6, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Func<DateOnly, PointRuleSet> Rules = day => DefaultPointRules.For(day.Year);

    private static string? ErrorOf(PointEventRow row, PointEventOrigins origin, string? platformSource = null, string? importerId = null) =>
        row.Validate(origin, Rules, Now, platformSource, importerId).Error?.Message;

    [Fact]
    public void An_event_up_to_ten_minutes_ahead_of_the_clock_passes_and_a_later_one_is_refused_in_each_channels_words()
    {
        var almost = new PointEventRow("t1", PointTypes.Courseware, Now.AddMinutes(10));
        Assert.Equal(PointTypes.Courseware, almost.Validate(PointEventOrigins.Platform, Rules, Now, platformSource: "edu-cloud").Value!.Type);
        var late = almost with { OccurredAt = Now.AddMinutes(11) };
        Assert.Equal("occurredAt 不能晚于当前时间", ErrorOf(late, PointEventOrigins.Platform, platformSource: "edu-cloud"));
        Assert.Equal("发生时间不能晚于当前时间", ErrorOf(late, PointEventOrigins.Import, importerId: "admin"));
    }

    [Fact]
    public void An_event_before_2000_is_out_of_range_and_no_rule_table_is_asked_for_it()
    {
        var old = new PointEventRow("t1", PointTypes.Courseware, new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.FromHours(8)));
        Func<DateOnly, PointRuleSet> never = _ => throw new InvalidOperationException("no table for an out-of-range day");
        Assert.Equal("occurredAt 超出范围", old.Validate(PointEventOrigins.Platform, never, Now).Error!.Message);
        Assert.Equal("发生时间超出范围", old.Validate(PointEventOrigins.Import, never, Now).Error!.Message);
        Assert.Null(PointEventRow.CheckTime(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), Now, PointEventOrigins.Platform));
    }

    [Fact]
    public void The_api_names_a_type_by_its_code_and_a_sheet_by_its_name_or_code()
    {
        var at = Now.AddDays(-1);
        Assert.Equal("未知的事件类型“课件制作”", ErrorOf(new PointEventRow("t1", "课件制作", at), PointEventOrigins.Platform));
        Assert.Equal(PointTypes.Courseware, new PointEventRow("t1", " 课件制作 ", at).Validate(PointEventOrigins.Import, Rules, Now, importerId: "admin").Value!.Type);
        Assert.Equal(PointTypes.Courseware, new PointEventRow("t1", PointTypes.Courseware, at).Validate(PointEventOrigins.Import, Rules, Now, importerId: "admin").Value!.Type);
        Assert.Equal("未知的事件类型“飞行”", ErrorOf(new PointEventRow("t1", "飞行", at), PointEventOrigins.Import, importerId: "admin"));
        Assert.Equal("事件类型为空", ErrorOf(new PointEventRow("t1", "  ", at), PointEventOrigins.Import, importerId: "admin"));
        Assert.Equal("未知的事件类型“”", ErrorOf(new PointEventRow("t1", "", at), PointEventOrigins.Platform));
    }

    [Fact]
    public void Provenance_is_checked_with_the_rule_in_force_on_the_events_day()
    {
        var at = Now.AddDays(-1);
        Assert.Equal("“空间登录”不接受接入平台提交（来源：本平台记录）", ErrorOf(new PointEventRow("t1", PointTypes.Login, at), PointEventOrigins.Platform, platformSource: "edu-cloud"));
        Assert.Equal("不能为自己的账号导入积分事件", ErrorOf(new PointEventRow("admin", "课件制作", at), PointEventOrigins.Import, importerId: "admin"));

        // A table that lets only one key post courseware: the day's own table decides.
        static PointRuleSet Restricted(DateOnly day)
        {
            var set = DefaultPointRules.For(day.Year);
            return set with { Rules = [.. set.Rules.Select(r => r.Type == PointTypes.Courseware ? r with { PlatformSources = ["edu-cloud"] } : r)] };
        }
        var row = new PointEventRow("t1", PointTypes.Courseware, at);
        Assert.Equal("该密钥（来源 office-app）不能提交“课件制作”事件",
            row.Validate(PointEventOrigins.Platform, Restricted, Now, platformSource: "office-app").Error!.Message);
        Assert.True(row.Validate(PointEventOrigins.Platform, Restricted, Now, platformSource: "edu-cloud").Succeeded);
    }
}
