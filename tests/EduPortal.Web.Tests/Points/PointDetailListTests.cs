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
    public void The_table_shows_twenty_lines_a_page_and_pages_through_the_year()
    {
        var at = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(8));
        IReadOnlyList<PointDetailRow> rows = [.. Enumerable.Range(1, 45).Select(i => new PointDetailRow(i, at.AddMinutes(-i), $"项目{i}", "空间建设", "本平台", null, i, null))];
        var list = Context.Render<PointDetailList>(p => p.Add(c => c.Rows, rows));

        string[] Shown() => [.. list.FindAll("[data-testid=point-details] [data-testid=detail-points]").Select(e => e.TextContent)];
        Assert.Equal(Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Shown());
        Assert.Equal("第 1–20 条，共 45 条", list.Find("[data-testid=detail-page-info]").TextContent);
        Assert.True(list.Find("[data-testid=detail-prev]").HasAttribute("disabled"));

        list.Find("[data-testid=detail-next]").Click();
        list.Find("[data-testid=detail-next]").Click();
        Assert.Equal(["41", "42", "43", "44", "45"], Shown());
        Assert.Equal("第 41–45 条，共 45 条", list.Find("[data-testid=detail-page-info]").TextContent);
        Assert.True(list.Find("[data-testid=detail-next]").HasAttribute("disabled"));

        // A larger page keeps the first line shown on the page that now holds it.
        list.Find("[data-testid=detail-page-size]").Change("50");
        Assert.Equal(45, Shown().Length);

        // Another year's list starts again at its first page.
        list.Find("[data-testid=detail-page-size]").Change("10");
        list.Find("[data-testid=detail-next]").Click();
        list.Render(p => p.Add(c => c.Rows, [.. rows.Take(30)]));
        Assert.Equal("第 1–10 条，共 30 条", list.Find("[data-testid=detail-page-info]").TextContent);
        // The phone's list still shows twenty lines and the rest on request.
        Assert.Equal(20, list.FindAll("[data-testid=detail-row]").Count);
    }

    [Fact]
    public void An_empty_year_says_so()
    {
        var list = Context.Render<PointDetailList>(p => p.Add(c => c.Rows, []));
        Assert.Contains("本年度还没有积分记录", list.Markup);
    }
}
