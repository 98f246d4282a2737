using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Excel;

namespace EduPortal.Web.Features.CloudSpaces.Awards;

/// <summary>The results as an Excel sheet through the shared <see cref="ExcelExport"/>; the caption names the periods and when it was made.</summary>
public static class AwardWorkbook
{
    public static string Caption(AwardResultsView results) =>
        $"{results.Round.Title} · {(results.IsPreview ? "结果预览（未发布）" : "已发布结果")} · 专家评选 {results.Round.Schedule.ReviewText} · " +
        $"深度应用指数统计期 {results.Round.Schedule.DeepPeriodText}（不含职校） · 导出时间 {ChinaTime.Format(results.GeneratedAt)}（北京时间）";

    public static string FileName(AwardResultsView results) =>
        $"{results.Round.Title}-{(results.IsPreview ? "结果预览" : "获奖名单")}-{ChinaTime.ToChina(results.GeneratedAt):yyyyMMddHHmm}.xlsx";

    public static byte[] Build(AwardResultsView results) => ExcelExport.Build("获奖名单",
    [
        new ExcelColumn<AwardResultRow>("奖项", r => r.Kind.DisplayName(), 18),
        new ExcelColumn<AwardResultRow>("名次", r => r.Rank, 8),
        new ExcelColumn<AwardResultRow>("获奖者", r => r.TeacherName ?? r.SchoolName, 16),
        new ExcelColumn<AwardResultRow>("学校", r => r.SchoolName, 26),
        new ExcelColumn<AwardResultRow>("得分/指数", r => r.ScoreText, 12),
        new ExcelColumn<AwardResultRow>("评分专家数", r => r.Kind.IsNominated() ? r.Experts : null, 10),
        new ExcelColumn<AwardResultRow>("奖次", r => r.FinalTier.DisplayName(), 10),
        new ExcelColumn<AwardResultRow>("分界同分", r => r.TiedAtBoundary ? "是" : "", 10),
        new ExcelColumn<AwardResultRow>("调整理由", r => r.OverrideNote, 30),
    ], results.Rows, Caption(results) + " · 同分规则：" + AwardResults.TieRule);
}
