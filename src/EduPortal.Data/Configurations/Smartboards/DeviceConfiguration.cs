using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("Devices");
        builder.Property(d => d.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(d => d.AssetTag).HasMaxLength(DeviceRules.MaxAssetTagLength).IsUnicode(false).IsRequired();
        builder.Property(d => d.Brand).HasMaxLength(DeviceRules.MaxBrandLength);
        builder.Property(d => d.Model).HasMaxLength(DeviceRules.MaxModelLength);
        builder.Property(d => d.SerialNumber).HasMaxLength(DeviceRules.MaxSerialLength);
        builder.Property(d => d.Notes).HasMaxLength(DeviceRules.MaxNotesLength);
        builder.Property(d => d.PurchaseValue).HasPrecision(12, 2);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Classroom>().WithMany().HasForeignKey(d => d.ClassroomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // 资产编号 is unique within a school (Snipe-IT's asset tag).
        builder.HasIndex(d => new { d.SchoolId, d.AssetTag }).IsUnique();
        // The register lists a school's devices by room and tag; the county and coverage roll-ups group by school and status.
        builder.HasIndex(d => new { d.SchoolId, d.ClassroomId, d.AssetTag });
        builder.HasIndex(d => new { d.CountyId, d.SchoolId, d.Status, d.Type });
        builder.HasIndex(d => new { d.Status, d.Type, d.ClassroomId });
        builder.HasIndex(d => d.SchoolPath);
    }
}
