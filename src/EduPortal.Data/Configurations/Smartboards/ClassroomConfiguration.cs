using EduPortal.Data.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class ClassroomConfiguration : IEntityTypeConfiguration<Classroom>
{
    public void Configure(EntityTypeBuilder<Classroom> builder)
    {
        builder.ToTable("Classrooms");
        builder.Property(c => c.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(Classroom.MaxNameLength).IsRequired();
        builder.Property(c => c.ResponsibleUserId).HasMaxLength(450);
        builder.Property(c => c.ResponsibleName).HasMaxLength(60);
        builder.Property(c => c.Notes).HasMaxLength(Classroom.MaxNotesLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SchoolClass>().WithMany().HasForeignKey(c => c.SchoolClassId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.SchoolId, c.Name }).IsUnique();
        // One room per class.
        builder.HasIndex(c => c.SchoolClassId).IsUnique().HasFilter("\"SchoolClassId\" IS NOT NULL");
        builder.HasIndex(c => new { c.CountyId, c.SchoolId });
        builder.HasIndex(c => c.SchoolPath);
        builder.HasIndex(c => c.ResponsibleUserId);
    }
}
