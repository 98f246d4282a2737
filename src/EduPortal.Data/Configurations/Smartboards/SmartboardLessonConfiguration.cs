using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class SmartboardLessonConfiguration : IEntityTypeConfiguration<SmartboardLesson>
{
    public void Configure(EntityTypeBuilder<SmartboardLesson> builder)
    {
        builder.ToTable("SmartboardLessons");
        builder.Property(l => l.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(l => l.ClassroomName).HasMaxLength(Classroom.MaxNameLength).IsRequired();
        builder.Property(l => l.Subject).HasMaxLength(SmartboardLesson.MaxSubjectLength).IsRequired();
        builder.Property(l => l.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(l => l.TeacherName).HasMaxLength(60).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // A deleted room leaves its lessons with the room's name (history of use outlives the room).
        builder.HasOne<Classroom>().WithMany().HasForeignKey(l => l.ClassroomId).OnDelete(DeleteBehavior.SetNull);
        // The term figures read a school's (or a county's) lessons by date.
        builder.HasIndex(l => new { l.SchoolId, l.TaughtOn });
        builder.HasIndex(l => new { l.CountyId, l.TaughtOn });
        builder.HasIndex(l => new { l.TeacherId, l.TaughtOn });
        builder.HasIndex(l => l.SchoolPath);
    }
}
