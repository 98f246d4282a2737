using EduPortal.Domain.CloudSpaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class CloudSpaceManualEntryConfiguration : IEntityTypeConfiguration<CloudSpaceManualEntry>
{
    public void Configure(EntityTypeBuilder<CloudSpaceManualEntry> builder)
    {
        builder.ToTable("CloudSpaceManualEntries");
        builder.Property(e => e.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Evidence).HasMaxLength(CloudSpaceManualEntry.MaxEvidenceLength).IsRequired();
        builder.Property(e => e.EnteredById).HasMaxLength(450).IsRequired();
        builder.Property(e => e.EnteredByName).HasMaxLength(60).IsRequired();
        builder.HasOne<CloudSpaceTerm>().WithMany().HasForeignKey(e => e.TermId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TermId, e.TeacherId });
    }
}
