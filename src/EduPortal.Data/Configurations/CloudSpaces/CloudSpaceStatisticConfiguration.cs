using EduPortal.Data.Accounts;
using EduPortal.Domain.CloudSpaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class CloudSpaceStatisticConfiguration : IEntityTypeConfiguration<CloudSpaceStatistic>
{
    public void Configure(EntityTypeBuilder<CloudSpaceStatistic> builder)
    {
        builder.ToTable("CloudSpaceStatistics");
        builder.Property(s => s.TeacherId).HasMaxLength(450).IsRequired();
        builder.HasOne<CloudSpaceTerm>().WithMany().HasForeignKey(s => s.TermId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.TermId, s.TeacherId }).IsUnique();
        builder.HasIndex(s => new { s.TeacherId, s.TermId });
    }
}
