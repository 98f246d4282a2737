using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class RepairDeadlineSettingConfiguration : IEntityTypeConfiguration<RepairDeadlineSetting>
{
    public void Configure(EntityTypeBuilder<RepairDeadlineSetting> builder)
    {
        builder.ToTable("RepairDeadlineSettings");
        builder.Property(s => s.UpdatedByName).HasMaxLength(50);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.CountyId).IsUnique();
        builder.Ignore(s => s.Deadlines);
    }
}
