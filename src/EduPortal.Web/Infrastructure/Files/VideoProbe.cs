using MetadataExtractor;
using MetadataExtractor.Formats.QuickTime;

namespace EduPortal.Web.Infrastructure.Files;

/// <summary>
/// Reads a video's duration from its container metadata (the QuickTime/MP4 movie header 'mvhd' that phones
/// write), never from what the browser claims.
/// </summary>
public static class VideoProbe
{
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
