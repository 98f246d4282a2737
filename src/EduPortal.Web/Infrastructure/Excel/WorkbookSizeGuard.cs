using System.IO.Compression;

namespace EduPortal.Web.Infrastructure.Excel;

/// <summary>
/// Checked before any import hands a workbook to ClosedXML, which unpacks the whole package in memory: an
/// .xlsx is a zip archive, and a small upload can unpack to gigabytes (a zip bomb). The archive's central
/// directory states every entry's unpacked size without unpacking anything.
/// </summary>
public static class WorkbookSizeGuard
{
    /// <summary>Total unpacked size accepted: a 2,000-row roster or a 5,000-row points sheet unpacks to a few MB.</summary>
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>Unpacked size over packed size accepted for the whole archive; spreadsheet XML compresses about 10:1.</summary>
    public const long MaxRatio = 100;

    /// <summary>Entries in the package accepted; a workbook has a few dozen parts.</summary>
    public const int MaxEntries = 1_000;

    public const string TooLargeMessage = "该 Excel 文件解压后过大，可能已损坏或不是正常的表格文件；请使用下载的模板重新填写";

    /// <summary>
    /// Null when the workbook may be parsed; otherwise the Chinese message to show. The stream's position is
    /// restored. A file that is not a zip archive passes here and is refused by the parser with its own message.
    /// </summary>
    public static string? Check(Stream workbook)
    {
        var start = workbook.Position;
        try
        {
            using var archive = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > MaxEntries)
            {
                return TooLargeMessage;
            }
            long unpacked = 0;
            foreach (var entry in archive.Entries)
            {
                // Sizes as the central directory declares them; nothing is unpacked here.
                unpacked += entry.Length;
                if (unpacked > MaxUnpackedBytes)
                {
                    return TooLargeMessage;
                }
            }
            var packed = Math.Max(1, workbook.Length - start);
            return unpacked / packed > MaxRatio ? TooLargeMessage : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            workbook.Position = start;
        }
    }
}
