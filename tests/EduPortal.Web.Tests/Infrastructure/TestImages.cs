using SkiaSharp;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>Real image bytes of a chosen size and format, drawn with SkiaSharp.</summary>
public static class TestImages
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, SKColor color, int quality = 100)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }
}
