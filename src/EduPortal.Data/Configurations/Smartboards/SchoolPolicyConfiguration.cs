using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class SchoolPolicyConfiguration : IEntityTypeConfiguration<SchoolPolicy>
{
    public void Configure(EntityTypeBuilder<SchoolPolicy> builder)
    {
        builder.ToTable("SchoolPolicies");
        builder.Property(p => p.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(p => p.Department).HasMaxLength(SchoolPolicy.MaxNameLength).IsRequired();
        builder.Property(p => p.ResponsiblePerson).HasMaxLength(SchoolPolicy.MaxNameLength).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(SchoolPolicy.MaxSummaryLength);
        builder.Property(p => p.UpdatedByName).HasMaxLength(50).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One record per policy kind per school.
        builder.HasIndex(p => new { p.SchoolId, p.Kind }).IsUnique();
        builder.HasIndex(p => p.SchoolPath);
    }
}
