using ClosedXML.Excel;

namespace EduPortal.Web.Infrastructure.Excel;

/// <summary>One column of an exported table: a Chinese header and how to read the cell from a row.</summary>
public sealed record ExcelColumn<T>(string Header, Func<T, object?> Value, double Width = 14);

/// <summary>The one Excel export helper: a titled sheet with a bold frozen header row and an auto-filter.</summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build<T>(string sheetName, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows)
    {
        using var workbook = new XLWorkbook();
        AddSheet(workbook, sheetName, columns, rows);
        return Save(workbook);
    }

    public static IXLWorksheet AddSheet<T>(XLWorkbook workbook, string sheetName, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows)
    {
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.Value = columns[c].Header;
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
            // Set widths explicitly: AdjustToContents needs libgdiplus, which a fresh machine lacks.
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        var rowNumber = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                SetValue(sheet.Cell(rowNumber, c + 1), columns[c].Value(row));
            }
            rowNumber++;
        }
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, rowNumber - 1), columns.Count).SetAutoFilter();
        return sheet;
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void SetValue(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case int or long or double or decimal:
                cell.Value = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case DateTimeOffset instant:
                cell.Value = Domain.Common.ChinaTime.Format(instant);
                break;
            case DateOnly date:
                cell.Value = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                // Text cells keep phone numbers and codes from turning into numbers.
                cell.SetValue(value.ToString());
                cell.DataType = XLDataType.Text;
                break;
        }
    }
}
