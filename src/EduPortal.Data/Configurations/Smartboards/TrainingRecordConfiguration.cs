using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("TrainingRecords");
        builder.Property(t => t.Title).HasMaxLength(TrainingRecord.MaxTitleLength).IsRequired();
        builder.Property(t => t.Organiser).HasMaxLength(TrainingRecord.MaxOrganiserLength).IsRequired();
        builder.Property(t => t.Hours).HasPrecision(5, 1);
        builder.Property(t => t.OwnerPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.RecordedById).HasMaxLength(450).IsRequired();
        builder.Property(t => t.RecordedByName).HasMaxLength(50).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OwnerOrgId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Attendances).WithOne().HasForeignKey(a => a.TrainingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Attendances).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(t => new { t.OwnerPath, t.HeldOn });
    }
}
