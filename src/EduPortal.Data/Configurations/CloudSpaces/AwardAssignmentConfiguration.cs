using EduPortal.Domain.CloudSpaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class AwardAssignmentConfiguration : IEntityTypeConfiguration<AwardAssignment>
{
    public void Configure(EntityTypeBuilder<AwardAssignment> builder)
    {
        builder.ToTable("AwardAssignments");
        builder.Property(a => a.ExpertId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.ExpertName).HasMaxLength(60).IsRequired();
        builder.Property(a => a.AssignedByName).HasMaxLength(60).IsRequired();
        builder.HasOne<AwardEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        // One assignment per expert and entry.
        builder.HasIndex(a => new { a.EntryId, a.ExpertId }).IsUnique();
        builder.HasIndex(a => new { a.ExpertId, a.RoundId });
    }
}
