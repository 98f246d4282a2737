using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using EduPortal.Domain.Common;

namespace EduPortal.Web.Infrastructure.Excel;

/// <summary>
/// What one import expects of its sheet: the header row, the row limit, the message for a file without data rows, and
/// the per-import details (how a date cell reads as text, the header message, whether a UTF-8 CSV is accepted).
/// </summary>
public sealed record ImportSheetLayout(IReadOnlyList<string> Headers, int MaxRows, string EmptyMessage)
{
    /// <summary>A UTF-8 CSV is read as well as an .xlsx.</summary>
    public bool AcceptsCsv { get; init; }

    /// <summary>How a cell that Excel holds as a date is turned into text.</summary>
    public string DateFormat { get; init; } = "yyyy-MM-dd";

    /// <summary>How many leading header cells must match; all of them unless set.</summary>
    public int? CheckedHeaders { get; init; }

    /// <summary>The message when the header row does not match; null: which column should hold which header.</summary>
    public string? HeaderMessage { get; init; }

    public string UnreadableMessage => AcceptsCsv ? ImportSheet.UnreadableCsvMessage : ImportSheet.UnreadableMessage;
}

/// <summary>
/// The one reader behind every import: an uploaded .xlsx (first sheet, after <see cref="WorkbookSizeGuard"/>) or, where
/// the layout accepts it, a UTF-8 CSV. The header row must match the layout's headers; every later non-empty row comes
/// back with its sheet row number and one trimmed text cell per header. Errors are on the field "File".
/// </summary>
public static class ImportSheet
{
    public const string UnreadableMessage = "无法读取该文件，请使用下载的 Excel 模板（.xlsx）";
    public const string UnreadableCsvMessage = "无法读取该文件，请使用下载的 Excel 模板（.xlsx）或 UTF-8 编码的 CSV";

    /// <summary>An .xlsx or a UTF-8 CSV with the given headers, dates with time of day.</summary>
    public static Task<Result<List<(int Row, string[] Cells)>>> ReadAsync(Stream content, string fileName, IReadOnlyList<string> headers, int maxRows,
        string emptyMessage, CancellationToken cancellationToken) =>
        ReadAsync(content, fileName, new ImportSheetLayout(headers, maxRows, emptyMessage) { AcceptsCsv = true, DateFormat = "yyyy-MM-dd HH:mm" },
            cancellationToken);

    public static async Task<Result<List<(int Row, string[] Cells)>>> ReadAsync(Stream content, string? fileName, ImportSheetLayout layout,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var read = layout.AcceptsCsv && fileName is not null && fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? await ReadCsvAsync(buffer, layout, cancellationToken)
            : ReadWorkbook(buffer, layout);
        if (!read.Succeeded)
        {
            return read.Error!;
        }
        var rows = read.Value!;
        rows.RemoveAll(r => r.Cells.All(c => c.Length == 0));
        if (rows.Count == 0)
        {
            return ValidationError.For("File", layout.EmptyMessage);
        }
        if (rows.Count > layout.MaxRows)
        {
            return TooManyRows(layout);
        }
        return rows;
    }

    /// <summary>The header row's problem, or null when its checked cells match the layout's headers.</summary>
    private static ValidationError? CheckHeader(string[] header, ImportSheetLayout layout)
    {
        for (var c = 0; c < (layout.CheckedHeaders ?? layout.Headers.Count); c++)
        {
            if (c >= header.Length || header[c] != layout.Headers[c])
            {
                return ValidationError.For("File", layout.HeaderMessage ?? $"第 1 行第 {c + 1} 列应为“{layout.Headers[c]}”，请使用下载的模板");
            }
        }
        return null;
    }

    private static ValidationError TooManyRows(ImportSheetLayout layout) => ValidationError.For("File", $"一次最多导入 {layout.MaxRows} 行，请分批导入");

    private static async Task<Result<List<(int Row, string[] Cells)>>> ReadCsvAsync(MemoryStream buffer, ImportSheetLayout layout,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
        }
        if (lines.Count == 0)
        {
            return ValidationError.For("File", "文件为空");
        }
        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        if (CheckHeader(header, layout) is { } wrongHeader)
        {
            return wrongHeader;
        }
        var rows = new List<(int Row, string[] Cells)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            rows.Add((i + 1, Enumerable.Range(0, layout.Headers.Count).Select(c => c < cells.Length ? cells[c] : "").ToArray()));
        }
        return rows;
    }

    private static Result<List<(int Row, string[] Cells)>> ReadWorkbook(MemoryStream buffer, ImportSheetLayout layout)
    {
        if (WorkbookSizeGuard.Check(buffer) is { } tooLarge)
        {
            return ValidationError.For("File", tooLarge);
        }
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(buffer);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException or ArgumentException or InvalidOperationException or IOException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return ValidationError.For("File", layout.UnreadableMessage);
        }
        using (workbook)
        {
            var width = layout.Headers.Count;
            var sheet = workbook.Worksheets.First();
            var header = Enumerable.Range(1, width).Select(c => sheet.Cell(1, c).GetString().Trim()).ToArray();
            if (CheckHeader(header, layout) is { } wrongHeader)
            {
                return wrongHeader;
            }
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            // Rows up to the last one used count against the limit before any is read: a sheet of a million rows is
            // refused without reading them.
            if (last - 1 > layout.MaxRows)
            {
                return TooManyRows(layout);
            }
            var rows = new List<(int Row, string[] Cells)>();
            for (var r = 2; r <= last; r++)
            {
                var cells = new string[width];
                for (var c = 0; c < width; c++)
                {
                    var cell = sheet.Cell(r, c + 1);
                    cells[c] = cell.DataType == XLDataType.DateTime
                        ? cell.GetDateTime().ToString(layout.DateFormat, CultureInfo.InvariantCulture)
                        : cell.GetString().Trim();
                }
                rows.Add((r, cells));
            }
            return rows;
        }
    }
}

/// <summary>
/// The downloadable template of an import: the header row (bold, shaded, frozen), one example row (text cells kept as
/// text, numbers as numbers) and a "填写说明" sheet with one instruction a row.
/// </summary>
public static class ImportTemplate
{
    public static byte[] Build(string sheetName, IReadOnlyList<string> headers, Func<int, double> columnWidth, IReadOnlyList<object> example,
        IReadOnlyList<string> help)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            sheet.Cell(1, c + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
            sheet.Column(c + 1).Width = columnWidth(c);
            if (c >= example.Count || example[c] is string)
            {
                sheet.Column(c + 1).Style.NumberFormat.Format = "@";
            }
        }
        for (var c = 0; c < example.Count; c++)
        {
            if (example[c] is int number)
            {
                sheet.Cell(2, c + 1).Value = number;
            }
            else
            {
                sheet.Cell(2, c + 1).SetValue((string)example[c]);
            }
        }
        sheet.SheetView.FreezeRows(1);
        var helpSheet = workbook.Worksheets.Add("填写说明");
        for (var i = 0; i < help.Count; i++)
        {
            helpSheet.Cell(i + 1, 1).Value = help[i];
        }
        helpSheet.Column(1).Width = 100;
        return ExcelExport.Save(workbook);
    }
}
