using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EduPortal.Web.Infrastructure.Excel;

/// <summary>One column of an exported table: a Chinese header, how to read the cell from a row, and an optional number format ("#,##0", "0.0%").</summary>
public sealed record ExcelColumn<T>(string Header, Func<T, object?> Value, double Width = 14, string? Format = null);

/// <summary>
/// The one Excel export helper: a sheet with a bold, frozen header row and an auto-filter. Rows are
/// streamed with the Open XML SAX writer, so a city-wide list of 20,000 rows costs a fraction of the
/// time and memory of building it cell by cell in ClosedXML (see benchmarks/).
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;

    /// <param name="caption">An optional first line above the header (what the sheet covers: period, scope, when it was made).</param>
    public static byte[] Build<T>(string sheetName, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows, string? caption = null)
    {
        using var stream = new MemoryStream();
        Write(stream, sheetName, columns, rows, caption);
        return stream.ToArray();
    }

    public static void Write<T>(Stream output, string sheetName, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows, string? caption = null)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = BuildStylesheet();
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var headerRow = caption is null ? 1 : 2;
        var lastRow = headerRow;
        using (var writer = OpenXmlWriter.Create(worksheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            // Freeze the header row (and the caption above it).
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new Columns());
            for (var c = 0; c < columns.Count; c++)
            {
                writer.WriteElement(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = columns[c].Width, CustomWidth = true });
            }
            writer.WriteEndElement();

            writer.WriteStartElement(new SheetData());
            if (caption is not null)
            {
                writer.WriteStartElement(new Row { RowIndex = 1 });
                WriteText(writer, caption, HeaderStyle);
                writer.WriteEndElement();
            }
            writer.WriteStartElement(new Row { RowIndex = (uint)headerRow });
            foreach (var column in columns)
            {
                WriteText(writer, column.Header, HeaderStyle);
            }
            writer.WriteEndElement();
            foreach (var row in rows)
            {
                lastRow++;
                writer.WriteStartElement(new Row { RowIndex = (uint)lastRow });
                foreach (var column in columns)
                {
                    WriteValue(writer, column.Value(row));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement(); // SheetData
            writer.WriteElement(new AutoFilter { Reference = $"A{headerRow}:{ColumnName(columns.Count)}{lastRow}" });
            writer.WriteEndElement(); // Worksheet
        }

        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = sheetName });
        // Excel needs the filter's hidden defined name to show the filter buttons.
        workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{sheetName}'!$A${headerRow}:${ColumnName(columns.Count)}${lastRow}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = 0,
            Hidden = true,
        }));
        workbookPart.Workbook.Save();
    }

    /// <summary>
    /// Adds a sheet to a ClosedXML workbook with the same look as <see cref="Build{T}"/> (bold shaded frozen
    /// header, auto-filter, column widths) plus number formats; an optional bold totals row closes the sheet
    /// outside the filter range. For multi-sheet workbooks of modest size (a survey round: ~500 rows).
    /// </summary>
    public static IXLWorksheet AddSheet<T>(XLWorkbook workbook, string sheetName, IReadOnlyList<ExcelColumn<T>> columns,
        IEnumerable<T> rows, T? totals = default)
    {
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            var header = sheet.Cell(1, c + 1);
            header.Value = columns[c].Header;
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
            header.Style.Alignment.WrapText = true;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        var row = 1;
        foreach (var item in rows)
        {
            row++;
            WriteRow(sheet, row, columns, item);
        }
        sheet.Range(1, 1, row, columns.Count).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
        if (totals is not null)
        {
            WriteRow(sheet, row + 1, columns, totals);
            sheet.Row(row + 1).Style.Font.Bold = true;
        }
        return sheet;
    }

    private static void WriteRow<T>(IXLWorksheet sheet, int row, IReadOnlyList<ExcelColumn<T>> columns, T item)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            switch (columns[c].Value(item))
            {
                case null:
                    break;
                case int number:
                    cell.Value = number;
                    break;
                case double number:
                    cell.Value = number;
                    break;
                case DateTimeOffset instant:
                    cell.Value = Domain.Common.ChinaTime.Format(instant);
                    break;
                case DateOnly date:
                    // One date format in every export (issue 9 §6), not the server culture's 2026/11/30.
                    cell.SetValue(Domain.Common.ChinaTime.FormatDate(date));
                    cell.DataType = XLDataType.Text;
                    break;
                case var value:
                    // Text cells keep phone numbers and codes from turning into numbers.
                    cell.SetValue(Sanitize(value.ToString() ?? ""));
                    cell.DataType = XLDataType.Text;
                    break;
            }
            if (columns[c].Format is { } format)
            {
                cell.Style.NumberFormat.Format = format;
            }
        }
    }

    /// <summary>Saves a small ClosedXML workbook (templates with several sheets and notes).</summary>
    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteValue(OpenXmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteElement(new Cell());
                break;
            case int or long or double or decimal:
                writer.WriteElement(new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
                });
                break;
            case DateTimeOffset instant:
                WriteText(writer, Domain.Common.ChinaTime.Format(instant));
                break;
            case DateOnly date:
                WriteText(writer, Domain.Common.ChinaTime.FormatDate(date));
                break;
            default:
                // Text cells keep phone numbers and codes from turning into numbers.
                WriteText(writer, value.ToString() ?? "");
                break;
        }
    }

    private static void WriteText(OpenXmlWriter writer, string text, uint style = 0)
    {
        var cell = new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Sanitize(text)) { Space = SpaceProcessingModeValues.Preserve }) };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }
        writer.WriteElement(cell);
    }

    /// <summary>XML 1.0 forbids most control characters; a stray one in user input would corrupt the file.</summary>
    private static string Sanitize(string text) =>
        text.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray())
            : text;

    private static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            name = (char)('A' + remainder) + name;
            number = (number - 1) / 26;
        }
        return name;
    }

    private static Stylesheet BuildStylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE3F2FD" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true }));
}
