using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.LabRecords;

internal sealed class LabRecordConfiguration : IEntityTypeConfiguration<LabRecord>
{
    public void Configure(EntityTypeBuilder<LabRecord> builder)
    {
        builder.ToTable("LabRecords");
        builder.Property(r => r.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.TeacherName).HasMaxLength(60).IsRequired();
        builder.Property(r => r.SchoolName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(LabExperiment.MaxNameLength);
        builder.Property(r => r.ClassName).HasMaxLength(40);
        builder.Property(r => r.Notes).HasMaxLength(LabRecordRules.MaxNotesLength);
        builder.Property(r => r.ReportedById).HasMaxLength(450);
        builder.Property(r => r.ReportedByName).HasMaxLength(60);
        builder.Property(r => r.ReportReason).HasMaxLength(LabRecord.MaxReasonLength);
        builder.Property(r => r.ReviewerId).HasMaxLength(450);
        builder.Property(r => r.ReviewerName).HasMaxLength(60);
        builder.Property(r => r.ReviewComment).HasMaxLength(LabRecord.MaxReasonLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // Stored as 0/1 so SQLite filters with "Shown = 1", an equality its indexes can serve; a bare boolean column
        // term makes it skip-scan and sort (measured in benchmarks/: 190 ms against 6 ms for a gallery page).
        builder.Property(r => r.Shown).HasConversion<int>();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LabExperiment>().WithMany().HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Media).WithOne().HasForeignKey(m => m.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Media).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The gallery pages by publication time within the common filters; statistics group shown records by school and date.
        builder.HasIndex(r => new { r.Shown, r.PublishedAt, r.Id });
        builder.HasIndex(r => new { r.Shown, r.CountyId, r.Subject, r.PublishedAt });
        builder.HasIndex(r => new { r.SchoolId, r.Shown, r.PublishedAt });
        // Statistics read (school, teacher, subject, date, experiment) of a date range: covering indexes make that an
        // index-only scan, city-wide and per county; the last lesson per school comes from the third.
        builder.HasIndex(r => new { r.Shown, r.LessonDate, r.SchoolId, r.TeacherId, r.Subject, r.ExperimentId });
        builder.HasIndex(r => new { r.CountyId, r.Shown, r.LessonDate, r.SchoolId, r.TeacherId, r.Subject, r.ExperimentId });
        builder.HasIndex(r => new { r.Shown, r.SchoolId, r.LessonDate });
        builder.HasIndex(r => new { r.TeacherId, r.State });
        // Circular 000 §三.1: one unpublished record per teacher, guaranteed by the database even across two tabs.
        // Double-quoted identifiers work on SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER is on by default).
        builder.HasIndex(r => r.TeacherId).IsUnique().HasFilter("\"State\" = 0").HasDatabaseName("IX_LabRecords_OneDraftPerTeacher");
        builder.HasIndex(r => new { r.State, r.SchoolPath });
    }
}

internal sealed class LabMediaConfiguration : IEntityTypeConfiguration<LabMedia>
{
    public void Configure(EntityTypeBuilder<LabMedia> builder)
    {
        builder.ToTable("LabMedia");
        builder.Property(m => m.FileKey).HasMaxLength(120).IsUnicode(false).IsRequired();
        builder.Property(m => m.ThumbnailKey).HasMaxLength(120).IsUnicode(false);
        builder.Property(m => m.ContentType).HasMaxLength(60).IsUnicode(false).IsRequired();
        builder.HasIndex(m => new { m.RecordId, m.Slot }).IsUnique();
        builder.HasIndex(m => m.FileKey);
    }
}

internal sealed class LabRecordTransitionConfiguration : IEntityTypeConfiguration<LabRecordTransition>
{
    public void Configure(EntityTypeBuilder<LabRecordTransition> builder)
    {
        builder.ToTable("LabRecordTransitions");
        builder.Property(t => t.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.ActorName).HasMaxLength(60).IsRequired();
        builder.Property(t => t.Action).HasMaxLength(20).IsUnicode(false).IsRequired();
        builder.Property(t => t.Reason).HasMaxLength(LabRecord.MaxReasonLength);
        builder.HasIndex(t => new { t.RecordId, t.At });
    }
}

internal sealed class LabExperimentConfiguration : IEntityTypeConfiguration<LabExperiment>
{
    public void Configure(EntityTypeBuilder<LabExperiment> builder)
    {
        builder.ToTable("LabExperiments");
        builder.Property(e => e.OwnerPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(e => e.Code).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Name).HasMaxLength(LabExperiment.MaxNameLength).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.OwnerOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.Subject, e.Grade, e.OwnerPath });
        builder.HasIndex(e => new { e.OwnerOrgUnitId, e.Code }).IsUnique();
    }
}

internal sealed class LabSubjectOpeningConfiguration : IEntityTypeConfiguration<LabSubjectOpening>
{
    public void Configure(EntityTypeBuilder<LabSubjectOpening> builder)
    {
        builder.ToTable("LabSubjectOpenings");
        builder.Property(o => o.OrgPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(o => o.ChangedByName).HasMaxLength(60);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.OrgUnitId, o.Subject }).IsUnique();
    }
}

internal sealed class LabInactivityFlagConfiguration : IEntityTypeConfiguration<LabInactivityFlag>
{
    public void Configure(EntityTypeBuilder<LabInactivityFlag> builder)
    {
        builder.ToTable("LabInactivityFlags");
        builder.Property(f => f.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(f => f.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.WeekStart, f.SchoolId }).IsUnique();
        builder.HasIndex(f => f.SchoolPath);
    }
}

/// <summary>The statistics' roll-ups of shown records (kept current by <see cref="EduPortal.Data.LabRecords.LabTallyInterceptor"/>).</summary>
internal sealed class LabDayTallyConfiguration : IEntityTypeConfiguration<LabDayTally>
{
    public void Configure(EntityTypeBuilder<LabDayTally> builder)
    {
        builder.ToTable("LabDayTallies");
        builder.HasKey(t => new { t.CountyId, t.Day, t.Subject });
        builder.HasIndex(t => new { t.Day, t.Subject, t.Records });
    }
}

internal sealed class LabTeacherTermTallyConfiguration : IEntityTypeConfiguration<LabTeacherTermTally>
{
    public void Configure(EntityTypeBuilder<LabTeacherTermTally> builder)
    {
        builder.ToTable("LabTeacherTermTallies");
        builder.HasKey(t => new { t.TermStart, t.SchoolId, t.TeacherId });
        builder.Property(t => t.TeacherId).HasMaxLength(450);
        builder.HasIndex(t => new { t.TermStart, t.CountyId });
    }
}

internal sealed class LabExperimentTermTallyConfiguration : IEntityTypeConfiguration<LabExperimentTermTally>
{
    public void Configure(EntityTypeBuilder<LabExperimentTermTally> builder)
    {
        builder.ToTable("LabExperimentTermTallies");
        builder.HasKey(t => new { t.TermStart, t.SchoolId, t.ExperimentId });
        builder.HasIndex(t => new { t.TermStart, t.CountyId });
    }
}
