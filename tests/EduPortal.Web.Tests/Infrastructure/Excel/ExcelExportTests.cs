using ClosedXML.Excel;
using EduPortal.Web.Infrastructure.Excel;

namespace EduPortal.Web.Tests.Infrastructure.Excel;

public sealed class ExcelExportTests
{
    private sealed record Row(string Name, string Phone, int Classes, DateTimeOffset At, string? Note);

    private static readonly IReadOnlyList<ExcelColumn<Row>> Columns =
    [
        new("姓名", r => r.Name, 12),
        new("手机号", r => r.Phone, 14),
        new("班级数", r => r.Classes),
        new("时间", r => r.At, 18),
        new("备注", r => r.Note),
    ];

    [Fact]
    public void An_export_opens_in_excel_with_a_bold_header_text_phones_numbers_and_a_filter()
    {
        var rows = new[]
        {
            new Row("王芳", "13800000001", 12, new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero), null),
            new Row("李强", "0913-2663755", 3, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), "第二行\u0001含控制字符"),
        };
        using var workbook = new XLWorkbook(new MemoryStream(ExcelExport.Build("人员名单", Columns, rows)));
        var sheet = workbook.Worksheet("人员名单");

        Assert.Equal("姓名", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal("13800000001", sheet.Cell(2, 2).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 2).DataType);
        Assert.Equal(12, sheet.Cell(2, 3).GetDouble());
        Assert.Equal("2026-11-23 01:30", sheet.Cell(2, 4).GetString()); // China time
        Assert.True(sheet.Cell(2, 5).IsEmpty());
        Assert.Equal("第二行含控制字符", sheet.Cell(3, 5).GetString());
        Assert.Equal(3, sheet.LastRowUsed().RowNumber());
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.InRange(sheet.Column(1).Width, 11, 13); // ClosedXML reads widths back net of its own padding
    }

    [Fact]
    public void An_empty_list_still_exports_its_header()
    {
        using var workbook = new XLWorkbook(new MemoryStream(ExcelExport.Build("空", Columns, [])));
        Assert.Equal("备注", workbook.Worksheet(1).Cell(1, 5).GetString());
        Assert.Equal(1, workbook.Worksheet(1).LastRowUsed().RowNumber());
    }

    [Fact]
    public void A_sheet_added_to_a_workbook_has_the_same_header_number_formats_and_a_totals_row_outside_the_filter()
    {
        using var workbook = new XLWorkbook();
        IReadOnlyList<ExcelColumn<Row>> columns =
        [
            new("姓名", r => r.Name, 12),
            new("手机号", r => r.Phone, 14),
            new("班级数", r => r.Classes, 8, "#,##0"),
        ];
        var rows = new[] { new Row("王芳", "13800000001", 1200, DateTimeOffset.UnixEpoch, null), new Row("李强", "0913-2663755", 3, DateTimeOffset.UnixEpoch, null) };
        ExcelExport.AddSheet(workbook, "名单", columns, rows, new Row("合计", "", 1203, DateTimeOffset.UnixEpoch, null));
        using var reread = new XLWorkbook(new MemoryStream(ExcelExport.Save(workbook)));
        var sheet = reread.Worksheet("名单");

        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:C3", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 2).DataType);
        Assert.Equal("#,##0", sheet.Cell(2, 3).Style.NumberFormat.Format);
        Assert.Equal(1203, sheet.Cell(4, 3).GetDouble());
        Assert.True(sheet.Cell(4, 1).Style.Font.Bold);
    }

    [Fact]
    public void Dates_are_written_as_2026_11_30_in_both_writers_whatever_the_server_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        try
        {
            IReadOnlyList<ExcelColumn<DateOnly>> columns = [new("日期", d => d)];
            var day = new DateOnly(2026, 11, 30);
            using var streamed = new XLWorkbook(new MemoryStream(ExcelExport.Build("日期", columns, [day])));
            Assert.Equal("2026-11-30", streamed.Worksheet("日期").Cell(2, 1).GetString());

            using var workbook = new XLWorkbook();
            var sheet = ExcelExport.AddSheet(workbook, "日期", columns, [day]);
            Assert.Equal("2026-11-30", sheet.Cell(2, 1).GetString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
