using EduPortal.Data.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class TechnicianPostConfiguration : IEntityTypeConfiguration<TechnicianPost>
{
    public void Configure(EntityTypeBuilder<TechnicianPost> builder)
    {
        builder.ToTable("TechnicianPosts");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.OrgPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(p => p.Duty).HasMaxLength(TechnicianPost.MaxDutyLength);
        builder.Property(p => p.UpdatedByName).HasMaxLength(60);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<TechnicianPost>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OrgUnitId, p.FullTime });
        builder.HasIndex(p => p.OrgPath);
    }
}
