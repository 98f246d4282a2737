using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Bulletins;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> builder)
    {
        builder.ToTable("Bulletins");
        builder.Property(b => b.UnitName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(b => b.UnitPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(b => b.Title).HasMaxLength(200).IsRequired();
        builder.Property(b => b.Foreword).HasMaxLength(Bulletin.MaxForewordLength);
        builder.Property(b => b.SectionsJson).IsRequired();
        builder.Property(b => b.PdfKey).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(b => b.ExcelKey).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(b => b.PublishedById).HasMaxLength(450);
        builder.Property(b => b.PublishedByName).HasMaxLength(50);
        builder.Property(b => b.PublishFailure).HasMaxLength(Bulletin.MaxPublishFailureLength);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Cascade);
        // One bulletin per unit and week: a re-run replaces it, a concurrent run fails on this index instead of duplicating.
        builder.HasIndex(b => new { b.UnitId, b.WeekStart }).IsUnique();
        builder.HasIndex(b => b.UnitPath);
        builder.Ignore(b => b.Week);
        builder.Ignore(b => b.IsPublished);
    }
}

internal sealed class BulletinSettingsConfiguration : IEntityTypeConfiguration<BulletinSettings>
{
    public void Configure(EntityTypeBuilder<BulletinSettings> builder)
    {
        builder.ToTable("BulletinSettings");
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UnitId).IsUnique();
        builder.Ignore(s => s.Cron);
        builder.Ignore(s => s.ScheduleText);
    }
}

internal sealed class BulletinRunConfiguration : IEntityTypeConfiguration<BulletinRun>
{
    public void Configure(EntityTypeBuilder<BulletinRun> builder)
    {
        builder.ToTable("BulletinRuns");
        builder.Property(r => r.RequestedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.StepText).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(500);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.UnitId, r.RequestedAt });
        builder.Ignore(r => r.IsFinished);
        builder.Ignore(r => r.Percent);
    }
}
