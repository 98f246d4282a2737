using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class SchoolNetworkProfileConfiguration : IEntityTypeConfiguration<SchoolNetworkProfile>
{
    public void Configure(EntityTypeBuilder<SchoolNetworkProfile> builder)
    {
        builder.ToTable("SchoolNetworkProfiles");
        builder.HasKey(p => p.SchoolId);
        builder.Property(p => p.SchoolId).ValueGeneratedNever();
        builder.Property(p => p.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(p => p.Provider).HasMaxLength(SchoolNetworkProfile.MaxProviderLength);
        builder.Property(p => p.UpdatedByName).HasMaxLength(60);
        builder.HasOne<OrgUnit>().WithOne().HasForeignKey<SchoolNetworkProfile>(p => p.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CountyId);
        builder.HasIndex(p => p.SchoolPath);
    }
}
