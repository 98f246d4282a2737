using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class SafetyInspectionConfiguration : IEntityTypeConfiguration<SafetyInspection>
{
    public void Configure(EntityTypeBuilder<SafetyInspection> builder)
    {
        builder.ToTable("SafetyInspections");
        builder.Property(i => i.SchoolName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(i => i.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(i => i.InspectorId).HasMaxLength(450).IsRequired();
        builder.Property(i => i.InspectorName).HasMaxLength(50).IsRequired();
        builder.Property(i => i.Notes).HasMaxLength(SafetyInspection.MaxTextLength);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.SchoolPath, i.InspectedOn });
    }
}
