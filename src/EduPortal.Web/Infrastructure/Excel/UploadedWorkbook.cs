using ClosedXML.Excel;
using EduPortal.Domain.Common;

namespace EduPortal.Web.Infrastructure.Excel;

/// <summary>Opens an uploaded .xlsx for an import: the size guard first, then a workbook or a message for the file field.</summary>
public static class UploadedWorkbook
{
    public const string UnreadableMessage = "无法读取该文件，请使用下载的 Excel 模板（.xlsx）";

    /// <summary>
    /// The workbook in <paramref name="buffer"/>, or a validation error on the field "File": too large once unpacked
    /// (<see cref="WorkbookSizeGuard"/>), or not a readable workbook (<paramref name="unreadableMessage"/>).
    /// </summary>
    public static Result<XLWorkbook> Open(MemoryStream buffer, string unreadableMessage = UnreadableMessage)
    {
        if (WorkbookSizeGuard.Check(buffer) is { } tooLarge)
        {
            return ValidationError.For("File", tooLarge);
        }
        try
        {
            return new XLWorkbook(buffer);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException or ArgumentException or InvalidOperationException or IOException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return ValidationError.For("File", unreadableMessage);
        }
    }
}
