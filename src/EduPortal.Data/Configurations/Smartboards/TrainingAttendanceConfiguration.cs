using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.ToTable("TrainingAttendances");
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.UserName).HasMaxLength(50).IsRequired();
        builder.Property(a => a.SchoolName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(a => a.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(a => a.Hours).HasPrecision(5, 1);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TrainingId, a.UserId }).IsUnique();
        // The per-teacher year totals and the school share read by school and date.
        builder.HasIndex(a => new { a.SchoolPath, a.HeldOn });
        builder.HasIndex(a => new { a.UserId, a.HeldOn });
    }
}
