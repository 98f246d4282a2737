using System.IO.Compression;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Tests.Infrastructure;

namespace EduPortal.Web.Tests.Security;

/// <summary>Spreadsheet imports refuse a workbook that unpacks to far more than it weighs, before parsing it (issue 10).</summary>
[Collection(PortalCollection.Name)]
public sealed class WorkbookSizeTests(PortalFactory portal)
{
    /// <summary>A real workbook with one more part: <paramref name="megabytes"/> MB of spaces, which pack to almost nothing.</summary>
    private static byte[] Bomb(byte[] workbook, int megabytes)
    {
        using var file = new MemoryStream();
        file.Write(workbook);
        using (var archive = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = archive.CreateEntry("xl/padding.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(block);
            }
        }
        return file.ToArray();
    }

    [Fact]
    public async Task A_roster_workbook_that_unpacks_a_hundredfold_is_refused_before_parsing()
    {
        var bomb = Bomb(RosterFiles.Build(("李明", "13622229001", "数学")), 30);
        Assert.True(bomb.Length < 1024 * 1024);

        var result = await portal.Service<RosterImportService>().ParseAsync(new MemoryStream(bomb));

        Assert.Equal(WorkbookSizeGuard.TooLargeMessage, Assert.IsType<ValidationError>(result.Error).Fields["File"]);
    }

    [Fact]
    public async Task A_points_workbook_that_unpacks_a_hundredfold_is_refused_before_parsing()
    {
        var admin = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var bomb = Bomb(PointImportService.BuildTemplate(), 30);

        var result = await portal.Service<PointImportService>().ImportAsync(admin, new MemoryStream(bomb), "bomb.xlsx");

        Assert.Equal(WorkbookSizeGuard.TooLargeMessage, Assert.IsType<ValidationError>(result.Error).Fields["File"]);
    }

    [Fact]
    public void An_ordinary_workbook_passes_the_check_and_a_refused_one_is_left_at_its_start()
    {
        Assert.Null(WorkbookSizeGuard.Check(new MemoryStream(RosterFiles.Build(("李明", "13622229001", "数学")))));
        Assert.Null(WorkbookSizeGuard.Check(new MemoryStream("not a zip"u8.ToArray())));
        var stream = new MemoryStream(Bomb(PointImportService.BuildTemplate(), 20));
        stream.Position = 0;
        Assert.Equal(WorkbookSizeGuard.TooLargeMessage, WorkbookSizeGuard.Check(stream));
        Assert.Equal(0, stream.Position);
    }
}
