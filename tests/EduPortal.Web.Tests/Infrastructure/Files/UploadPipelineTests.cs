using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Files;
using SkiaSharp;

namespace EduPortal.Web.Tests.Infrastructure.Files;

[Collection(PortalCollection.Name)]
public sealed class UploadPipelineTests(PortalFactory portal)
{
    private static byte[] Png(int width, int height) => TestImages.Encode(width, height, SKEncodedImageFormat.Png, SKColors.CornflowerBlue);

    [Fact]
    public async Task An_image_is_stored_under_a_server_key_with_a_small_thumbnail()
    {
        var content = Png(1600, 1200);
        var result = await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo);

        var stored = result.Value!;
        Assert.True(FileKeys.IsValid(stored.Key));
        Assert.StartsWith("photos/", stored.Key);
        Assert.Equal((1600, 1200), (stored.Width!.Value, stored.Height!.Value));
        Assert.True(File.Exists(Path.Combine(portal.FilesRoot, stored.Key)));
        using var thumbnail = SKBitmap.Decode(Path.Combine(portal.FilesRoot, stored.ThumbnailKey!));
        Assert.Equal((UploadPipeline.ThumbnailSize, 240), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public async Task A_text_file_named_like_a_photo_is_refused_by_its_content()
    {
        var content = "this is not a jpeg"u8.ToArray();
        var result = await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo);
        Assert.Contains("请勿仅修改扩展名", Assert.IsType<ValidationError>(result.Error).Fields["File"]);
    }

    [Fact]
    public async Task A_corrupt_image_with_a_valid_header_is_refused()
    {
        var content = Png(10, 10)[..40];
        var result = await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo);
        Assert.Equal("图片已损坏，无法读取", Assert.IsType<ValidationError>(result.Error).Fields["File"]);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_even_when_the_client_understates_its_size()
    {
        var policy = UploadPolicy.Avatar with { MaxBytes = 100 };
        var content = Png(200, 200);
        Assert.True(content.Length > 100);
        var result = await portal.Service<UploadPipeline>().StoreAsync(new MemoryStream(content), 50, policy);
        Assert.StartsWith("文件过大", Assert.IsType<ValidationError>(result.Error).Fields["File"]);
    }

    [Fact]
    public async Task Only_avatars_are_served_to_any_signed_in_user_other_categories_need_their_module()
    {
        var content = Png(40, 30);
        var pipeline = portal.Service<UploadPipeline>();
        var photo = (await pipeline.StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo)).Value!;
        var avatar = (await pipeline.StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Avatar)).Value!;
        var (teacher, _) = await portal.SignInAsync(EduPortal.Data.Seeding.DemoAccounts.Teacher);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await teacher.GetAsync($"/files/{photo.Key}")).StatusCode);
        var response = await teacher.GetAsync($"/files/{avatar.ThumbnailKey}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await portal.Browser().GetAsync($"/files/{avatar.Key}")).StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, FileKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, FileKind.Png)]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32 }, FileKind.Mp4)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, FileKind.Pdf)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, FileKind.OfficeZip)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, FileKind.Unknown)]
    public void File_kinds_are_recognised_by_their_first_bytes(byte[] header, FileKind kind)
    {
        Assert.Equal(kind, FileSignatures.Detect(header));
    }

    [Theory]
    [InlineData("avatars/2026/11/0123456789abcdef0123456789abcdef.jpg", true)]
    [InlineData("avatars/2026/11/0123456789abcdef0123456789abcdef-thumb.jpg", true)]
    [InlineData("../secrets.txt", false)]
    [InlineData("avatars/2026/11/../../x.jpg", false)]
    [InlineData("/etc/passwd", false)]
    public void Only_server_generated_keys_are_accepted(string key, bool valid)
    {
        Assert.Equal(valid, FileKeys.IsValid(key));
    }
}
