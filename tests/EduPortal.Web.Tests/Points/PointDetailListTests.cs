using Bunit;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Points;

/// <summary>积分明细 shows every line's points and, for zero or bonus lines, the reason the engine gave.</summary>
public sealed class PointDetailListTests : MudComponentTest
{
    [Fact]
    public void Each_line_shows_its_points_and_the_reason_for_zero_or_partial_points()
    {
        var at = new DateTimeOffset(2026, 3, 9, 8, 30, 0, TimeSpan.FromHours(8));
        IReadOnlyList<PointDetailRow> rows =
        [
            new(1, at, "空间登录", "空间建设", "本平台", null, 2, "连续登录第 8 天，第 8 天起每天 2 分"),
            new(2, at.AddHours(1), "资源建设", "空间建设", "人人通空间", null, 0, "本周资源建设已达上限 5 次"),
            new(3, at.AddHours(2), "互动授课", "教学应用", "人人通空间", 12, 0, "使用时长未满 15 分钟（本次 12）"),
            new(4, at.AddHours(3), "课件制作", "教学应用", "表格导入", null, 10, null),
        ];
        var list = Context.Render<PointDetailList>(p => p.Add(c => c.Rows, rows));

        var lines = list.FindAll("tbody tr");
        Assert.Equal(4, lines.Count);
        Assert.Equal(["2", "0", "0", "10"], list.FindAll("[data-testid=detail-points]").Select(e => e.TextContent));
        Assert.Equal(["连续登录第 8 天，第 8 天起每天 2 分", "本周资源建设已达上限 5 次", "使用时长未满 15 分钟（本次 12）"],
            list.FindAll("[data-testid=detail-reason]").Select(e => e.TextContent.Trim()));
        Assert.Contains("2026-03-09 09:30", lines[1].TextContent);
        Assert.Empty(lines[3].QuerySelectorAll("[data-testid=detail-reason]"));
    }

    [Fact]
    public void An_empty_year_says_so()
    {
        var list = Context.Render<PointDetailList>(p => p.Add(c => c.Rows, []));
        Assert.Contains("本年度还没有积分记录", list.Markup);
    }
}
