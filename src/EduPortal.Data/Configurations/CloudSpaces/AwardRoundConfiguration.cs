using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.CloudSpaces;

internal sealed class AwardRoundConfiguration : IEntityTypeConfiguration<AwardRound>
{
    public void Configure(EntityTypeBuilder<AwardRound> builder)
    {
        builder.ToTable("AwardRounds");
        builder.Property(r => r.Title).HasMaxLength(AwardRound.MaxTitleLength).IsRequired();
        builder.Property(r => r.CountyPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(r => r.CountyName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(r => r.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.CreatedByName).HasMaxLength(60).IsRequired();
        builder.Property(r => r.PublishedByName).HasMaxLength(60);
        builder.Ignore(r => r.Schedule);
        builder.Ignore(r => r.Settings);
        builder.Ignore(r => r.IsPublished);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CountyId, r.Year });
        builder.HasIndex(r => r.CountyPath);
    }
}
