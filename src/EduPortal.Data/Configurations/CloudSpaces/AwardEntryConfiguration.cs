using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class AwardEntryConfiguration : IEntityTypeConfiguration<AwardEntry>
{
    public void Configure(EntityTypeBuilder<AwardEntry> builder)
    {
        builder.ToTable("AwardEntries");
        builder.Property(e => e.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(e => e.SchoolName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(e => e.TeacherId).HasMaxLength(450);
        builder.Property(e => e.TeacherName).HasMaxLength(60);
        builder.Property(e => e.SpaceUrl).HasMaxLength(AwardEntry.MaxUrlLength);
        builder.Property(e => e.Note).HasMaxLength(AwardEntry.MaxNoteLength);
        builder.Property(e => e.NominatedById).HasMaxLength(450);
        builder.Property(e => e.NominatedByName).HasMaxLength(60);
        builder.Property(e => e.OverrideNote).HasMaxLength(AwardEntry.MaxNoteLength);
        builder.Property(e => e.Score).HasPrecision(12, 2);
        builder.Property(e => e.TieBreak).HasPrecision(12, 2);
        builder.Ignore(e => e.FinalTier);
        builder.Ignore(e => e.DisplayName);
        builder.HasOne<AwardRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.RoundId, e.Kind, e.SchoolId, e.TeacherId });
        builder.HasIndex(e => e.SchoolPath);
    }
}
