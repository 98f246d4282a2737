using ClosedXML.Excel;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>Import workbooks written into an import's downloadable template, as an admin would fill it.</summary>
public static class ImportFiles
{
    /// <summary>The template with its example row replaced by <paramref name="rows"/> (every cell typed as text), ready to upload.</summary>
    public static MemoryStream FromTemplate(byte[] template, params string[][] rows)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        var sheet = workbook.Worksheet(1);
        sheet.Row(2).Delete(); // the example row
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
            }
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}
