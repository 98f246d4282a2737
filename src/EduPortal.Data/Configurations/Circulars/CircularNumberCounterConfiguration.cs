using EduPortal.Domain.Circulars;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Circulars;

internal sealed class CircularNumberCounterConfiguration : IEntityTypeConfiguration<CircularNumberCounter>
{
    public void Configure(EntityTypeBuilder<CircularNumberCounter> builder)
    {
        builder.ToTable("CircularNumberCounters");
        builder.HasKey(c => new { c.IssuerUnitId, c.Year });
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
