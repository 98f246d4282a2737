using System.Buffers.Binary;
using System.Text;
using EduPortal.Web.Tests.Infrastructure;
using SkiaSharp;

namespace EduPortal.Web.Tests.LabRecords;

/// <summary>Real photo bytes and minimal but valid MP4 containers of a chosen duration.</summary>
public static class LabMediaFiles
{
    public static byte[] Jpeg(int width = 800, int height = 600, byte shade = 120) =>
        TestImages.Encode(width, height, SKEncodedImageFormat.Jpeg, new SKColor(shade, 160, 200), quality: 80);

    /// <summary>An ISO base-media file: 'ftyp' then 'moov' holding a version-0 movie header with the given duration.</summary>
    public static byte[] Mp4(double seconds, uint timeScale = 1000)
    {
        using var stream = new MemoryStream();
        void Box(string type, byte[] payload)
        {
            var header = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(payload.Length + 8));
            Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
            stream.Write(header);
            stream.Write(payload);
        }
        Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isommp41"u8]);
        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), timeScale);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), (uint)Math.Round(seconds * timeScale));
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(20), 0x00010000); // rate 1.0
        BinaryPrimitives.WriteUInt16BigEndian(mvhd.AsSpan(24), 0x0100); // volume 1.0
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(36), 0x00010000); // identity matrix
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(52), 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(68), 0x40000000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(96), 2); // next track id
        using var moov = new MemoryStream();
        var mvhdHeader = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(mvhdHeader, 108);
        "mvhd"u8.CopyTo(mvhdHeader.AsSpan(4));
        moov.Write(mvhdHeader);
        moov.Write(mvhd);
        Box("moov", moov.ToArray());
        return stream.ToArray();
    }
}
