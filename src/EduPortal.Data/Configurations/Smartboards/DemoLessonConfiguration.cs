using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class DemoLessonConfiguration : IEntityTypeConfiguration<DemoLesson>
{
    public void Configure(EntityTypeBuilder<DemoLesson> builder)
    {
        builder.ToTable("DemoLessons");
        builder.Property(l => l.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(l => l.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(l => l.TeacherName).HasMaxLength(60).IsRequired();
        builder.Property(l => l.Subject).HasMaxLength(SmartboardLesson.MaxSubjectLength).IsRequired();
        builder.Property(l => l.Topic).HasMaxLength(DemoLesson.MaxTopicLength).IsRequired();
        builder.Property(l => l.ClassroomName).HasMaxLength(Classroom.MaxNameLength).IsRequired();
        builder.Property(l => l.Notes).HasMaxLength(DemoLesson.MaxNotesLength);
        builder.Property(l => l.EvidenceLink).HasMaxLength(DemoLesson.MaxLinkLength);
        builder.Property(l => l.RecordedById).HasMaxLength(450).IsRequired();
        builder.Property(l => l.RecordedByName).HasMaxLength(60).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // A deleted room leaves its demo lessons with the room's name.
        builder.HasOne<Classroom>().WithMany().HasForeignKey(l => l.ClassroomId).OnDelete(DeleteBehavior.SetNull);
        // The yearly count per school reads by school (or county) and date.
        builder.HasIndex(l => new { l.SchoolId, l.HeldOn });
        builder.HasIndex(l => new { l.CountyId, l.HeldOn });
        builder.HasIndex(l => l.SchoolPath);
    }
}
