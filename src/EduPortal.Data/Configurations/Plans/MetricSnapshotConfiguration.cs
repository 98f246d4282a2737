using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Plans;

internal sealed class MetricSnapshotConfiguration : IEntityTypeConfiguration<MetricSnapshot>
{
    public void Configure(EntityTypeBuilder<MetricSnapshot> builder)
    {
        builder.ToTable("MetricSnapshots");
        builder.Property(s => s.MetricKey).HasMaxLength(MetricSnapshot.MaxKeyLength).IsUnicode(false).IsRequired();
        builder.Property(s => s.Value).HasPrecision(18, 4);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        // One value per metric, unit and China date: the daily job replaces that day's row when it runs again.
        builder.HasIndex(s => new { s.MetricKey, s.OrgUnitId, s.Date }).IsUnique();
    }
}
