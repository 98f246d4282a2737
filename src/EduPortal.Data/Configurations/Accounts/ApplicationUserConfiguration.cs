using EduPortal.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Accounts;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.RealName).HasMaxLength(30).IsRequired();
        builder.Property(u => u.PhoneNumber).HasMaxLength(20);
        builder.Property(u => u.SubjectsText).HasMaxLength(200);
        builder.Property(u => u.AvatarFileKey).HasMaxLength(200);
        builder.Property(u => u.AvatarThumbnailKey).HasMaxLength(200);
        builder.Property(u => u.ReviewedById).HasMaxLength(450);
        builder.Property(u => u.RejectionReason).HasMaxLength(200);
        builder.HasOne(u => u.OrgUnit).WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        // Sign-in by phone number: one account per number. SQL Server's provider filters out NULLs by
        // convention; SQLite and PostgreSQL let several NULLs through a unique index anyway.
        builder.HasIndex(u => u.PhoneNumber).IsUnique();
        // A school's accounts by status, and the point earners the deep-application index and the points trend count
        // (active, serving, teacher or school admin) with their ids, from this index alone: never the wide account rows.
        builder.HasIndex(u => new { u.OrgUnitId, u.Status, u.Employment, u.Level, u.Id });
        // Registered teachers per school and subject list (the survey board, 教师实名注册率): counted from this index alone,
        // already in (school, subject list) order, without reading the wide account rows.
        builder.HasIndex(u => new { u.OrgUnitId, u.SubjectsText, u.Status, u.Employment, u.RegisteredAt });
        builder.Ignore(u => u.Subjects);
        builder.Ignore(u => u.Position);
        builder.Ignore(u => u.CanSignIn);
    }
}
