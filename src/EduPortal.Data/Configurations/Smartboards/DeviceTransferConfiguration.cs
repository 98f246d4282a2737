using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class DeviceTransferConfiguration : IEntityTypeConfiguration<DeviceTransfer>
{
    public void Configure(EntityTypeBuilder<DeviceTransfer> builder)
    {
        builder.ToTable("DeviceTransfers");
        builder.Property(t => t.FromSchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.FromSchoolName).HasMaxLength(100).IsRequired();
        builder.Property(t => t.FromAssetTag).HasMaxLength(DeviceRules.MaxAssetTagLength).IsUnicode(false).IsRequired();
        builder.Property(t => t.ToSchoolPath).HasMaxLength(200).IsUnicode(false);
        builder.Property(t => t.ToSchoolName).HasMaxLength(100);
        builder.Property(t => t.ToAssetTag).HasMaxLength(DeviceRules.MaxAssetTagLength).IsUnicode(false);
        builder.Property(t => t.OfferNote).HasMaxLength(DeviceTransfer.MaxNoteLength);
        builder.Property(t => t.RequestNote).HasMaxLength(DeviceTransfer.MaxNoteLength);
        builder.Property(t => t.OfferedById).HasMaxLength(450).IsRequired();
        builder.Property(t => t.OfferedByName).HasMaxLength(60).IsRequired();
        builder.Property(t => t.RequestedById).HasMaxLength(450);
        builder.Property(t => t.RequestedByName).HasMaxLength(60);
        builder.Property(t => t.ClosedById).HasMaxLength(450);
        builder.Property(t => t.ClosedByName).HasMaxLength(60);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Device>().WithMany().HasForeignKey(t => t.DeviceId).OnDelete(DeleteBehavior.Restrict);
        // One open offer per device, guaranteed by the database.
        builder.HasIndex(t => t.DeviceId).IsUnique().HasFilter("\"State\" IN (1, 2)").HasDatabaseName("IX_DeviceTransfers_OneOpenPerDevice");
        builder.HasIndex(t => new { t.CountyId, t.State, t.OfferedAt });
        builder.HasIndex(t => new { t.DeviceId, t.OfferedAt });
    }
}
