using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;

namespace EduPortal.Web.Features.Circulars;

/// <summary>The issuer's receipt list (签收情况) as a workbook through the one Excel helper.</summary>
public static class CircularReceiptsWorkbook
{
    public static byte[] Build(ReceiptsView view, DateTimeOffset madeAt)
    {
        var c = view.Circular;
        var columns = new List<ExcelColumn<(int Number, ReceiptRow Row)>>
        {
            new("序号", r => r.Number, 8),
            new("接收单位", r => r.Row.UnitName, 30),
            new("单位类型", r => r.Row.UnitKind.DisplayName(), 14),
            new("签收状态", r => r.Row.AcknowledgedAt is null ? "未签收" : "已签收", 12),
            new("签收人", r => r.Row.AcknowledgedByName ?? "", 12),
            new("签收时间", r => r.Row.AcknowledgedAt is { } at ? ChinaTime.Format(at) : "", 18),
        };
        if (c.ReplyMode != ReplyMode.None)
        {
            columns.Add(new("回复状态", r => r.Row.RepliedAt is null ? "未回复" : r.Row.ReplyLate ? "逾期回复" : "已回复", 12));
            columns.Add(new("回复时间", r => r.Row.RepliedAt is { } at ? ChinaTime.Format(at) : "", 18));
            columns.Add(new("回复内容", r => r.Row.ReplyText ?? r.Row.ReplyFileName ?? "", 40));
        }
        var caption = $"{c.DocumentNumber}“{c.Title}”签收情况：已签收 {view.Acknowledged} 个，未签收 {view.Pending} 个；导出时间：{ChinaTime.Format(madeAt)}";
        return ExcelExport.Build(SheetName(c, madeAt), columns, view.Rows.Select((r, i) => (Number: i + 1, Row: r)).ToList(), caption);
    }

    /// <summary>"签收情况-东教发〔2026〕3号-20261130-0930.xlsx".</summary>
    public static string FileName(Circular circular, DateTimeOffset madeAt) =>
        $"签收情况-{circular.DocumentNumber}-{ChinaTime.ToChina(madeAt):yyyyMMdd-HHmm}.xlsx";

    /// <summary>"东教发〔2026〕3号 20261130-0930": the number and the export time; sheet names may not hold [ ] : * ? / \ and are at most 31 characters.</summary>
    private static string SheetName(Circular circular, DateTimeOffset madeAt)
    {
        var name = $"{circular.DocumentNumber} {ChinaTime.ToChina(madeAt):yyyyMMdd-HHmm}";
        var clean = new string(name.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
