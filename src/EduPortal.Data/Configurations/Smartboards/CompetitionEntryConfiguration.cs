using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class CompetitionEntryConfiguration : IEntityTypeConfiguration<CompetitionEntry>
{
    public void Configure(EntityTypeBuilder<CompetitionEntry> builder)
    {
        builder.ToTable("CompetitionEntries");
        builder.Property(e => e.SchoolName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(e => e.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(e => e.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.TeacherName).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(SmartboardLesson.MaxSubjectLength).IsRequired();
        builder.Property(e => e.LessonTitle).HasMaxLength(CompetitionEntry.MaxLessonTitleLength).IsRequired();
        builder.Property(e => e.EnteredByName).HasMaxLength(60).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // A teacher enters a competition once.
        builder.HasIndex(e => new { e.CompetitionId, e.TeacherId }).IsUnique();
        builder.HasIndex(e => e.SchoolId);
    }
}
