using EduPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Plans;

internal sealed class PlanTargetEntryConfiguration : IEntityTypeConfiguration<PlanTargetEntry>
{
    public void Configure(EntityTypeBuilder<PlanTargetEntry> builder)
    {
        builder.ToTable("PlanTargetEntries");
        builder.Property(e => e.Value).HasPrecision(18, 4);
        builder.Property(e => e.EvidenceNote).HasMaxLength(PlanTargetEntry.MaxNoteLength);
        builder.Property(e => e.EvidenceLink).HasMaxLength(PlanTargetEntry.MaxLinkLength);
        builder.Property(e => e.EnteredById).HasMaxLength(450).IsRequired();
        builder.Property(e => e.EnteredByName).HasMaxLength(60).IsRequired();
        builder.Property(e => e.SupersededByName).HasMaxLength(60);
        builder.Ignore(e => e.IsCurrent);
        // A correction points at the entry it replaces; no cascade (the target's cascade removes both).
        builder.HasOne<PlanTargetEntry>().WithMany().HasForeignKey(e => e.CorrectsEntryId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(e => new { e.PlanTargetId, e.Date });
        builder.OwnsMany(e => e.Files, files => files.Files("PlanTargetEntryFiles", "PlanTargetEntryId"));
    }
}
