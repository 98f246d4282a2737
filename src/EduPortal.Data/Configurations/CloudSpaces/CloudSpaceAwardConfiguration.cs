using EduPortal.Domain.CloudSpaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class CloudSpaceAwardConfiguration : IEntityTypeConfiguration<CloudSpaceAward>
{
    public void Configure(EntityTypeBuilder<CloudSpaceAward> builder)
    {
        builder.ToTable("CloudSpaceAwards");
        builder.Ignore(a => a.IsOverridden);
        builder.Property(a => a.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.TeacherName).HasMaxLength(60).IsRequired();
        builder.Property(a => a.OverrideNote).HasMaxLength(CloudSpaceAward.MaxNoteLength);
        builder.Property(a => a.OverriddenByName).HasMaxLength(60);
        builder.HasOne<CloudSpaceTerm>().WithMany().HasForeignKey(a => a.TermId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TermId, a.TeacherId }).IsUnique();
    }
}
