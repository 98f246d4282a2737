using System.Buffers.Binary;
using System.Net;
using System.Text;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Tests.LabRecords;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;

namespace EduPortal.Web.Tests.Infrastructure.Files;

/// <summary>What an upload is stored and served as: re-encoded pixels, whole videos, declared types (issue 10).</summary>
[Collection(PortalCollection.Name)]
public sealed class UploadedContentTests(PortalFactory portal)
{
    private const string HtmlPayload = "<html><body><script>alert(document.cookie)</script></body></html>";

    [Fact]
    public async Task A_jpeg_carrying_an_html_page_is_stored_as_pixels_only()
    {
        var content = Jpeg(64, 48).Concat(Encoding.ASCII.GetBytes(HtmlPayload)).ToArray();

        var stored = (await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo)).Value!;

        var bytes = await File.ReadAllBytesAsync(Path.Combine(portal.FilesRoot, stored.Key));
        Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(bytes.Length, stored.Length);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_photo_loses_its_gps_position_but_keeps_its_orientation()
    {
        // A phone photo held upright: pixels stored 40×20 with EXIF orientation 6 (turn 90° clockwise to show).
        var content = WithExif(Jpeg(40, 20), orientation: 6, latitude: (31, 14, 30), longitude: (121, 28, 10));
        Assert.Contains(ImageMetadataReader.ReadMetadata(new MemoryStream(content)), d => d is GpsDirectory);

        var stored = (await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo)).Value!;

        var bytes = await File.ReadAllBytesAsync(Path.Combine(portal.FilesRoot, stored.Key));
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        Assert.DoesNotContain(metadata, d => d is GpsDirectory);
        Assert.DoesNotContain(metadata, d => d is ExifIfd0Directory ifd0 && ifd0.ContainsTag(ExifDirectoryBase.TagOrientation));
        Assert.Equal((20, 40), (stored.Width!.Value, stored.Height!.Value));
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((20, 40), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_video_followed_by_junk_is_refused_in_chinese()
    {
        var content = LabMediaFiles.Mp4(12).Concat(Encoding.ASCII.GetBytes(HtmlPayload)).ToArray();

        var result = await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), content.Length,
            UploadPolicy.LabVideo(50, TimeSpan.FromMinutes(3)));

        Assert.Equal(MediaMessages.VideoMalformed, Assert.IsType<ValidationError>(result.Error).Fields["File"]);
    }

    [Fact]
    public void A_box_that_overruns_the_file_or_its_parent_is_refused_and_a_whole_video_passes()
    {
        var video = LabMediaFiles.Mp4(12);
        Assert.True(VideoProbe.IsWellFormed(video));

        var overrunsFile = video.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(overrunsFile.AsSpan(24), (uint)(video.Length * 2)); // the moov box
        Assert.False(VideoProbe.IsWellFormed(overrunsFile));

        var overrunsParent = video.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(overrunsParent.AsSpan(32), 200); // mvhd inside moov
        Assert.False(VideoProbe.IsWellFormed(overrunsParent));

        Assert.False(VideoProbe.IsWellFormed(video[..^3]));
    }

    [Fact]
    public async Task Stored_files_are_served_with_nosniff_and_an_inline_server_made_file_name()
    {
        var content = Jpeg(40, 30);
        var avatar = (await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Avatar)).Value!;
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);

        var response = await teacher.GetAsync($"/files/{avatar.Key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal($"{Path.GetFileNameWithoutExtension(avatar.Key)}.jpg", disposition.FileName?.Trim('"'));
    }

    [Fact]
    public void A_zip_stored_as_application_zip_under_an_xlsx_name_is_served_as_a_spreadsheet_with_its_chinese_name()
    {
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();

        var result = StoredFileResults.Serve(http, new MemoryStream(zip), FileKind.OfficeZip.ContentType(), "plan-task-7", @"../教学\计划""表.xlsx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult>(result).ContentType);
        var disposition = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(http.Response.Headers.ContentDisposition.ToString());
        Assert.Equal("attachment", disposition.DispositionType.ToString());
        Assert.Equal("教学计划表.xlsx", disposition.FileNameStar.ToString());
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public void Bytes_that_are_no_zip_under_an_xlsx_name_keep_their_declared_type_and_extension()
    {
        var pdf = "%PDF-1.4 ..."u8.ToArray();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();

        var result = StoredFileResults.Serve(http, new MemoryStream(pdf), FileKind.Pdf.ContentType(), "file-1", "伪装.xlsx");

        Assert.Equal("application/pdf", Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult>(result).ContentType);
        var disposition = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(http.Response.Headers.ContentDisposition.ToString());
        Assert.Equal("伪装.pdf", disposition.FileNameStar.ToString());
    }

    private static byte[] Jpeg(int width, int height) => TestImages.Encode(width, height, SKEncodedImageFormat.Jpeg, SKColors.SeaGreen, quality: 90);

    /// <summary>The JPEG with an EXIF segment (APP1) right after its start marker: orientation and a GPS position.</summary>
    private static byte[] WithExif(byte[] jpeg, ushort orientation, (uint D, uint M, uint S) latitude, (uint D, uint M, uint S) longitude)
    {
        var tiff = new byte[140];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        void Entry(int at, ushort tag, ushort type, uint count, uint value, bool shortValue = false)
        {
            BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
            if (shortValue)
            {
                BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 8), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
            }
        }
        // IFD0 at 8: orientation and the pointer to the GPS IFD at 38.
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2);
        Entry(10, 0x0112, 3, 1, orientation, shortValue: true);
        Entry(22, 0x8825, 4, 1, 38);
        // GPS IFD at 38: N/E references inline, the degrees/minutes/seconds rationals at 92 and 116.
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(38), 4);
        Entry(40, 0x0001, 2, 2, 0);
        "N"u8.CopyTo(tiff.AsSpan(48));
        Entry(52, 0x0002, 5, 3, 92);
        Entry(64, 0x0003, 2, 2, 0);
        "E"u8.CopyTo(tiff.AsSpan(72));
        Entry(76, 0x0004, 5, 3, 116);
        void Rationals(int at, (uint D, uint M, uint S) value)
        {
            uint[] parts = [value.D, 1, value.M, 1, value.S, 1];
            for (var i = 0; i < parts.Length; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4 * i), parts[i]);
            }
        }
        Rationals(92, latitude);
        Rationals(116, longitude);

        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        segment.Add((byte)(length >> 8));
        segment.Add((byte)length);
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
