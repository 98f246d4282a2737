using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class CloudSpaceTermConfiguration : IEntityTypeConfiguration<CloudSpaceTerm>
{
    public void Configure(EntityTypeBuilder<CloudSpaceTerm> builder)
    {
        builder.ToTable("CloudSpaceTerms");
        builder.Ignore(t => t.Period);
        builder.Ignore(t => t.Name);
        builder.Ignore(t => t.AwardCounts);
        builder.Property(t => t.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.OpenedById).HasMaxLength(450).IsRequired();
        builder.OwnsOne(t => t.Thresholds, thresholds => thresholds.WithOwner());
        builder.Navigation(t => t.Thresholds).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One assessment per school and term.
        builder.HasIndex(t => new { t.SchoolId, t.Start }).IsUnique();
        builder.HasIndex(t => new { t.Start, t.SchoolPath });
    }
}
