using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class LessonCompetitionConfiguration : IEntityTypeConfiguration<LessonCompetition>
{
    public void Configure(EntityTypeBuilder<LessonCompetition> builder)
    {
        builder.ToTable("LessonCompetitions");
        builder.Property(c => c.CountyPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(c => c.CountyName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(LessonCompetition.MaxTitleLength).IsRequired();
        builder.Property(c => c.OpenedByName).HasMaxLength(60).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CompetitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One competition per county and round (circular 004: each June and December).
        builder.HasIndex(c => new { c.CountyId, c.Year, c.Period }).IsUnique();
        builder.HasIndex(c => c.CountyPath);
    }
}
