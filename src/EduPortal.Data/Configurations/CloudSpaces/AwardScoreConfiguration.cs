using EduPortal.Domain.CloudSpaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class AwardScoreConfiguration : IEntityTypeConfiguration<AwardScore>
{
    public void Configure(EntityTypeBuilder<AwardScore> builder)
    {
        builder.ToTable("AwardScores");
        builder.Property(s => s.ExpertId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ExpertName).HasMaxLength(60).IsRequired();
        builder.Property(s => s.Comment).HasMaxLength(AwardRubric.MaxCommentLength);
        builder.Ignore(s => s.Total);
        builder.HasOne<AwardEntry>().WithMany().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        // One score sheet per expert and entry; a second save revises it.
        builder.HasIndex(s => new { s.EntryId, s.ExpertId }).IsUnique();
        builder.HasIndex(s => s.RoundId);
    }
}
