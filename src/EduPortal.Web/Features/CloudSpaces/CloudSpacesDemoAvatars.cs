using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>
/// Demo avatars on the teachers' accounts, the one part of the cloud-space target ② (circular 001 ②: 还要设置头像) the
/// demo roster lacks: about five teachers in six (the demo teacher included) get a generated portrait stored through
/// the upload pipeline, exactly as an upload on 我的资料 stores it. Seeded once, with the first cloud-space terms.
/// </summary>
public static class CloudSpacesDemoAvatars
{
    private static readonly SKColor[] Backgrounds =
    [
        new(0x90, 0xCA, 0xF9), new(0xA5, 0xD6, 0xA7), new(0xFF, 0xCC, 0x80), new(0xCE, 0x93, 0xD8),
        new(0x80, 0xCB, 0xC4), new(0xF4, 0x8F, 0xB1), new(0xB0, 0xBE, 0xC5), new(0xFF, 0xE0, 0x82),
    ];

    public static async Task SeedDemoAvatarsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        var db = seed.Db;
        if (!seed.Demo || await db.CloudSpaceTerms.AnyAsync(cancellationToken))
        {
            return;
        }
        var uploads = seed.Services.GetRequiredService<UploadPipeline>();
        var teachers = await db.Users.PointEarners().Serving().Where(u => u.AvatarFileKey == null).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var random = new Random(20261202);
        // 24 portraits (ground × hair), each drawn once; every teacher's copy is stored through the pipeline.
        var drawn = new Dictionary<(int Background, int Hair), byte[]>();
        foreach (var teacher in teachers)
        {
            if (teacher.UserName != DemoAccounts.Teacher && random.Next(6) == 0)
            {
                continue;
            }
            var look = (Background: random.Next(Backgrounds.Length), Hair: random.Next(3));
            if (!drawn.TryGetValue(look, out var image))
            {
                drawn[look] = image = Portrait(Backgrounds[look.Background], look.Hair);
            }
            var stored = await uploads.StoreAsync(new MemoryStream(image), image.Length, UploadPolicy.Avatar, cancellationToken);
            if (stored.Succeeded)
            {
                teacher.AvatarFileKey = stored.Value!.Key;
                teacher.AvatarThumbnailKey = stored.Value.ThumbnailKey;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A plain head-and-shoulders figure on a coloured ground, 96 px, as PNG.</summary>
    private static byte[] Portrait(SKColor background, int hair)
    {
        using var bitmap = new SKBitmap(96, 96);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background);
            using var body = new SKPaint { Color = new SKColor(0xFA, 0xFA, 0xFA), IsAntialias = true };
            using var dark = new SKPaint { Color = hair switch { 0 => new SKColor(0x33, 0x33, 0x33), 1 => new SKColor(0x5D, 0x40, 0x37), _ => new SKColor(0x42, 0x42, 0x42) }, IsAntialias = true };
            canvas.DrawOval(new SKRect(18, 62, 78, 110), body);
            canvas.DrawCircle(48, 40, 19, body);
            canvas.DrawArc(new SKRect(28, 19, 68, 53), 180, 180, true, dark);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
