using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace EduPortal.Web.Tests.Faults;

/// <summary>The portal whose file store runs out of space after a number of bytes, when told to.</summary>
public sealed class DiskFullPortalFactory : PortalFactory
{
    /// <summary>Bytes that still fit on the "disk"; null: no limit.</summary>
    public long? SpaceLeft { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(provider => new LocalFileStore(FilesRoot, provider.GetRequiredService<TimeProvider>())
        {
            OpenTarget = path => new FillingStream(new FileStream(path, FileMode.Create, FileAccess.Write), this),
        }));
    }

    /// <summary>Writes through to the file until the space is used up, then fails as a full disk does (ENOSPC).</summary>
    private sealed class FillingStream(FileStream inner, DiskFullPortalFactory disk) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (disk.SpaceLeft is { } left)
            {
                var fits = (int)Math.Min(left, count);
                inner.Write(buffer, offset, fits);
                disk.SpaceLeft = left - fits;
                if (fits < count)
                {
                    inner.Flush();
                    throw new IOException("No space left on device");
                }
                return;
            }
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>A portal of its own for the fault tests: they fill its disk and hold its database's write lock.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<DiskFullPortalFactory>
{
    public const string Name = "faults";
}

/// <summary>The disk fills up during an upload: no half-written file, no row pointing to a missing file, a clear message.</summary>
[Collection(FaultsCollection.Name)]
public sealed class DiskFullTests(DiskFullPortalFactory portal)
{
    private static byte[] Png(int width, int height) => TestImages.Encode(width, height, SKEncodedImageFormat.Png, SKColors.SeaGreen);

    /// <summary>
    /// The files of one upload category (a partial "name.part" lands beside its file, so it is counted too): the
    /// portal's background jobs (the demo bulletins' PDFs) may write other folders meanwhile.
    /// </summary>
    private string[] StoredFiles(UploadPolicy policy)
    {
        var folder = Path.Combine(portal.FilesRoot, policy.Category);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];
    }

    [Fact]
    public async Task The_disk_filling_up_mid_file_leaves_no_partial_file_and_no_avatar_pointing_to_it()
    {
        string? avatarBefore;
        await using (var db = await portal.DbAsync())
        {
            avatarBefore = (await db.Users.SingleAsync(u => u.UserName == DemoAccounts.Teacher)).AvatarFileKey;
        }
        var before = StoredFiles(UploadPolicy.Avatar);
        var content = Png(900, 700);
        portal.SpaceLeft = 1000;
        try
        {
            var caller = await portal.CallerAsync(DemoAccounts.Teacher);
            var result = await portal.Service<ProfileService>().SetAvatarAsync(caller, new MemoryStream(content), content.Length);
            Assert.Equal(UploadPipeline.StorageFailedMessage, Assert.IsType<ValidationError>(result.Error).Fields["File"]);
        }
        finally
        {
            portal.SpaceLeft = null;
        }
        Assert.Equal(before, StoredFiles(UploadPolicy.Avatar));
        await using var check = await portal.DbAsync();
        Assert.Equal(avatarBefore, (await check.Users.SingleAsync(u => u.UserName == DemoAccounts.Teacher)).AvatarFileKey);
    }

    [Fact]
    public async Task The_disk_filling_up_at_the_thumbnail_removes_the_stored_image_too()
    {
        var content = Png(1200, 900);
        var pipeline = portal.Service<UploadPipeline>();
        // Measure what the re-encoded image takes, then leave room for it and not for its thumbnail.
        var probe = (await pipeline.StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo)).Value!;
        await pipeline.DeleteAsync(probe);
        var before = StoredFiles(UploadPolicy.Photo);
        portal.SpaceLeft = probe.Length + 100;
        try
        {
            var result = await pipeline.StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo);
            Assert.Equal(UploadPipeline.StorageFailedMessage, Assert.IsType<ValidationError>(result.Error).Fields["File"]);
        }
        finally
        {
            portal.SpaceLeft = null;
        }
        Assert.Equal(before, StoredFiles(UploadPolicy.Photo));

        // Once there is room again the same upload is stored whole.
        var again = await pipeline.StoreAsync(new MemoryStream(content), content.Length, UploadPolicy.Photo);
        Assert.True(File.Exists(Path.Combine(portal.FilesRoot, again.Value!.Key)));
        Assert.True(File.Exists(Path.Combine(portal.FilesRoot, again.Value.ThumbnailKey!)));
    }
}
