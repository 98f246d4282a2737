using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Exports;

namespace EduPortal.Web.Features.Points;

/// <summary>
/// 教师积分（深度应用）for a period: every named teacher the owner administers (a county's, the city's ~19,000) with
/// points per category, from the rankings service (<see cref="PointQueryService.RankingsAsync"/>, which decides whose
/// names the owner may see) and streamed with the rankings page's own columns (<see cref="PointQueryService.TeacherColumns"/>).
/// </summary>
public sealed class PointTeachersExport(PointQueryService points) : IExportKind
{
    public const string KindKey = "points.teachers";

    public string Key => KindKey;

    public string Title => "教师深度应用积分（Excel）";

    public static ExportParameters For(int year, DateOnly? from, DateOnly? to)
    {
        var values = new Dictionary<string, string> { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (from is { } f)
        {
            values["from"] = ChinaTime.FormatDate(f);
        }
        if (to is { } t)
        {
            values["to"] = ChinaTime.FormatDate(t);
        }
        return new ExportParameters(values);
    }

    public Task<Result<string>> AuthorizeAsync(Caller caller, ExportParameters parameters, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return Task.FromResult<Result<string>>(new ForbiddenError("只有管理员可以导出教师积分名单。"));
        }
        if (parameters.Int("year") is not { } year || year < 2000 || year > 2100)
        {
            return Task.FromResult<Result<string>>(ValidationError.For("Year", "请选择年度。"));
        }
        var (from, to) = (parameters.Date("from"), parameters.Date("to"));
        if (from is { } f && to is { } t && f > t)
        {
            return Task.FromResult<Result<string>>(ValidationError.For("To", "结束日期不能早于开始日期"));
        }
        var period = from is null && to is null ? $"{year}年度" : $"{(from is { } a ? ChinaTime.FormatDate(a) : "")} 至 {(to is { } b ? ChinaTime.FormatDate(b) : "")}";
        return Task.FromResult<Result<string>>($"{caller.OrgUnitName} {period} 教师积分");
    }

    public async Task<ExportFile> RunAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var p = context.Parameters;
        context.Progress.Report(new ExportProgress(5, "正在计算积分"));
        var rankings = await points.RankingsAsync(context.Caller, new RankingQuery(p.Int("year")!.Value, p.Date("from"), p.Date("to")), cancellationToken);
        if (!rankings.Succeeded)
        {
            throw new InvalidOperationException(rankings.Error!.Message);
        }
        var result = rankings.Value!;
        context.Progress.Report(new ExportProgress(50, $"正在写入 {result.Teachers.Count} 名教师"));
        ExcelExport.Write(context.Output, "教师积分排名", PointQueryService.TeacherColumns, result.Teachers,
            result.HasPoints ? result.Caption : $"{result.Caption} · 该时段没有积分");
        return new ExportFile(result.FileName("教师积分排名"), ExcelExport.ContentType, "xlsx");
    }
}
