using MetadataExtractor;
using MetadataExtractor.Formats.QuickTime;

namespace EduPortal.Web.Infrastructure.Files;

/// <summary>
/// Reads a video's duration from its container metadata (the QuickTime/MP4 movie header 'mvhd' that phones
/// write), never from what the browser claims.
/// </summary>
public static class VideoProbe
{
    /// <summary>Boxes that hold nothing but other boxes: their children must tile them exactly.</summary>
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl"];

    /// <summary>
    /// True when the file is an ISO base-media (MP4/MOV) file as a whole: a sequence of boxes from the first
    /// byte to the last, none overrunning its parent or the file, with 'ftyp' first and a 'moov' present. A
    /// valid header followed by something else (an HTML page, a second file) is refused.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> file)
    {
        var types = new List<string>();
        if (!WalkBoxes(file, types, depth: 0))
        {
            return false;
        }
        return types.Count > 0 && types[0] == "ftyp" && types.Contains("moov");
    }

    private static bool WalkBoxes(ReadOnlySpan<byte> data, List<string>? topLevel, int depth)
    {
        if (depth > 8)
        {
            return false;
        }
        var offset = 0L;
        while (offset < data.Length)
        {
            if (data.Length - offset < 8)
            {
                return false;
            }
            var box = data[(int)offset..];
            long size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(box);
            var typeBytes = box.Slice(4, 4);
            foreach (var b in typeBytes)
            {
                // Box types are four printable characters ('©nam' in QuickTime uses 0xA9).
                if (b < 0x20 || (b > 0x7E && b != 0xA9))
                {
                    return false;
                }
            }
            var type = System.Text.Encoding.Latin1.GetString(typeBytes);
            var headerLength = 8L;
            if (size == 1)
            {
                if (box.Length < 16)
                {
                    return false;
                }
                var large = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(box[8..]);
                if (large > long.MaxValue)
                {
                    return false;
                }
                size = (long)large;
                headerLength = 16;
            }
            else if (size == 0)
            {
                // "To the end of the file": only the last top-level box may say so.
                if (depth > 0)
                {
                    return false;
                }
                size = data.Length - offset;
            }
            if (size < headerLength || size > data.Length - offset)
            {
                return false;
            }
            topLevel?.Add(type);
            if (Containers.Contains(type) && !WalkBoxes(box[(int)headerLength..(int)size], null, depth + 1))
            {
                return false;
            }
            offset += size;
        }
        return offset == data.Length;
    }

    /// <summary>The duration, or null when the file has no readable movie header.</summary>
    public static TimeSpan? ReadDuration(Stream content)
    {
        try
        {
            foreach (var directory in QuickTimeMetadataReader.ReadMetadata(content))
            {
                if (directory is not QuickTimeMovieHeaderDirectory header || !header.ContainsTag(QuickTimeMovieHeaderDirectory.TagDuration))
                {
                    continue;
                }
                var value = header.GetObject(QuickTimeMovieHeaderDirectory.TagDuration);
                if (value is TimeSpan span)
                {
                    return span >= TimeSpan.Zero ? span : null;
                }
                // Older readers hand back the raw count of time-scale units.
                if (header.TryGetInt64(QuickTimeMovieHeaderDirectory.TagTimeScale, out var scale) && scale > 0
                    && header.TryGetInt64(QuickTimeMovieHeaderDirectory.TagDuration, out var units) && units >= 0)
                {
                    return TimeSpan.FromSeconds((double)units / scale);
                }
            }
        }
        catch (Exception e) when (e is MetadataExtractor.ImageProcessingException or IOException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
        return null;
    }
}
