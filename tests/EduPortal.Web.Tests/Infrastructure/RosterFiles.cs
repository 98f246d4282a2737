using ClosedXML.Excel;
using EduPortal.Web.Features.Accounts;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>Roster workbooks written into the downloadable template, as a school admin would fill it.</summary>
public static class RosterFiles
{
    public static byte[] Build(params (string Name, string Phone, string Subjects)[] rows)
    {
        using var template = new MemoryStream(RosterImportService.BuildTemplate());
        using var workbook = new XLWorkbook(template);
        var sheet = workbook.Worksheet(1);
        sheet.Row(2).Delete(); // the example row
        for (var i = 0; i < rows.Length; i++)
        {
            sheet.Cell(i + 2, 1).Value = rows[i].Name;
            sheet.Cell(i + 2, 2).SetValue(rows[i].Phone);
            sheet.Cell(i + 2, 3).Value = rows[i].Subjects;
        }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
