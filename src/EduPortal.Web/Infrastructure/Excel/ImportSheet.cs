using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using EduPortal.Domain.Common;

namespace EduPortal.Web.Infrastructure.Excel;

/// <summary>
/// Reads an import's rows from an uploaded .xlsx (first sheet) or a UTF-8 CSV: the header row must match
/// <paramref name="headers"/>; every later non-empty row comes back with its sheet row number and one trimmed text cell
/// per header. Errors are on the field "File".
/// </summary>
public static class ImportSheet
{
    public const string UnreadableMessage = "无法读取该文件，请使用下载的 Excel 模板（.xlsx）或 UTF-8 编码的 CSV";

    public static async Task<Result<List<(int Row, string[] Cells)>>> ReadAsync(Stream content, string fileName, IReadOnlyList<string> headers, int maxRows,
        string emptyMessage, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var rows = new List<(int Row, string[] Cells)>();
        string[] header;
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
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
            header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
            for (var i = 1; i < lines.Count; i++)
            {
                var cells = lines[i].Split(',').Select(c => c.Trim().Trim('"')).ToArray();
                rows.Add((i + 1, Enumerable.Range(0, headers.Count).Select(c => c < cells.Length ? cells[c] : "").ToArray()));
            }
        }
        else
        {
            var opened = UploadedWorkbook.Open(buffer, UnreadableMessage);
            if (!opened.Succeeded)
            {
                return opened.Error!;
            }
            using var workbook = opened.Value!;
            var sheet = workbook.Worksheets.First();
            header = Enumerable.Range(1, headers.Count).Select(c => sheet.Cell(1, c).GetString().Trim()).ToArray();
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= last; r++)
            {
                var cells = new string[headers.Count];
                for (var c = 0; c < headers.Count; c++)
                {
                    var cell = sheet.Cell(r, c + 1);
                    cells[c] = cell.DataType == XLDataType.DateTime
                        ? cell.GetDateTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                        : cell.GetString().Trim();
                }
                rows.Add((r, cells));
            }
        }
        for (var c = 0; c < headers.Count; c++)
        {
            if (c >= header.Length || header[c] != headers[c])
            {
                return ValidationError.For("File", $"第 1 行第 {c + 1} 列应为“{headers[c]}”，请使用下载的模板");
            }
        }
        rows.RemoveAll(r => r.Cells.All(c => c.Length == 0));
        if (rows.Count == 0)
        {
            return ValidationError.For("File", emptyMessage);
        }
        if (rows.Count > maxRows)
        {
            return ValidationError.For("File", $"一次最多导入 {maxRows} 行，请分批导入");
        }
        return rows;
    }
}
